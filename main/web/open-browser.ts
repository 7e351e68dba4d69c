// Opens the admin's browser on a launch link without putting the link on a command line: the OS opener is
// given a redirect file in Roster's owner-only data folder, because every local user can read a process's
// arguments (ps) while it runs, and would otherwise race the browser to the one-time link.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { redirectFile } from './launch-pages.ts';
import { TICKET_LIFETIME_MS } from './launch-tickets.ts';

/** The command that opens `file` with the default browser; its arguments name the file, never the link. */
export function openerCommand(platform: NodeJS.Platform, file: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [file]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', file]];
  return ['xdg-open', [file]];
}

export function canOpenBrowser(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  return platform !== 'linux' || !!(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Writes the redirect file (owner-only) and returns its path; it is removed once the link is past its life. */
export function writeRedirectFile(dir: string, link: string): string {
  // The name is random but no secret: it may be seen, the file's content may not.
  const file = path.join(dir, `open-roster-${randomBytes(6).toString('hex')}.html`);
  fs.writeFileSync(file, redirectFile(link), { mode: 0o600, flag: 'wx' });
  const timer = setTimeout(() => removeQuietly(file), TICKET_LIFETIME_MS + 10_000);
  timer.unref();
  return file;
}

export function removeQuietly(file: string): void {
  fs.rmSync(file, { force: true });
}

export function openBrowser(dir: string, link: string): string | null {
  if (!canOpenBrowser(process.platform, process.env)) return null;
  const file = writeRedirectFile(dir, link);
  const [cmd, args] = openerCommand(process.platform, file);
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {}); // no opener: the printed line is enough
  child.unref();
  return file;
}
