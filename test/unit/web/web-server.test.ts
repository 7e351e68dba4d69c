// Browser mode's HTTP bridge, driven as the admin's browser and as the programs around it would drive it.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../common/method-names.ts';
import { CONTENT_SECURITY_POLICY } from '../../../main/serving/static-files.ts';
import { startWebServer, type WebServer } from '../../../main/web/web-server.ts';
import { ADMIN, startTestRoster } from '../harness.ts';
import { BrowserLike, request } from './browser-like.ts';

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const MINUTE = 60_000;

async function start() {
  const t = await startTestRoster();
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body>app</body></html>');
  fs.writeFileSync(path.join(os.tmpdir(), 'roster-preload-test.js'), 'window.roster = {};');
  let now = Date.now();
  server = await startWebServer({
    dispatch: t.roster.dispatch,
    rendererDir,
    preloadFile: path.join(os.tmpdir(), 'roster-preload-test.js'),
    now: () => now,
    logError: () => {},
  });
  const host = `127.0.0.1:${server.port}`;
  return { t, server, port: server.port, host, origin: `http://${host}`, advance: (ms: number) => (now += ms) };
}

/** The admin's browser: opened with the printed link, first admin created, signed in. */
async function adminBrowser(s: Awaited<ReturnType<typeof start>>) {
  const browser = new BrowserLike(s.port);
  expect((await browser.open(s.server.url)).status).toBe(200);
  const created = await browser.call('createFirstAdmin', ADMIN);
  expect(JSON.parse(created.body)).toMatchObject({ ok: true });
  expect(JSON.parse((await browser.call('listPeople', { tab: 'active', pageSize: 25 })).body)).toMatchObject({ ok: true });
  return browser;
}

describe('Trust 1: cookies for 127.0.0.1 grant nothing (any local web service the browser visits receives them)', () => {
  it('a client holding every cookie the browser has for 127.0.0.1, sending any headers it chooses, gets nothing from any API method and no page data', async () => {
    const s = await start();
    const admin = await adminBrowser(s);
    const attackerHeaders: Record<string, string>[] = [
      { ...admin.cookieHeader(), host: s.host, origin: s.origin, 'content-type': 'application/json' },
      { ...admin.cookieHeader(), host: `localhost:${s.port}`, origin: `http://localhost:${s.port}`, 'content-type': 'application/json' },
      { ...admin.cookieHeader(), host: s.host, origin: s.origin, 'x-roster-key': '', 'content-type': 'application/json' },
      { ...admin.cookieHeader(), host: s.host, origin: s.origin, 'x-roster-key': new URL(s.server.url).searchParams.get('launch') ?? 'x' },
      { ...admin.cookieHeader(), host: s.host, origin: s.origin, 'x-roster-key': [...admin.jar.values()].join('') || 'x' },
    ];
    for (const headers of attackerHeaders) {
      for (const method of METHOD_NAMES) {
        const payload = method === 'listPeople' ? { tab: 'active', pageSize: 25 } : method === 'setRole' ? { id: 1, role: 'user', expectedRole: 'admin' } : {};
        const answer = await request(s.port, { method: 'POST', path: `/api/${method}`, headers, body: JSON.stringify(payload) });
        expect(answer.status, `${method} with ${JSON.stringify(Object.keys(headers))}`).toBe(401);
        expect(answer.body).not.toContain(ADMIN.email);
      }
    }
    for (const page of ['/', '/index.html', '/preload-web.js', '/not-connected']) {
      const answer = await request(s.port, { path: page, headers: { ...admin.cookieHeader(), host: s.host } });
      expect(answer.body).not.toContain(ADMIN.email);
      expect(answer.body).not.toContain(admin.stored.get('roster.bridgeKey'));
    }
    // The admin's own tab still works.
    expect(JSON.parse((await admin.call('getMe')).body)).toMatchObject({ ok: true, value: { email: ADMIN.email } });
  });

  it('sets no cookie at all, and keeps the session token in main: the page holds only its tab key', async () => {
    const s = await start();
    const admin = await adminBrowser(s);
    expect(admin.jar.size).toBe(0);
    const key = admin.stored.get('roster.bridgeKey')!;
    expect(key).toMatch(/^[\w-]{40,}$/);
    const tokens = s.t.roster.db.prepare<[], string>('SELECT token_hash FROM sessions').pluck().all();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).not.toContain(key);
  });

  it('each tab has its own key and session: signing out one leaves the other signed in', async () => {
    const s = await start();
    const first = await adminBrowser(s);
    const second = new BrowserLike(s.port);
    await second.open(s.server.newLink());
    expect(second.stored.get('roster.bridgeKey')).not.toBe(first.stored.get('roster.bridgeKey'));
    expect(JSON.parse((await second.call('getMe')).body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await second.call('signIn', { email: ADMIN.email, password: ADMIN.password });
    await second.call('signOut');
    expect(JSON.parse((await first.call('getMe')).body)).toMatchObject({ ok: true });
  });
});

describe('Trust 3: the launch link works once, expires, and shares nothing with what the browser keeps', () => {
  it('the link works once; a second use shows a page saying how to get a new link', async () => {
    const s = await start();
    const browser = new BrowserLike(s.port);
    expect((await browser.open(s.server.url)).status).toBe(200);
    const again = await new BrowserLike(s.port).open(s.server.url);
    expect(again.status).toBe(410);
    expect(again.headers['content-type']).toMatch(/^text\/html/);
    expect(again.body).toContain('This link has already been used');
    expect(again.body).toContain('Press <kbd>Enter</kbd>');
  });

  it('the link expires 2 minutes after start if unused', async () => {
    const s = await start();
    s.advance(2 * MINUTE + 1);
    const late = await new BrowserLike(s.port).open(s.server.url);
    expect(late.status).toBe(410);
    expect(late.body).toContain('This link has expired');
  });

  it('the link shares no value with anything stored in the browser', async () => {
    const s = await start();
    const browser = new BrowserLike(s.port);
    await browser.open(s.server.url);
    await browser.call('createFirstAdmin', ADMIN);
    const ticket = new URL(s.server.url).search.replace(/^\?\w+=/, '');
    expect(ticket.length).toBeGreaterThan(20);
    const kept = [...browser.jar.values(), ...browser.stored.values()];
    expect(kept.length).toBeGreaterThan(0);
    for (const value of kept) {
      expect(decodeURIComponent(value)).not.toContain(ticket);
      expect(ticket).not.toContain(decodeURIComponent(value));
    }
  });

  it('a claim is refused from another origin or Host, and for a spent or made-up ticket', async () => {
    const s = await start();
    const ticket = new URL(s.server.newLink()).searchParams.get('launch')!;
    const claim = (headers: Record<string, string>, body: string) => request(s.port, { method: 'POST', path: '/bridge/claim', headers, body });
    const json = { 'content-type': 'application/json' };
    expect((await claim({ ...json, origin: 'http://127.0.0.1:9' }, JSON.stringify({ ticket }))).status).toBe(403);
    expect((await claim({ ...json, host: `evil.example:${s.port}`, origin: `http://evil.example:${s.port}` }, JSON.stringify({ ticket }))).status).toBe(403);
    for (const bad of ['', '{', 'null', '[]', '{"ticket":5}', '{"ticket":null}', JSON.stringify({ ticket: 'x'.repeat(2000) })]) {
      expect((await claim({ ...json, origin: s.origin }, bad)).status, bad.slice(0, 20)).toBeGreaterThanOrEqual(400);
    }
    expect((await claim({ ...json, origin: s.origin }, JSON.stringify({ ticket: 'made-up' }))).status).toBe(410);
    const ok = await claim({ ...json, origin: s.origin }, JSON.stringify({ ticket }));
    expect(ok.status).toBe(200);
    expect((await claim({ ...json, origin: s.origin }, JSON.stringify({ ticket }))).status).toBe(410);
  });

  it('a page that is not connected (no key, or a key from an earlier run) gets the page saying how to connect', async () => {
    const s = await start();
    const help = await request(s.port, { path: '/not-connected?reason=<script>' });
    expect(help.status).toBe(200);
    expect(help.body).toContain('This page is not connected to Roster');
    expect(help.body).not.toContain('<script>');
  });
});

describe('Trust 9: hardening of the bridge', () => {
  it('a body over 64 KiB is answered 413 before the connection closes', async () => {
    const s = await start();
    const browser = await adminBrowser(s);
    const huge = await request(s.port, {
      method: 'POST',
      path: '/api/signIn',
      headers: browser.apiHeaders(),
      body: JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(100_000) }),
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'The request is too large.' } });
    expect(huge.headers.connection).toBe('close');
    expect(JSON.parse((await browser.call('getMe')).body)).toMatchObject({ ok: true }); // and the server carries on
  });

  it('the CSP forbids <base>, form posts, plugins and framing, in the header and in index.html', async () => {
    const s = await start();
    const page = await request(s.port, { path: '/' });
    const policy = page.headers['content-security-policy'];
    for (const directive of ["default-src 'self'", "base-uri 'none'", "form-action 'none'", "object-src 'none'", "frame-ancestors 'none'"]) {
      expect(policy).toContain(directive);
    }
    const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(source);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('browser mode', () => {
  it('listens on 127.0.0.1 and prints a one-time link', async () => {
    const s = await start();
    expect(s.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?launch=[\w-]{30,}$/);
  });

  it('serves the app with the CSP and the web preload injected, to our own Host only', async () => {
    const s = await start();
    const page = await request(s.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<head><script src="/preload-web.js"></script>');
    const rebound = await request(s.port, { path: '/', headers: { host: `evil.example:${s.port}` } });
    expect(rebound.status).toBe(403);
  });

  it('answers API calls from our page, and refuses foreign origins (403), missing keys (401), GET (405) and bad JSON (400)', async () => {
    const s = await start();
    const browser = new BrowserLike(s.port);
    await browser.open(s.server.url);
    const headers = browser.apiHeaders();
    const ok = await request(s.port, { method: 'POST', path: '/api/getStatus', headers, body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
    expect((await request(s.port, { method: 'POST', path: '/api/getStatus', headers: { ...headers, origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
    expect((await request(s.port, { method: 'POST', path: '/api/getStatus', headers: { origin: s.origin }, body: '{}' })).status).toBe(401);
    expect((await request(s.port, { path: '/api/getStatus', headers })).status).toBe(405);
    expect((await request(s.port, { method: 'POST', path: '/api/getStatus', headers, body: '{oops' })).status).toBe(400);
  });

  it('keeps the signed-in session per tab, and ends it on sign-out', async () => {
    const s = await start();
    const browser = await adminBrowser(s);
    expect(JSON.parse((await browser.call('getMe')).body)).toMatchObject({ ok: true, value: { email: ADMIN.email } });
    await browser.call('signOut');
    expect(JSON.parse((await browser.call('getMe')).body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  /** POSTs getStatus through `agent` as the admin's tab does, noting which local port (so which connection) carried it. */
  function callThrough(agent: http.Agent, port: number, headers: Record<string, string>) {
    return new Promise<{ localPort: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, agent, method: 'POST', path: '/api/getStatus', headers }, (res) => {
        const localPort = res.socket.localPort!; // read now: the agent takes the socket back at the end
        let body = '';
        res.on('data', (d) => (body += String(d)));
        res.on('end', () => resolve({ localPort, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end('{}');
    });
  }

  it('answers with a length, not in chunks', async () => {
    const s = await start();
    const tab = await adminBrowser(s);
    const agent = new http.Agent({ keepAlive: true });
    try {
      const res = await callThrough(agent, s.port, tab.apiHeaders());
      expect(JSON.parse(res.body)).toMatchObject({ ok: true });
      expect(res.headers['transfer-encoding']).toBeUndefined();
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
    } finally {
      agent.destroy();
    }
  });

  it("keeps an idle connection open past Node's 5-second default, so a click after a pause needs no new one", async () => {
    const s = await start();
    const tab = await adminBrowser(s);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await callThrough(agent, s.port, tab.apiHeaders());
      await new Promise((r) => setTimeout(r, 7_000)); // past Node's 5 s and the 1 s it allows on top
      const later = await callThrough(agent, s.port, tab.apiHeaders());
      expect(later.localPort).toBe(first.localPort);
    } finally {
      agent.destroy();
    }
  });

  it('refuses to serve files outside the build folder', async () => {
    const s = await start();
    expect((await request(s.port, { path: '/..%2f..%2f..%2fetc%2fpasswd' })).status).toBe(404);
    expect((await request(s.port, { method: 'POST', path: '/index.html' })).status).toBe(405);
  });
});
