// Who may talk to the browser-mode bridge: pure checks of Host, Origin and the tab's bridge key, kept apart
// from the HTTP plumbing so they can be tested as a table. Cookies play no part in it: browsers send cookies
// for 127.0.0.1 to every port, so any local web service the admin's browser visits would receive them.

/** The header every API call carries: the key this tab got for its one-time launch link. */
export const KEY_HEADER = 'x-roster-key';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Only our own names for the server: a foreign Host means DNS rebinding (evil.example resolving to 127.0.0.1). */
export function knownHost(host: string | undefined, port: number): boolean {
  return allowedHosts(port).includes(host ?? '');
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

type Headers = { host?: string; origin?: string; [KEY_HEADER]?: string | string[] };

/** A request made by script on our own page: a known Host (no DNS rebinding), a same-origin Origin (no CSRF). */
export function checkOwnPage(headers: Headers, port: number): GuardVerdict {
  if (!knownHost(headers.host, port)) return { ok: false, status: 403, reason: 'unexpected Host' };
  if (headers.origin !== `http://${headers.host}`) return { ok: false, status: 403, reason: 'cross-origin request' };
  return { ok: true };
}

/** The bridge key a request carries, if it carries exactly one. */
export function keyOf(headers: Headers): string | undefined {
  const key = headers[KEY_HEADER];
  return typeof key === 'string' && key.length > 0 && key.length <= 128 ? key : undefined;
}

/** Checks an API request: our own page, and a bridge key this launch handed out (cookies are never looked at). */
export function checkApiRequest(headers: Headers, port: number, isKnownKey: (key: string) => boolean): GuardVerdict {
  const page = checkOwnPage(headers, port);
  if (!page.ok) return page;
  const key = keyOf(headers);
  if (key === undefined || !isKnownKey(key)) return { ok: false, status: 401, reason: 'this page is not connected to Roster' };
  return { ok: true };
}

/**
 * A one-time download link opened by our own page: a known Host, and (where the browser says, as Chromium and
 * Firefox do) a same-origin request: another site cannot make the browser fetch it, even with a stolen link.
 */
export function checkDownloadRequest(headers: Headers & { 'sec-fetch-site'?: string }, port: number): GuardVerdict {
  if (!knownHost(headers.host, port)) return { ok: false, status: 403, reason: 'unexpected Host' };
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return { ok: false, status: 403, reason: 'cross-site download' };
  if (headers.origin !== undefined && headers.origin !== `http://${headers.host}`) return { ok: false, status: 403, reason: 'cross-origin request' };
  return { ok: true };
}
