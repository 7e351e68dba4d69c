// Browser mode's exports: the API hands back a one-time download link; the link works once, within 60 seconds,
// from our own page only, for an admin who still may have the file; a wrong, spent or stale link gets a sentence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDownloadRequest } from '../../../main/web/bridge-guard.ts';
import { DOWNLOAD_LIFETIME_MS, DownloadTickets } from '../../../main/web/download-tickets.ts';
import { startWebServer, type WebServer } from '../../../main/web/web-server.ts';
import { ADMIN, startTestRoster } from '../harness.ts';
import { BrowserLike, request } from './browser-like.ts';

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  let now = Date.now();
  const downloads = new DownloadTickets(() => now);
  const t = await startTestRoster({ fileDelivery: downloads });
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body>app</body></html>');
  server = await startWebServer({ dispatch: t.roster.dispatch, rendererDir, preloadFile: path.join(rendererDir, 'index.html'), downloads, logError: () => {} });
  const browser = new BrowserLike(server.port);
  await browser.open(server.url);
  expect(JSON.parse((await browser.call('createFirstAdmin', ADMIN)).body)).toMatchObject({ ok: true });
  const exportLink = async () => {
    const answer = JSON.parse((await browser.call('exportActivity', {})).body) as { ok: boolean; value: { kind: string; url: string } };
    expect(answer).toMatchObject({ ok: true, value: { kind: 'download', url: expect.stringMatching(/^\/download\/[\w-]{43}$/) } });
    return answer.value.url;
  };
  const host = `127.0.0.1:${server.port}`;
  const get = (url: string, headers: Record<string, string> = {}) => request(server!.port, { path: url, headers: { host, 'sec-fetch-site': 'same-origin', ...headers } });
  return { t, browser, exportLink, get, host, advance: (ms: number) => (now += ms) };
}

describe('browser-mode downloads', () => {
  it('the link downloads the CSV once, as an attachment that is not cached', async () => {
    const s = await start();
    const url = await s.exportLink();
    const first = await s.get(url);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(first.headers['content-disposition']).toMatch(/^attachment; filename="roster-activity-[\w-]+\.csv"$/);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.body).toContain('set up Roster and became its first admin');
    const again = await s.get(url);
    expect(again.status).toBe(410);
    expect(again.body).toBe('This download link was already used. Export again from Roster.');
  });

  it('a link older than 60 seconds, or one Roster never made, downloads nothing', async () => {
    const s = await start();
    const url = await s.exportLink();
    s.advance(DOWNLOAD_LIFETIME_MS);
    expect(await s.get(url)).toMatchObject({ status: 410, body: expect.stringMatching(/has expired/) });
    expect(await s.get(`/download/${'A'.repeat(43)}`)).toMatchObject({ status: 404 });
  });

  it('another site cannot make the browser fetch the link, and a foreign Host is refused', async () => {
    const s = await start();
    const url = await s.exportLink();
    expect((await s.get(url, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await s.get(url, { host: 'evil.example' })).status).toBe(403);
    // Refused requests did not spend the link.
    expect((await s.get(url)).status).toBe(200);
  });

  it('a link minted by an admin who has signed out since downloads nothing', async () => {
    const s = await start();
    const url = await s.exportLink();
    await s.browser.call('signOut', {});
    expect(await s.get(url)).toMatchObject({ status: 403, body: expect.stringMatching(/^Refused: Your session has ended/) });
  });

  it.each([
    [{ host: '127.0.0.1:4870' }, true],
    [{ host: 'localhost:4870', 'sec-fetch-site': 'same-origin' }, true],
    [{ host: '127.0.0.1:4870', 'sec-fetch-site': 'same-site' }, false],
    [{ host: '127.0.0.1:4870', 'sec-fetch-site': 'none' }, false],
    [{ host: '127.0.0.1:4870', origin: 'http://127.0.0.1:9999' }, false],
    [{ host: '127.0.0.1:9999' }, false],
  ])('checkDownloadRequest(%j) lets it through: %s', (headers, ok) => {
    expect(checkDownloadRequest(headers, 4870).ok).toBe(ok);
  });
});
