// Browser mode: the renderer and the same dispatcher served on 127.0.0.1 only. A one-time launch link is traded,
// once, for a per-tab key the page keeps in sessionStorage and sends as a header; every API call must carry a
// key this launch handed out, from our own origin and Host. No cookie is set or read (see docs/SECURITY.md).
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { IMPORT_UPLOAD_PATH, methodInApiPath } from '../../common/api-path.ts';
import type { ImportFiles } from '../core/people-csv/import-files.ts';
import type { Dispatch } from '../core/api/dispatcher.ts';
import { MAX_PAYLOAD_BYTES } from '../core/api/dispatcher.ts';
import { BridgeKeys } from './bridge-keys.ts';
import { checkApiRequest, checkDownloadRequest, checkOwnPage, keyOf, knownHost } from './bridge-guard.ts';
import { DOWNLOAD_PATH, type DownloadTickets } from './download-tickets.ts';
import { receiveUpload } from './import-upload.ts';
import { HELP_PATH, HELP_STYLE, HELP_STYLE_PATH, helpPage, helpReason } from './launch-pages.ts';
import { LaunchTickets } from './launch-tickets.ts';
import { SECURITY_HEADERS, confinedPath, contentType, readFileIfExists } from '../serving/static-files.ts';

export interface WebServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  preloadFile: string;
  port?: number;
  /** For launch-link expiry (tests move it). */
  now?: () => number;
  /** Where failures outside the dispatcher are reported (never with a request body). */
  logError?: (err: unknown) => void;
  /** One-time download links for exports (given to the core as its file delivery). */
  downloads?: DownloadTickets;
  /** Where uploaded CSV files wait to be imported (the core reads them by id). */
  uploads?: ImportFiles;
}

export interface WebServer {
  /** The first one-time launch link. */
  url: string;
  port: number;
  /** A fresh one-time launch link (the admin pressed Enter in the terminal). */
  newLink(): string;
  close(): Promise<void>;
}

const PRELOAD_PATH = '/preload-web.js';
/** How long an idle connection from the browser stays open. */
export const KEEP_ALIVE_MS = 5 * 60_000;
export const CLAIM_PATH = '/bridge/claim';
/** How much of an oversized body is read (and dropped) so the 413 reaches the client; beyond it, hang up. */
const DRAIN_LIMIT = 1024 * 1024;

type Extra = Record<string, string | string[]>;

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Extra = {}) {
  // A length, not chunks: the browser knows the answer is whole when its bytes are in, without waiting for the
  // closing chunk.
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': length, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

const sendJson = (res: http.ServerResponse, status: number, value: unknown, extra: Extra = {}) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);

const refusal = (code: string, message: string) => ({ ok: false, error: { code, message } });

/**
 * The body as text, or null when it is larger than `limit` or the client hung up. An oversized body is read to
 * its end and dropped (up to DRAIN_LIMIT, beyond which the socket is closed), so the 413 sent after it arrives.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  if (Number(req.headers['content-length']) > DRAIN_LIMIT) return Promise.resolve(null);
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT) return void req.destroy();
      if (size > limit) chunks = [];
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
    req.on('close', () => resolve(null)); // after 'end' this changes nothing
  });
}

const tooLarge = (res: http.ServerResponse) =>
  sendJson(res, 413, refusal('BAD_REQUEST', 'The request is too large.'), { Connection: 'close' });

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const tickets = new LaunchTickets(options.now);
  const keys = new BridgeKeys();
  const logError = options.logError ?? ((err) => console.error('Roster: a browser-mode request failed:', err));
  let port = 0;
  const indexHtml = () => {
    const html = readFileIfExists(path.join(options.rendererDir, 'index.html'));
    if (!html) return null;
    // The web preload defines window.roster before the app's module script runs, as Electron's preload does.
    return html.toString('utf8').replace('<head>', `<head><script src="${PRELOAD_PATH}"></script>`);
  };

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    const verdict = checkApiRequest(req.headers, port, (key) => keys.has(key));
    if (!verdict.ok) { sendJson(res, verdict.status, refusal(verdict.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', `Refused: ${verdict.reason}.`)); return; }
    if (req.method !== 'POST') { sendJson(res, 405, refusal('BAD_REQUEST', 'Use POST.'), { Allow: 'POST' }); return; }
    const body = await readBody(req, MAX_PAYLOAD_BYTES);
    if (body === null) { tooLarge(res); return; }
    let payload: unknown;
    try {
      payload = body === '' ? {} : JSON.parse(body);
    } catch {
      sendJson(res, 400, refusal('BAD_REQUEST', 'The request is not valid JSON.'));
      return;
    }
    // checkApiRequest let it through, so the key is there and known.
    const slot = keys.slotFor(keyOf(req.headers) ?? '');
    if (!slot) { sendJson(res, 401, refusal('UNAUTHENTICATED', 'Refused: unknown tab key.')); return; }
    sendJson(res, 200, await options.dispatch(method, payload, slot));
  }

  /** POST /upload/import: a CSV file to import, from a tab with a key (import-upload.ts). */
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse) {
    const verdict = checkApiRequest(req.headers, port, (key) => keys.has(key));
    if (!verdict.ok) { sendJson(res, verdict.status, refusal(verdict.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', `Refused: ${verdict.reason}.`)); return; }
    if (req.method !== 'POST') { sendJson(res, 405, refusal('BAD_REQUEST', 'Use POST.'), { Allow: 'POST' }); return; }
    if (!options.uploads) { sendJson(res, 404, refusal('NOT_SUPPORTED', 'Importing is not available here.')); return; }
    const answer = await receiveUpload(req, options.uploads);
    sendJson(res, answer.status, answer.body, answer.status === 413 ? { Connection: 'close' } : {});
  }

  /** Trades a live launch ticket, once, for a new tab key. */
  async function handleClaim(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const verdict = checkOwnPage(req.headers, port);
    if (!verdict.ok) { sendJson(res, verdict.status, { ok: false, reason: verdict.reason }); return; }
    if (req.method !== 'POST') { sendJson(res, 405, { ok: false, reason: 'use POST' }, { Allow: 'POST' }); return; }
    const body = await readBody(req, 1024);
    if (body === null) { tooLarge(res); return; }
    let ticket: unknown;
    try {
      ticket = (JSON.parse(body) as { ticket?: unknown } | null)?.ticket;
    } catch {
      /* not JSON: no ticket */
    }
    if (typeof ticket !== 'string') { sendJson(res, 400, { ok: false, reason: 'no ticket' }); return; }
    const state = tickets.claim(ticket);
    if (state !== 'live') { sendJson(res, 410, { ok: false, reason: state }); return; }
    sendJson(res, 200, { ok: true, key: keys.issue() });
  }

  /** GET /download/<ticket>: streams an export once, as an attachment, if its admin may still have it. */
  async function handleDownload(req: http.IncomingMessage, res: http.ServerResponse, ticket: string) {
    const verdict = checkDownloadRequest(req.headers, port);
    if (!verdict.ok) { send(res, verdict.status, `Refused: ${verdict.reason}.`, 'text/plain; charset=utf-8'); return; }
    if (req.method !== 'GET') { send(res, 405, 'Method not allowed', 'text/plain', { Allow: 'GET' }); return; }
    const claimed = options.downloads?.claim(ticket) ?? { state: 'unknown' as const };
    if (claimed.state !== 'live') {
      const why = claimed.state === 'used' ? 'was already used' : claimed.state === 'expired' ? 'has expired (links work for 60 seconds)' : 'is not one Roster made';
      send(res, claimed.state === 'unknown' ? 404 : 410, `This download link ${why}. Export again from Roster.`, 'text/plain; charset=utf-8'); return;
    }
    const { file } = claimed;
    try {
      file.authorise();
    } catch (err) {
      send(res, 403, `Refused: ${(err as Error).message}`, 'text/plain; charset=utf-8'); return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'no-store',
    });
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    try {
      await file.write(res, gone.signal);
      res.end();
    } catch (err) {
      if (!gone.signal.aborted) logError(err);
      res.destroy(); // a cut-off download must not look complete
    }
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') { send(res, 405, 'Method not allowed', 'text/plain', { Allow: 'GET, HEAD' }); return; }
    // The app's files hold no secret and no data (that only comes through the API), so they need no key; a spent
    // or stale launch link gets a page that says how to get a new one.
    const launch = url.searchParams.get('launch');
    if (url.pathname === '/' && launch !== null) {
      const state = tickets.state(launch);
      if (state !== 'live') { send(res, state === 'unknown' ? 404 : 410, helpPage(state), 'text/html; charset=utf-8'); return; }
    }
    if (url.pathname === HELP_PATH) { send(res, 200, helpPage(helpReason(url.searchParams.get('reason'))), 'text/html; charset=utf-8'); return; }
    if (url.pathname === HELP_STYLE_PATH) { send(res, 200, HELP_STYLE, 'text/css; charset=utf-8'); return; }
    if (url.pathname === PRELOAD_PATH) {
      const preload = readFileIfExists(options.preloadFile);
      if (preload) send(res, 200, preload, contentType(options.preloadFile));
      else send(res, 404, 'Not found', 'text/plain');
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const html = indexHtml();
      if (html) send(res, 200, html, 'text/html; charset=utf-8');
      else send(res, 500, 'Roster is not built. Run npm run build.', 'text/plain');
      return;
    }
    const file = confinedPath(options.rendererDir, url.pathname);
    const content = file ? readFileIfExists(file) : null;
    if (!file || !content) { send(res, 404, 'Not found', 'text/plain'); return; }
    send(res, 200, content, contentType(file), { 'Cache-Control': 'no-cache' });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!knownHost(req.headers.host, port)) { send(res, 403, 'Forbidden', 'text/plain'); return; }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      send(res, 400, 'Bad request', 'text/plain');
      return;
    }
    const method = methodInApiPath(url.pathname);
    if (method !== null) return handleApi(req, res, method);
    if (url.pathname === CLAIM_PATH) return handleClaim(req, res);
    if (url.pathname === IMPORT_UPLOAD_PATH) return handleUpload(req, res);
    if (url.pathname.startsWith(DOWNLOAD_PATH)) return handleDownload(req, res, url.pathname.slice(DOWNLOAD_PATH.length, DOWNLOAD_PATH.length + 100));
    handleStatic(req, res, url);
  }

  // The one error boundary: whatever a request does, it gets an answer or a closed socket, never a dead server.
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      logError(err);
      if (!res.headersSent) sendJson(res, 500, refusal('INTERNAL', 'Something went wrong inside Roster.'), { Connection: 'close' });
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // The admin reads a page for a while between clicks; with Node's default of 5 s each first click after a pause
  // paid for a new connection. Only this machine's browser connects, so idle connections cost nothing to keep.
  server.keepAliveTimeout = KEEP_ALIVE_MS;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const newLink = () => `http://127.0.0.1:${port}/?launch=${tickets.issue()}`;
  return {
    port,
    url: newLink(),
    newLink,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
