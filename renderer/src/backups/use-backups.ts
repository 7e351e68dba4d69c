// The Backups page's state: the view from main, and the progress of whatever backup operation is running,
// polled while one runs (main does the work; the page only watches it).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupProgress, BackupsView } from '../../../common/backups.ts';
import { call } from '../api.ts';

const POLL_MS = 400;

export interface BackupsState {
  view: BackupsView | null;
  loadError: string | null;
  progress: BackupProgress | null;
  reload: () => Promise<void>;
  /** Runs `work` (a call that takes a while) and shows main's progress until it settles. */
  track: <T>(work: () => Promise<T>) => Promise<T>;
}

export function useBackups(): BackupsState {
  const [view, setView] = useState<BackupsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const watching = useRef(0);

  /** Polls progress while `stillRunning` says so (or while tracked work is pending). */
  const watch = useCallback(async (stillRunning: () => Promise<boolean>) => {
    watching.current++;
    try {
      let running = true;
      while (running) {
        setProgress(await call('backupProgress', {}).catch(() => null));
        await new Promise((r) => setTimeout(r, POLL_MS));
        running = await stillRunning().catch(() => false);
      }
    } finally {
      watching.current--;
      setProgress(null);
    }
  }, []);

  const reload = useCallback(async (): Promise<void> => {
    try {
      const next = await call('getBackups', {});
      setView(next);
      setLoadError(null);
      // An automatic backup is running: show it, and the list once it is done.
      if (next.running && watching.current === 0) {
        void watch(() => call('backupProgress', {}).then((p) => p !== null)).then(() => reloadRef.current());
      }
    } catch (err) {
      setLoadError((err as Error).message);
    }
  }, [watch]);
  const reloadRef = useRef(reload);
  useEffect(() => {
    // The ref exists so the watcher started inside `reload` calls the newest one; set after render, not during it.
    // eslint-disable-next-line react-hooks/immutability -- see above
    reloadRef.current = reload;
  }, [reload]);

  const track = useCallback(
    async <T,>(work: () => Promise<T>): Promise<T> => {
      let done = false;
      const watcher = watch(() => Promise.resolve(!done));
      try {
        return await work();
      } finally {
        done = true;
        await watcher;
      }
    },
    [watch],
  );

  useEffect(() => {
    // reload sets state only once main has answered, not synchronously in the effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
    void reload();
  }, [reload]);

  return { view, loadError, progress, reload, track };
}
