import { describe, expect, it } from 'vitest';
import { KEY_HEADER, checkApiRequest, checkOwnPage } from '../../../main/web/bridge-guard.ts';
import { LaunchTickets, TICKET_LIFETIME_MS } from '../../../main/web/launch-tickets.ts';
import { openerCommand } from '../../../main/web/open-browser.ts';
import { inForeground } from '../../../main/web/terminal-enter.ts';
import { helpPage, helpReason, redirectFile } from '../../../main/web/launch-pages.ts';
import { confinedPath } from '../../../main/serving/static-files.ts';

const KEY = 'tab-key-123';
const PORT = 4870;
const good = { host: '127.0.0.1:4870', origin: 'http://127.0.0.1:4870', [KEY_HEADER]: KEY };
const known = (key: string) => key === KEY;

describe('who may call the browser-mode bridge', () => {
  it.each([
    ['our own page', good, { ok: true }],
    ['our own page on localhost', { ...good, host: 'localhost:4870', origin: 'http://localhost:4870' }, { ok: true }],
    ['a foreign origin', { ...good, origin: 'http://evil.example' }, { ok: false, status: 403 }],
    ['another local port (a dev server the browser visits)', { ...good, origin: 'http://127.0.0.1:3000' }, { ok: false, status: 403 }],
    ['no Origin header', { ...good, origin: undefined }, { ok: false, status: 403 }],
    ['a null origin (sandboxed frame)', { ...good, origin: 'null' }, { ok: false, status: 403 }],
    ['DNS rebinding (foreign Host)', { ...good, host: 'evil.example:4870', origin: 'http://evil.example:4870' }, { ok: false, status: 403 }],
    ['another port', { ...good, host: '127.0.0.1:9999', origin: 'http://127.0.0.1:9999' }, { ok: false, status: 403 }],
    ['no key', { ...good, [KEY_HEADER]: undefined }, { ok: false, status: 401 }],
    ['an empty key', { ...good, [KEY_HEADER]: '' }, { ok: false, status: 401 }],
    ['a wrong key', { ...good, [KEY_HEADER]: 'guess' }, { ok: false, status: 401 }],
    ['the key twice', { ...good, [KEY_HEADER]: [KEY, KEY] }, { ok: false, status: 401 }],
    ['cookies only', { host: good.host, origin: good.origin, cookie: `roster_bridge=${KEY}; roster_session=${KEY}` }, { ok: false, status: 401 }],
  ])('%s', (_name, headers, expected) => {
    expect(checkApiRequest(headers, PORT, known)).toMatchObject(expected);
  });

  it('a launch-link claim needs our own page but no key', () => {
    expect(checkOwnPage({ host: good.host, origin: good.origin }, PORT)).toEqual({ ok: true });
    expect(checkOwnPage({ host: good.host, origin: 'http://127.0.0.1:3000' }, PORT)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('one-time launch tickets', () => {
  it('a ticket is live until claimed once, then used; unclaimed, it expires after 2 minutes', () => {
    let now = 1_000;
    const tickets = new LaunchTickets(() => now);
    const a = tickets.issue();
    const b = tickets.issue();
    expect(a).not.toBe(b);
    expect(tickets.state(a)).toBe('live');
    expect(tickets.claim(a)).toBe('live');
    expect(tickets.claim(a)).toBe('used');
    expect(tickets.claim('made-up')).toBe('unknown');
    now += TICKET_LIFETIME_MS - 1;
    expect(tickets.state(b)).toBe('live');
    now += 1;
    expect(tickets.claim(b)).toBe('expired');
    expect(tickets.state(b)).toBe('expired');
  });
});

describe('opening the browser', () => {
  it.each(['linux', 'darwin', 'win32'] as const)('on %s, the opener is given the redirect file, never the link', (platform) => {
    const [cmd, args] = openerCommand(platform, '/data/open-roster-1a2b.html');
    expect(cmd).toMatch(/^(xdg-open|open|cmd)$/);
    expect(args.at(-1)).toBe('/data/open-roster-1a2b.html');
    expect(args.join(' ')).not.toMatch(/http|launch=/);
  });

  it('the redirect file sends the browser on to the link, escaped, without a referrer', () => {
    const html = redirectFile('http://127.0.0.1:4870/?launch=abc&x="y"');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=http://127.0.0.1:4870/?launch=abc&amp;x=&quot;y&quot;">');
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
  });

  it('help pages come from a fixed list; anything else reads as "not connected"', () => {
    expect(helpReason('used')).toBe('used');
    expect(helpReason('constructor')).toBe('disconnected');
    expect(helpReason(null)).toBe('disconnected');
    expect(helpPage('expired')).toContain('This link has expired');
  });
});

describe('reading Enter from the terminal', () => {
  // /proc/self/stat: pid (comm) state ppid pgrp session tty_nr tpgid ...; a name may hold spaces and parentheses.
  it.each([
    ['the foreground job', '4242 (node) S 100 4242 100 34816 4242 0', true],
    ['a background job (npm run start:web &)', '4242 (node) S 100 4242 100 34816 5000 0', false],
    ['a name with ") " in it', '4242 (web) 1 2) S 100 4242 100 34816 4242 0', true],
  ])('%s', (_name, stat, expected) => {
    expect(inForeground(() => stat)).toBe(expected);
  });

  it('assumes the foreground where there is no /proc', () => {
    expect(
      inForeground(() => {
        throw new Error('ENOENT');
      }),
    ).toBe(true);
  });
});

describe('static files stay inside the build folder', () => {
  it.each([
    ['/index.html', '/app/index.html'],
    ['/assets/a.js', '/app/assets/a.js'],
    ['/../etc/passwd', '/app/etc/passwd'],
    ['/%2e%2e/%2e%2e/etc/passwd', '/app/etc/passwd'],
    ['/assets/..%2f..%2fsecret', '/app/secret'],
    ['/a%00.js', null],
    ['/%E0%A4%A', null],
  ])('%s', (urlPath, expected) => {
    expect(confinedPath('/app', urlPath)).toBe(expected);
  });
});
