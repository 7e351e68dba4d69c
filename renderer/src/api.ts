// The renderer's typed client for window.roster (set by either preload). Components use this, never window.roster.
import type { MethodInput, MethodOutput, RosterApi } from '../../common/contract.ts';
import type { Result, RosterError } from '../../common/errors.ts';
import type { MethodName } from '../../common/method-names.ts';

declare global {
  interface Window {
    roster: RosterApi;
  }
}

/** A failed call, carrying the contract's error so forms can show it on the right field. */
export class ApiError extends Error {
  constructor(readonly error: RosterError) {
    super(error.message);
    this.name = 'ApiError';
  }
  get code() {
    return this.error.code;
  }
  get field() {
    return this.error.field;
  }
}

type Listener = () => void;
const sessionEndedListeners = new Set<Listener>();

/** Called when main says the session is gone (signed out elsewhere, deactivated, role changed). */
export function onSessionEnded(listener: Listener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

export async function call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const fn = window.roster[method] as unknown as (i: MethodInput<K>) => Promise<Result<MethodOutput<K>>>;
  const result = await fn(input);
  if (result.ok) return result.value;
  if (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'PASSWORD_CHANGE_REQUIRED') {
    sessionEndedListeners.forEach((l) => l());
  }
  throw new ApiError(result.error);
}

/** Browser mode's upload of a file to import (preload/web.ts); absent under Electron, where main opens the picker. */
interface RosterUpload {
  importFile(file: File): Promise<Result<{ importId: string; fileName: string }>>;
}
declare global {
  interface Window {
    rosterUpload?: RosterUpload;
  }
}

/** Whether files reach main through the page's own file chooser (browser mode) rather than the system's picker. */
export const uploadsFiles = (): boolean => typeof window.rosterUpload?.importFile === 'function';

export async function uploadImportFile(file: File): Promise<{ importId: string; fileName: string }> {
  if (!window.rosterUpload) throw new ApiError({ code: 'NOT_SUPPORTED', message: 'Choose the file with the system picker.' });
  const result = await window.rosterUpload.importFile(file);
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}
