// Who may talk to the browser-mode bridge: pure checks of Host, Origin and the launch cookie, kept apart
// from the HTTP plumbing so they can be tested as a table.
import { timingSafeEqual } from 'node:crypto';

export const BRIDGE_COOKIE = 'roster_bridge';
export const SESSION_COOKIE = 'roster_session';

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name) out[name] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

export function sameSecret(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** Checks an API request: a known Host (no DNS rebinding), a same-origin Origin (no CSRF), the launch cookie. */
export function checkApiRequest(
  headers: { host?: string; origin?: string; cookie?: string },
  port: number,
  launchToken: string,
): GuardVerdict {
  const host = headers.host ?? '';
  if (!allowedHosts(port).includes(host)) return { ok: false, status: 403, reason: 'unexpected Host' };
  if (headers.origin !== `http://${host}`) return { ok: false, status: 403, reason: 'cross-origin request' };
  if (!sameSecret(parseCookies(headers.cookie)[BRIDGE_COOKIE], launchToken)) {
    return { ok: false, status: 401, reason: 'not opened from the launch link' };
  }
  return { ok: true };
}

export function cookie(name: string, value: string, options: { maxAgeSeconds?: number } = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  return parts.join('; ');
}
