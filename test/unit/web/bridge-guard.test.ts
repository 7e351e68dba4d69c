import { describe, expect, it } from 'vitest';
import { BRIDGE_COOKIE, checkApiRequest, cookie, parseCookies } from '../../../main/web/bridge-guard.ts';
import { confinedPath } from '../../../main/web/static-files.ts';

const TOKEN = 'launch-token-123';
const PORT = 4870;
const good = { host: '127.0.0.1:4870', origin: 'http://127.0.0.1:4870', cookie: `${BRIDGE_COOKIE}=${TOKEN}` };

describe('who may call the browser-mode bridge', () => {
  it.each([
    ['our own page', good, { ok: true }],
    ['our own page on localhost', { host: 'localhost:4870', origin: 'http://localhost:4870', cookie: good.cookie }, { ok: true }],
    ['a foreign origin', { ...good, origin: 'http://evil.example' }, { ok: false, status: 403 }],
    ['no Origin header', { ...good, origin: undefined }, { ok: false, status: 403 }],
    ['a null origin (sandboxed frame)', { ...good, origin: 'null' }, { ok: false, status: 403 }],
    ['DNS rebinding (foreign Host)', { ...good, host: 'evil.example:4870', origin: 'http://evil.example:4870' }, { ok: false, status: 403 }],
    ['another port', { ...good, host: '127.0.0.1:9999', origin: 'http://127.0.0.1:9999' }, { ok: false, status: 403 }],
    ['no launch cookie', { ...good, cookie: undefined }, { ok: false, status: 401 }],
    ['a wrong launch cookie', { ...good, cookie: `${BRIDGE_COOKIE}=guess` }, { ok: false, status: 401 }],
  ])('%s', (_name, headers, expected) => {
    expect(checkApiRequest(headers, PORT, TOKEN)).toMatchObject(expected);
  });

  it('sets cookies HttpOnly and SameSite=Strict', () => {
    expect(cookie('a', 'b c')).toBe('a=b%20c; Path=/; HttpOnly; SameSite=Strict');
    expect(parseCookies('a=b%20c; other=1')).toEqual({ a: 'b c', other: '1' });
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
