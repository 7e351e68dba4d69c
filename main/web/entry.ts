// `npm run start:web`: runs Roster in browser mode and prints the one line with the one-time link to open; each
// Enter pressed in the terminal prints (and opens) a fresh one.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { lockDataDir } from '../core/data-dir-lock.ts';
import { prepareDataDir, resolveDataDir } from '../core/data-dir.ts';
import { createRoster } from '../core/roster.ts';
import { openBrowser, removeQuietly } from './open-browser.ts';
import { onEnter } from './terminal-enter.ts';
import { DownloadTickets } from './download-tickets.ts';
import { ImportFiles } from '../core/people-csv/import-files.ts';
import { startWebServer } from './web-server.ts';

const here = path.dirname(fileURLToPath(import.meta.url)); // dist/main

function fail(message: string): never {
  process.stderr.write(`Roster could not start: ${message}\n`);
  process.exit(1);
}

async function main() {
  // Every file Roster creates (database, WAL, settings, key) is readable by this user only.
  process.umask(0o077);
  let args;
  try {
    args = parseArgs({
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'no-open': { type: 'boolean', default: false } },
      strict: true,
    }).values;
  } catch (err) {
    fail(`${(err as Error).message}. Usage: npm run start:web -- [--port N] [--data-dir DIR] [--no-open]`);
  }
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${args.port}".`);

  const dataDir = resolveDataDir(args['data-dir']);
  let roster;
  let unlock: () => void = () => {};
  const downloads = new DownloadTickets();
  const uploads = new ImportFiles(dataDir);
  try {
    prepareDataDir(dataDir);
    unlock = lockDataDir(dataDir);
    roster = await createRoster({ dataDir, scheduleBackups: true, fileDelivery: downloads, importFiles: uploads });
  } catch (err) {
    await roster?.close();
    unlock();
    fail((err as Error).message);
  }
  let server;
  try {
    server = await startWebServer({
      dispatch: roster.dispatch,
      rendererDir: path.join(here, '..', 'renderer'),
      preloadFile: path.join(here, '..', 'preload', 'web.js'),
      port,
      downloads,
      uploads,
    });
  } catch (err) {
    await roster.close();
    unlock();
    const code = (err as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `port ${port} is already in use. Choose another with --port.` : (err as Error).message);
  }
  const redirectFiles = new Set<string>();
  const open = (link: string) => {
    if (args['no-open']) return;
    const file = openBrowser(dataDir, link);
    if (file) redirectFiles.add(file);
  };
  process.stdout.write(`Roster is running at ${server.url}\n`);
  process.stderr.write(
    `Data folder: ${dataDir}. The link works once, within 2 minutes: press Enter for a new one, Ctrl-C to stop.\n`,
  );
  open(server.url);
  // Enter in the terminal (npm start passes it through): a fresh one-time link, for a new tab or a spent link.
  onEnter(() => {
    const link = server.newLink();
    process.stdout.write(`New one-time link: ${link}\n`);
    open(link);
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    for (const file of redirectFiles) removeQuietly(file);
    await roster.close(); // checkpoints the WAL and closes the database
    unlock();
    process.exit(0);
  };
  const onSignal = () => {
    stop().catch((err: unknown) => {
      process.stderr.write(`Roster could not stop cleanly: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

void main();
