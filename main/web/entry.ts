// `npm run start:web`: runs Roster in browser mode and prints the one line with the URL to open.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { lockDataDir } from '../core/data-dir-lock.ts';
import { prepareDataDir, resolveDataDir } from '../core/data-dir.ts';
import { createRoster } from '../core/roster.ts';
import { startWebServer } from './web-server.ts';

const here = path.dirname(fileURLToPath(import.meta.url)); // dist/main

function fail(message: string): never {
  process.stderr.write(`Roster could not start: ${message}\n`);
  process.exit(1);
}

function openBrowser(url: string): void {
  const hasDisplay = process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) return;
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => {}); // no opener: the printed line is enough
  child.unref();
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
  try {
    prepareDataDir(dataDir);
    unlock = lockDataDir(dataDir);
    roster = await createRoster({ dataDir, scheduleBackups: true });
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
    });
  } catch (err) {
    await roster.close();
    unlock();
    const code = (err as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `port ${port} is already in use. Choose another with --port.` : (err as Error).message);
  }
  process.stdout.write(`Roster is running at ${server.url}\n`);
  process.stderr.write(`Data folder: ${dataDir}. Press Ctrl-C to stop.\n`);
  if (!args['no-open']) openBrowser(server.url);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await roster.close(); // checkpoints the WAL and closes the database
    unlock();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
