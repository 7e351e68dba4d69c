// Helpers for the launcher's first-start steps: probe a host quickly, and run a child whose output is kept
// (never shown) so a failure can be summed up in one line instead of a stack trace.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { summarizeFailure } from './launch-plan.mjs';

/** True when a TCP connection to host:port opens within timeoutMs (DNS included). */
export function canReach(host, port = 443, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A proxy may be the only way out; then a direct probe proves nothing, so skip it and rely on timeouts. */
export function usesProxy(env = process.env) {
  return !!(env.HTTPS_PROXY || env.https_proxy || env.npm_config_https_proxy || env.ELECTRON_GET_USE_PROXY);
}

/** Runs a command with a time limit; resolves { ok } or { ok: false, reason } and never throws. */
export function runQuietly(command, args, { timeoutMs, cwd, env = process.env }) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk) => {
      output = (output + chunk).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ ok: false, reason: `gave up after ${Math.round(timeoutMs / 1000)} s` });
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: err.message });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? { ok: true, output } : { ok: false, reason: summarizeFailure(output) });
    });
  });
}
