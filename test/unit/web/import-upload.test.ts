// Browser mode's way in for a file to import: POST /upload/import with the tab's key, streamed to a private file and
// cut off past the limit; the answer is a single-use import id that the contract's previewImport spends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_UPLOAD_PATH } from '../../../common/api-path.ts';
import { ImportFiles, UPLOAD_FOLDER } from '../../../main/core/people-csv/import-files.ts';
import { startWebServer, type WebServer } from '../../../main/web/web-server.ts';
import { ADMIN, startTestRoster, tempDir } from '../harness.ts';
import { BrowserLike, request } from './browser-like.ts';

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const dataDir = tempDir();
  const uploads = new ImportFiles(dataDir);
  const t = await startTestRoster({ dataDir, importFiles: uploads });
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body>app</body></html>');
  server = await startWebServer({ dispatch: t.roster.dispatch, rendererDir, preloadFile: path.join(rendererDir, 'index.html'), uploads, logError: () => {} });
  const browser = new BrowserLike(server.port);
  await browser.open(server.url);
  expect(JSON.parse((await browser.call('createFirstAdmin', ADMIN)).body)).toMatchObject({ ok: true });
  const upload = (body: string | Buffer, headers: Record<string, string> = browser.apiHeaders()) =>
    request(server!.port, { method: 'POST', path: IMPORT_UPLOAD_PATH, headers: { host: `127.0.0.1:${server!.port}`, ...headers, 'content-type': 'text/csv', 'x-file-name': encodeURIComponent('Équipe 1.csv') }, body });
  const waiting = () => (fs.existsSync(path.join(dataDir, UPLOAD_FOLDER)) ? fs.readdirSync(path.join(dataDir, UPLOAD_FOLDER)) : []);
  return { t, browser, upload, waiting };
}

describe('browser-mode import upload', () => {
  it('takes the file from a connected tab, and previewImport reads it once and deletes the copy', async () => {
    const s = await start();
    const answer = await s.upload('First name,Last name,Email\nAda,Byron,ada.b@example.org\n');
    expect(answer.status).toBe(200);
    const { value } = JSON.parse(answer.body) as { value: { importId: string; fileName: string } };
    expect(value.fileName).toBe('Équipe 1.csv');
    expect(s.waiting()).toHaveLength(1);
    const preview = JSON.parse((await s.browser.call('previewImport', { importId: value.importId })).body);
    expect(preview).toMatchObject({ ok: true, value: { rows: 1, counts: { add: 1 }, fileName: 'Équipe 1.csv' } });
    expect(s.waiting()).toHaveLength(0);
  });

  it('refuses a tab without a key, another origin, and GET', async () => {
    const s = await start();
    const { 'x-roster-key': _, ...noKey } = s.browser.apiHeaders();
    expect((await s.upload('a,b\n', noKey)).status).toBe(401);
    expect((await s.upload('a,b\n', { ...s.browser.apiHeaders(), origin: 'http://evil.example' })).status).toBe(403);
    expect((await request(server!.port, { path: IMPORT_UPLOAD_PATH, headers: { host: `127.0.0.1:${server!.port}`, ...s.browser.apiHeaders() } })).status).toBe(405);
    expect(s.waiting()).toHaveLength(0);
  });

  it('a body over the limit is refused with 413 and leaves no file', async () => {
    const s = await start();
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x61);
    const answer = await s.upload(big);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { field: 'file', message: expect.stringContaining('50 MB') } });
    expect(s.waiting()).toHaveLength(0);
  });
});
