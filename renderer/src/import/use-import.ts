// The Import CSV dialog's state: which step, the file's preview (mapping and counts), and once confirmed, the
// import's status, polled while it is written and while invites go out. Every call goes through the typed client.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportMapping, ImportPreview, ImportStatus } from '../../../common/people-import.ts';
import { call, uploadImportFile, uploadsFiles } from '../api.ts';

export type Step = 'file' | 'columns' | 'rows' | 'import';
export const STEPS: { step: Step; label: string }[] = [
  { step: 'file', label: 'Choose a file' },
  { step: 'columns', label: 'Match the columns' },
  { step: 'rows', label: 'Check the rows' },
  { step: 'import', label: 'Import' },
];

const POLL_MS = 250;

export function useImport() {
  const [step, setStep] = useState<Step>('file');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const importId = preview?.importId ?? null;
  const closed = useRef(false);

  const run = useCallback(async <T,>(what: string, work: () => Promise<T>): Promise<T | null> => {
    setBusy(what);
    setError(null);
    try {
      return await work();
    } catch (err) {
      setError((err as Error).message);
      return null;
    } finally {
      setBusy(null);
    }
  }, []);

  /** Browser mode: the page's file chooser gave a file; under Electron, main shows the system's picker. */
  const chooseFile = useCallback(
    async (file?: File) => {
      const opened = await run('Reading the file…', async () => {
        const chosen = uploadsFiles() ? (file ? await uploadImportFile(file) : null) : await call('chooseImportFile', {});
        return chosen ? call('previewImport', { importId: chosen.importId }) : null;
      });
      if (opened) {
        setPreview(opened);
        setStep('columns');
      }
    },
    [run],
  );

  const remap = useCallback(
    async (mapping: ImportMapping) => {
      if (!importId) return;
      const next = await run('Checking the rows again…', () => call('previewImport', { importId, mapping }));
      if (next) setPreview(next);
    },
    [importId, run],
  );

  const confirm = useCallback(async () => {
    if (!importId) return;
    const started = await run('Starting the import…', () => call('confirmImport', { importId }));
    if (started) setStatus(started);
  }, [importId, run]);

  const retry = useCallback(async () => {
    if (!importId) return;
    const next = await run('Sending again…', () => call('retryImportInvites', { importId }));
    if (next) setStatus(next);
  }, [importId, run]);

  const refresh = useCallback(async () => {
    if (!importId) return;
    try {
      setStatus(await call('importStatus', { importId }));
    } catch (err) {
      setError((err as Error).message);
    }
  }, [importId]);

  // While the import is written or its invites go out: progress, a few times a second.
  const phase = status?.phase;
  useEffect(() => {
    if (!importId || (phase !== 'writing' && phase !== 'sending')) return;
    let timer = 0;
    const tick = async () => {
      try {
        const next = await call('importStatus', { importId });
        if (!closed.current) setStatus(next);
        if (next.phase === 'writing' || next.phase === 'sending') timer = window.setTimeout(() => void tick(), POLL_MS);
      } catch (err) {
        setError((err as Error).message);
      }
    };
    timer = window.setTimeout(() => void tick(), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [importId, phase]);

  /** The codes file was handed out (main counts it taken once it is written, a moment later). */
  const codesTaken = useCallback(() => setStatus((s) => (s ? { ...s, codes: 'taken' } : s)), []);

  /** Lets main drop the file's rows (not while the import is being written: that finishes on its own). */
  const close = useCallback(() => {
    closed.current = true;
    if (importId && status?.phase !== 'writing') void call('closeImport', { importId }).catch(() => {});
  }, [importId, status?.phase]);

  return { step, setStep, preview, status, busy, error, setError, chooseFile, remap, confirm, retry, refresh, codesTaken, close };
}
