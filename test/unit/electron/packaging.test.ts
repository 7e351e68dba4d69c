// electron-builder.yml is a valid electron-builder configuration that ships the Electron SQLite driver and
// hardens the executable with every fuse set on purpose.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BINDING_FILE, PACKAGING_FOLDER, nativeBindingFor } from '../../../main/electron/native-binding-path.mjs';
import { WORKER_BUNDLES } from '../../../main/core/worker-code.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);

interface FusesHook {
  rosterFuses(options: Record<string, number | string>, version: Record<string, number>, flags?: { resetAdHocDarwinSignature?: boolean }): Record<string, unknown>;
  packagedExecutable(where: { appOutDir: string; electronPlatformName: string; productFilename: string; executableName: string }): string;
}
const hook = require('../../../scripts/electron-fuses.cjs') as FusesHook;
const fuses = require('@electron/fuses') as { FuseV1Options: Record<string, number | string>; FuseVersion: Record<string, number> };

async function loadConfig(): Promise<Record<string, unknown>> {
  // electron-builder's internals ship no types for these two.
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    getConfig: (root: string, file: string, overrides: null) => Promise<Record<string, unknown>>;
    validateConfiguration: (config: Record<string, unknown>, log: unknown) => Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false)); // throws on anything electron-builder rejects
  return config;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation and names the app', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({ appId: 'org.roster.app', productName: 'Roster', asar: true, npmRebuild: false });
  }, 30_000);

  it('ships the entry package.json points at, and its preload and renderer', async () => {
    const config = await loadConfig();
    const { main } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    // electron-builder normalises `files` into [{ filter: [...] }].
    const patterns = (config.files as ({ filter: string[] } | string)[]).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(patterns).toEqual(expect.arrayContaining([main, 'dist/preload/electron.cjs', 'dist/renderer/**']));
  });

  it('ships the database workers (import, bulk actions) the main bundle reads beside itself', async () => {
    const config = await loadConfig();
    const patterns = (config.files as ({ filter: string[] } | string)[]).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    for (const bundle of Object.values(WORKER_BUNDLES)) expect(patterns).toContain(`dist/main/${bundle}`);
  });

  it('ships the Electron-ABI driver where the packaged app looks for it', async () => {
    const config = await loadConfig();
    const resource = (config.extraResources as { from: string; to: string }[])[0]!;
    expect(resource.from).toBe(path.posix.join(PACKAGING_FOLDER.split(path.sep).join('/'), BINDING_FILE));
    const shipped = path.join('/app/resources', resource.to);
    expect(nativeBindingFor({ isPackaged: true, resourcesPath: '/app/resources', root, electronVersion: '45.5.0', platform: 'linux', arch: 'x64' })).toBe(shipped);
  });

  it('runs the fuses hook after packing, and targets Windows, macOS and Linux', async () => {
    const config = await loadConfig();
    expect(fs.existsSync(path.join(root, config.afterPack as string))).toBe(true);
    expect(config).toMatchObject({ win: { target: ['nsis'] }, mac: { target: ['dmg'] }, linux: { target: ['AppImage', 'deb'] } });
  });
});

describe('electron-fuses.cjs', () => {
  const wire = hook.rosterFuses(fuses.FuseV1Options, fuses.FuseVersion);
  const fuse = (name: string) => wire[String(fuses.FuseV1Options[name])];

  it.each([
    ['RunAsNode', false],
    ['EnableNodeOptionsEnvironmentVariable', false],
    ['EnableNodeCliInspectArguments', false],
    ['EnableEmbeddedAsarIntegrityValidation', true],
    ['OnlyLoadAppFromAsar', true],
    ['EnableCookieEncryption', true],
    ['GrantFileProtocolExtraPrivileges', false],
  ])('%s is %s', (name, value) => {
    expect(fuse(name)).toBe(value);
  });

  it('sets every fuse this @electron/fuses knows, and demands it', () => {
    expect(wire.strictlyRequireAllFuses).toBe(true);
    const known = Object.values(fuses.FuseV1Options).filter((v): v is number => typeof v === 'number');
    for (const id of known) expect(typeof wire[String(id)], `fuse ${id}`).toBe('boolean');
  });

  it.each([
    ['linux', '/out/linux-unpacked/roster'],
    ['win32', '/out/win-unpacked/Roster.exe'],
    ['darwin', '/out/mac/Roster.app'],
  ])('finds the packaged executable on %s', (platform, expected) => {
    const appOutDir = path.dirname(expected);
    expect(hook.packagedExecutable({ appOutDir, electronPlatformName: platform, productFilename: 'Roster', executableName: 'roster' })).toBe(expected);
  });
});
