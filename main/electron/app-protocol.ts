// The app:// protocol that serves the built renderer to Roster's window: GET and HEAD only, host "roster" only,
// paths confined to the renderer folder, and the same CSP and headers as browser mode.
import { SECURITY_HEADERS, confinedPath, contentType, readFileIfExists } from '../serving/static-files.ts';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';

export type AppRequestDecision = { kind: 'file'; file: string } | { kind: 'refuse'; status: 400 | 403 | 404 | 405; reason: string };

/** Which file a request may read, or why it is refused. Touches no file system except path arithmetic. */
export function decideAppRequest(method: string, url: string, rendererDir: string): AppRequestDecision {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refuse', status: 405, reason: 'Method not allowed' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refuse', status: 400, reason: 'Bad request' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) {
    return { kind: 'refuse', status: 403, reason: 'Forbidden' };
  }
  const file = confinedPath(rendererDir, parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  if (!file) return { kind: 'refuse', status: 403, reason: 'Forbidden' };
  return { kind: 'file', file };
}

const textResponse = (status: number, text: string, extra: Record<string, string> = {}) =>
  new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra } });

/** The answer to one app:// request; what protocol.handle calls. */
export function respondToAppRequest(request: { method: string; url: string }, rendererDir: string): Response {
  const decision = decideAppRequest(request.method, request.url, rendererDir);
  if (decision.kind === 'refuse') {
    return textResponse(decision.status, decision.reason, decision.status === 405 ? { Allow: 'GET, HEAD' } : {});
  }
  const content = readFileIfExists(decision.file);
  if (!content) return textResponse(404, 'Not found');
  const headers = { ...SECURITY_HEADERS, 'Content-Type': contentType(decision.file), 'Cache-Control': 'no-cache' };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(content), { status: 200, headers });
}
