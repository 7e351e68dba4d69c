// Browser mode: the renderer and the same dispatcher served on 127.0.0.1 only. The per-launch token in the
// printed URL becomes an HttpOnly cookie; every API call must carry it, from our own origin and Host.
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Dispatch } from '../core/api/dispatcher.ts';
import { MAX_PAYLOAD_BYTES } from '../core/api/dispatcher.ts';
import { MemorySessionSlot } from '../core/api/session-slot.ts';
import { BRIDGE_COOKIE, SESSION_COOKIE, checkApiRequest, cookie, parseCookies, sameSecret, allowedHosts } from './bridge-guard.ts';
import { SECURITY_HEADERS, confinedPath, contentType, readFileIfExists } from './static-files.ts';

export interface WebServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  preloadFile: string;
  port?: number;
}

export interface WebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const PRELOAD_PATH = '/preload-web.js';
/** How long an idle connection from the browser stays open. */
export const KEEP_ALIVE_MS = 5 * 60_000;

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string | string[]> = {}) {
  // A length, not chunks: the browser knows the answer is whole when its bytes are in, without waiting for the
  // closing chunk.
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': length, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

const sendJson = (res: http.ServerResponse, status: number, value: unknown, extra: Record<string, string | string[]> = {}) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_PAYLOAD_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const launchToken = randomBytes(24).toString('base64url');
  let port = 0;
  const indexHtml = () => {
    const html = readFileIfExists(path.join(options.rendererDir, 'index.html'));
    if (!html) return null;
    // The web preload defines window.roster before the app's module script runs, as Electron's preload does.
    return html.toString('utf8').replace('<head>', `<head><script src="${PRELOAD_PATH}"></script>`);
  };

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    const verdict = checkApiRequest(req.headers, port, launchToken);
    if (!verdict.ok) return sendJson(res, verdict.status, { ok: false, error: { code: verdict.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message: `Refused: ${verdict.reason}.` } });
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'BAD_REQUEST', message: 'Use POST.' } }, { Allow: 'POST' });
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'BAD_REQUEST', message: 'The request is too large.' } });
    let payload: unknown;
    try {
      payload = body === '' ? {} : JSON.parse(body);
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: 'The request is not valid JSON.' } });
    }
    const before = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    const slot = new MemorySessionSlot(before);
    const result = await options.dispatch(method, payload, slot);
    const after = slot.get();
    const headers: Record<string, string> = {};
    if (after !== before) headers['Set-Cookie'] = after ? cookie(SESSION_COOKIE, after) : cookie(SESSION_COOKIE, '', { maxAgeSeconds: 0 });
    sendJson(res, 200, result, headers);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain', { Allow: 'GET, HEAD' });
    if (!allowedHosts(port).includes(req.headers.host ?? '')) return send(res, 403, 'Forbidden', 'text/plain');
    const cookies = parseCookies(req.headers.cookie);
    if (url.pathname === '/' && url.searchParams.has('token')) {
      if (!sameSecret(url.searchParams.get('token') ?? undefined, launchToken)) return send(res, 401, 'This link has expired. Use the link Roster printed when it started.', 'text/plain; charset=utf-8');
      // Trade the token in the URL for a cookie, and drop it from the address bar and history.
      return send(res, 303, '', 'text/plain', { Location: '/', 'Set-Cookie': cookie(BRIDGE_COOKIE, launchToken) });
    }
    if (!sameSecret(cookies[BRIDGE_COOKIE], launchToken)) {
      return send(res, 401, 'Open Roster with the link it printed when it started (it contains a one-time token).', 'text/plain; charset=utf-8');
    }
    if (url.pathname === PRELOAD_PATH) {
      const preload = readFileIfExists(options.preloadFile);
      return preload ? send(res, 200, preload, contentType(options.preloadFile)) : send(res, 404, 'Not found', 'text/plain');
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const html = indexHtml();
      return html ? send(res, 200, html, 'text/html; charset=utf-8') : send(res, 500, 'Roster is not built. Run npm run build.', 'text/plain');
    }
    const file = confinedPath(options.rendererDir, url.pathname);
    const content = file ? readFileIfExists(file) : null;
    if (!file || !content) return send(res, 404, 'Not found', 'text/plain');
    send(res, 200, content, contentType(file), { 'Cache-Control': 'no-cache' });
  }

  const server = http.createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return send(res, 400, 'Bad request', 'text/plain');
    }
    const api = /^\/api\/([A-Za-z]{1,64})$/.exec(url.pathname);
    const work = api ? handleApi(req, res, api[1]!) : Promise.resolve(handleStatic(req, res, url));
    work.catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Roster.' } });
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
  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${launchToken}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
