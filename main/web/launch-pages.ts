// The pages browser mode shows instead of the app when a tab has no working launch link, and the small
// redirect file the browser is opened with. Fixed text only: nothing from the request is ever echoed.
import { escapeHtml } from '../core/email/messages.ts';
import { TICKET_LIFETIME_MS } from './launch-tickets.ts';

export const HELP_PATH = '/not-connected';
export const HELP_STYLE_PATH = '/not-connected.css';

export type HelpReason = 'used' | 'expired' | 'unknown' | 'disconnected';

const HEADINGS: Record<HelpReason, string> = {
  used: 'This link has already been used',
  expired: 'This link has expired',
  unknown: 'This link does not belong to this Roster',
  disconnected: 'This page is not connected to Roster',
};

const WHY: Record<HelpReason, string> = {
  used: 'Each Roster link opens Roster once, in one browser tab, so that a link left in your browser history or shell is worthless to anyone else.',
  expired: `Each Roster link works for ${TICKET_LIFETIME_MS / 60_000} minutes after it is made.`,
  unknown: 'It may come from an earlier run of Roster: every run makes its own links.',
  disconnected: 'Each browser tab needs its own one-time link. This tab has none, or Roster was restarted since it was opened.',
};

export function helpReason(value: string | null): HelpReason {
  return value !== null && Object.hasOwn(HEADINGS, value) ? (value as HelpReason) : 'disconnected';
}

export function helpPage(reason: HelpReason): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Roster: ${escapeHtml(HEADINGS[reason])}</title>
<link rel="stylesheet" href="${HELP_STYLE_PATH}">
</head>
<body>
<main>
<h1>${escapeHtml(HEADINGS[reason])}</h1>
<p>${escapeHtml(WHY[reason])}</p>
<h2>To open Roster</h2>
<ol>
<li>Go to the terminal where Roster is running.</li>
<li>Press <kbd>Enter</kbd>. Roster prints a new one-time link and opens it in your browser.</li>
<li>If the browser does not open, copy the new link into its address bar within ${TICKET_LIFETIME_MS / 60_000} minutes.</li>
</ol>
<p>If Roster is not running any more, start it again with <code>npm start</code>.</p>
</main>
</body>
</html>
`;
}

export const HELP_STYLE = `
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; background: #f5f5f5; color: #1f1f1f; }
main { max-width: 36rem; margin: 4rem auto; padding: 2rem; background: #fff; border: 1px solid #ddd; border-radius: 8px; }
h1 { font-size: 1.5rem; margin-top: 0; }
h2 { font-size: 1.1rem; }
kbd, code { font-family: ui-monospace, monospace; background: #eee; padding: 0 0.3em; border-radius: 3px; }
@media (prefers-color-scheme: dark) {
  body { background: #121212; color: #eee; }
  main { background: #1e1e1e; border-color: #333; }
  kbd, code { background: #333; }
}
`;

/**
 * The file the OS opener is given instead of the link: the opener's command line is visible to every local user
 * (ps), a file in Roster's owner-only data folder is not. It sends the browser on to the link at once.
 */
export function redirectFile(link: string): string {
  const href = escapeHtml(link);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0; url=${href}">
<title>Opening Roster…</title>
</head>
<body><p>Opening Roster… If nothing happens, <a href="${href}">open Roster</a>.</p></body>
</html>
`;
}
