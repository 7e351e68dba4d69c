// Browser mode's preload: the same window.roster as Electron's, each method a POST to the loopback bridge. A tab
// trades its one-time launch link, once, for a key it keeps in sessionStorage (this tab and this origin only, the
// port included) and sends as a header with every call. Never a cookie: browsers send 127.0.0.1 cookies to
// every port, so any local web service the browser visits would get them.
import { apiPath, FILE_NAME_HEADER, IMPORT_UPLOAD_PATH } from '../common/api-path.ts';
import type { Result } from '../common/errors.ts';
import { METHOD_NAMES, type MethodName } from '../common/method-names.ts';

const KEY_STORE = 'roster.bridgeKey';
const KEY_HEADER = 'X-Roster-Key';

/** Shows the page that says how to get a new link (Enter in Roster's terminal). */
function notConnected(reason: string): null {
  location.replace(`/not-connected?reason=${encodeURIComponent(reason)}`);
  return null;
}

async function connect(): Promise<string | null> {
  const ticket = new URLSearchParams(location.search).get('launch');
  if (ticket === null) return sessionStorage.getItem(KEY_STORE) ?? notConnected('disconnected');
  // The link is spent by this very call: take it out of the address bar and this history entry at once.
  history.replaceState(null, '', '/');
  const res = await fetch('/bridge/claim', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'omit',
    body: JSON.stringify({ ticket }),
  });
  const body = (await res.json()) as { ok: boolean; key?: string; reason?: string };
  if (!body.ok || typeof body.key !== 'string') return notConnected(body.reason ?? 'disconnected');
  sessionStorage.setItem(KEY_STORE, body.key);
  return body.key;
}

const connected = connect().catch(() => null);

const unreachable: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Roster is not reachable. Is it still running? Start it again and reload this page.' },
};

async function call(method: MethodName, input: unknown): Promise<Result<unknown>> {
  const key = await connected;
  if (key === null) return unreachable;
  try {
    const res = await fetch(apiPath(method), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [KEY_HEADER]: key },
      credentials: 'omit',
      body: JSON.stringify(input ?? {}),
    });
    if (res.status === 401) {
      // Roster no longer knows this tab's key (it was restarted): this tab needs a new link.
      sessionStorage.removeItem(KEY_STORE);
      notConnected('disconnected');
    }
    return (await res.json()) as Result<unknown>;
  } catch {
    return unreachable;
  }
}

/** Browser mode only: sends a CSV file the admin chose to main, which answers with an import id (import-upload.ts). */
async function uploadImportFile(file: File): Promise<Result<{ importId: string; fileName: string }>> {
  const key = await connected;
  if (key === null) return unreachable;
  try {
    const res = await fetch(IMPORT_UPLOAD_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv', [KEY_HEADER]: key, [FILE_NAME_HEADER]: encodeURIComponent(file.name) },
      credentials: 'omit',
      body: file,
    });
    return (await res.json()) as Result<{ importId: string; fileName: string }>;
  } catch {
    return unreachable;
  }
}
Object.defineProperty(window, 'rosterUpload', { value: Object.freeze({ importFile: uploadImportFile }), writable: false, configurable: false });

const api = Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => call(name, input)]));
Object.defineProperty(window, 'roster', { value: Object.freeze(api), writable: false, configurable: false });
