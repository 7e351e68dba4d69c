import http from 'node:http';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES } from '../../../main/core/api/dispatcher.ts';
import { startWebServer, type WebServer } from '../../../main/web/web-server.ts';
import { ADMIN, startTestRoster } from '../harness.ts';

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

async function start() {
  const t = await startTestRoster();
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body>app</body></html>');
  fs.writeFileSync(path.join(os.tmpdir(), 'roster-preload-test.js'), 'window.roster = {};');
  server = await startWebServer({ dispatch: t.roster.dispatch, rendererDir, preloadFile: path.join(os.tmpdir(), 'roster-preload-test.js') });
  const token = new URL(server.url).searchParams.get('token')!;
  const host = `127.0.0.1:${server.port}`;
  return { t, port: server.port, token, host, origin: `http://${host}` };
}

describe('browser mode', () => {
  it('listens on 127.0.0.1 and trades the launch token for an HttpOnly, SameSite=Strict cookie', async () => {
    const { port, token } = await start();
    expect(server!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const bare = await request(port, { path: '/' });
    expect(bare.status).toBe(401);
    const wrong = await request(port, { path: '/?token=nope' });
    expect(wrong.status).toBe(401);
    const opened = await request(port, { path: `/?token=${token}` });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/');
    expect(opened.headers['set-cookie']?.[0]).toMatch(/^roster_bridge=.+; Path=\/; HttpOnly; SameSite=Strict$/);
  });

  it('serves the app with the CSP and the web preload injected', async () => {
    const { port, token } = await start();
    const page = await request(port, { path: '/', headers: { cookie: `roster_bridge=${token}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe("default-src 'self'");
    expect(page.body).toContain('<head><script src="/preload-web.js"></script>');
  });

  it('answers API calls from our page, and refuses foreign origins (403) and missing cookies (401)', async () => {
    const { port, token, host, origin } = await start();
    const headers = { host, origin, cookie: `roster_bridge=${token}`, 'content-type': 'application/json' };
    const ok = await request(port, { method: 'POST', path: '/api/getStatus', headers, body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
    const foreign = await request(port, { method: 'POST', path: '/api/getStatus', headers: { ...headers, origin: 'http://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    const noCookie = await request(port, { method: 'POST', path: '/api/getStatus', headers: { host, origin }, body: '{}' });
    expect(noCookie.status).toBe(401);
    const get = await request(port, { path: '/api/getStatus', headers });
    expect(get.status).toBe(405);
    const notJson = await request(port, { method: 'POST', path: '/api/getStatus', headers, body: '{oops' });
    expect(notJson.status).toBe(400);
  });

  it('answers a body over the size limit with a 413 the client can read, not a reset connection', async () => {
    const { port, token, host, origin } = await start();
    const headers = { host, origin, cookie: `roster_bridge=${token}`, 'content-type': 'application/json' };
    const body = JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(100_000) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_PAYLOAD_BYTES);
    // Any connection error (ECONNRESET, EPIPE) before the response arrives fails the test: it is not a 413.
    const huge = await request(port, { method: 'POST', path: '/api/signIn', headers, body });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('keeps the signed-in session in an HttpOnly cookie, and clears it on sign-out', async () => {
    const { port, token, host, origin } = await start();
    const headers = { host, origin, cookie: `roster_bridge=${token}`, 'content-type': 'application/json' };
    const created = await request(port, { method: 'POST', path: '/api/createFirstAdmin', headers, body: JSON.stringify(ADMIN) });
    const setCookie = created.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/^roster_session=[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(created.body).not.toContain(setCookie.split(';')[0]!.split('=')[1]); // the token never reaches page script
    const session = setCookie.split(';')[0]!;
    const signedIn = { ...headers, cookie: `roster_bridge=${token}; ${session}` };
    const me = await request(port, { method: 'POST', path: '/api/getMe', headers: signedIn, body: '{}' });
    expect(JSON.parse(me.body)).toMatchObject({ ok: true, value: { email: ADMIN.email } });
    const out = await request(port, { method: 'POST', path: '/api/signOut', headers: signedIn, body: '{}' });
    expect(out.headers['set-cookie']?.[0]).toMatch(/^roster_session=; .*Max-Age=0/);
    const after = await request(port, { method: 'POST', path: '/api/getMe', headers: signedIn, body: '{}' });
    expect(JSON.parse(after.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses to serve files outside the build folder', async () => {
    const { port, token } = await start();
    const res = await request(port, { path: '/..%2f..%2f..%2fetc%2fpasswd', headers: { cookie: `roster_bridge=${token}` } });
    expect(res.status).toBe(404);
    const post = await request(port, { method: 'POST', path: '/index.html', headers: { cookie: `roster_bridge=${token}` } });
    expect(post.status).toBe(405);
  });
});
