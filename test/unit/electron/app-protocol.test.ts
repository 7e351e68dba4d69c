// The app:// handler answers GET and HEAD for files inside the renderer folder only, with the app's CSP.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { decideAppRequest, respondToAppRequest } from '../../../main/electron/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../main/serving/static-files.ts';
import { tempDir } from '../harness.ts';

let root: string;
let renderer: string;

beforeEach(() => {
  root = tempDir('roster-protocol-');
  renderer = path.join(root, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Roster</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer folder');
});

describe('decideAppRequest', () => {
  it.each([
    ['app://roster/', 'index.html'],
    ['app://roster/index.html', 'index.html'],
    ['app://roster/assets/app.js', 'assets/app.js'],
    ['app://roster/assets/app.js?v=2#x', 'assets/app.js'],
    // The URL parser and confinedPath both fold these back inside the folder.
    ['app://roster/../secret.txt', 'secret.txt'],
    ['app://roster/%2e%2e/secret.txt', 'secret.txt'],
    ['app://roster/%2E%2E/%2e%2e/secret.txt', 'secret.txt'],
    ['app://roster/assets/..%2f..%2fsecret.txt', 'secret.txt'],
    ['app://roster/..%5c..%5csecret.txt', path.sep === '\\' ? 'secret.txt' : '..\\..\\secret.txt'],
    ['app://roster//etc/passwd', 'etc/passwd'],
    ['app://roster/C:/Windows/win.ini', 'C:/Windows/win.ini'],
  ])('GET %s stays inside the renderer folder (%s)', (url, inside) => {
    const decision = decideAppRequest('GET', url, renderer);
    expect(decision).toEqual({ kind: 'file', file: path.join(renderer, inside) });
  });

  it.each([
    ['an encoded NUL', 'app://roster/index.html%00.js', 403],
    ['broken percent-encoding', 'app://roster/%E0%A4%A', 403],
    ['another host', 'app://evil/index.html', 403],
    ['a look-alike host', 'app://roster.evil/index.html', 403],
    ['credentials in the URL', 'app://me:pw@roster/index.html', 403],
    ['another scheme', 'file:///etc/passwd', 403],
    ['https', 'https://roster/index.html', 403],
    ['a malformed URL', 'not a url', 400],
  ])('refuses %s', (_label, url, status) => {
    expect(decideAppRequest('GET', url, renderer)).toMatchObject({ kind: 'refuse', status });
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405', (method) => {
    expect(decideAppRequest(method, 'app://roster/index.html', renderer)).toMatchObject({ kind: 'refuse', status: 405 });
  });

  it('allows HEAD', () => {
    expect(decideAppRequest('HEAD', 'app://roster/index.html', renderer)).toEqual({ kind: 'file', file: path.join(renderer, 'index.html') });
  });
});

describe('respondToAppRequest', () => {
  it('serves index.html with the CSP and its content type', async () => {
    const res = respondToAppRequest({ method: 'GET', url: 'app://roster/' }, renderer);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>Roster</title>');
  });

  it('answers HEAD with headers and no body', async () => {
    const res = respondToAppRequest({ method: 'HEAD', url: 'app://roster/assets/app.js' }, renderer);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('');
  });

  it('never returns a file outside the renderer folder', async () => {
    for (const url of ['app://roster/../secret.txt', 'app://roster/%2e%2e/secret.txt', 'app://roster/assets/..%2f..%2fsecret.txt']) {
      const res = respondToAppRequest({ method: 'GET', url }, renderer);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('outside');
    }
  });

  it('answers POST with 405 and says what is allowed', () => {
    const res = respondToAppRequest({ method: 'POST', url: 'app://roster/index.html' }, renderer);
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for a missing file and for a folder', () => {
    expect(respondToAppRequest({ method: 'GET', url: 'app://roster/nope.js' }, renderer).status).toBe(404);
    expect(respondToAppRequest({ method: 'GET', url: 'app://roster/assets' }, renderer).status).toBe(404);
  });

  it('answers 403 to another host', () => {
    expect(respondToAppRequest({ method: 'GET', url: 'app://evil/index.html' }, renderer).status).toBe(403);
  });
});
