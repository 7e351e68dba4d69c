// Roster's own origin inside Electron (app://roster) and the checks that decide whether a URL or an IPC
// sender is Roster itself. Pure functions, so the security decisions are unit-tested without Electron.
export const APP_SCHEME = 'app';
export const APP_HOST = 'roster';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True only for app://roster/... (no other host, port, credentials or scheme). */
export function isTrustedAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

export interface SenderFacts {
  /** URL of the frame that sent the message; absent when the frame is gone. */
  frameUrl: string | undefined;
  /** The frame is the top-level frame of its window (not an iframe). */
  isMainFrame: boolean;
  /** The sender's webContents belongs to a window Roster created. */
  isKnownWindow: boolean;
}

/** An IPC call is served only when it comes from the main frame of one of Roster's windows showing app://roster. */
export function isTrustedSender({ frameUrl, isMainFrame, isKnownWindow }: SenderFacts): boolean {
  return isKnownWindow && isMainFrame && isTrustedAppUrl(frameUrl);
}
