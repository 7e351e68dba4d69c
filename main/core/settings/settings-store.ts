// Where Roster keeps settings that are not people data (SMTP): electron-store under Electron, `conf` (its Node
// base, same config.json format) in browser mode and tests. Core code only sees this small interface.
import Conf from 'conf';

export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** The structural part of Conf (and of electron-store, which extends it) that Roster uses. */
export interface ConfLike {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export function settingsStoreOver(conf: ConfLike): SettingsStore {
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
  };
}

/** Browser mode: the same file electron-store would use (config.json in the data folder), owner-only. */
export function confSettingsStore(dataDir: string): SettingsStore {
  let conf: Conf;
  try {
    conf = new Conf({ cwd: dataDir, configName: 'config', configFileMode: 0o600, clearInvalidConfig: false });
  } catch (err) {
    throw new Error(`the settings file config.json in ${dataDir} could not be read (${(err as Error).message}). Move it aside to start with empty settings.`, { cause: err });
  }
  return settingsStoreOver(conf);
}
