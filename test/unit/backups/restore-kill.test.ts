// A restore killed at any moment (SIGKILL: no cleanup, no finally blocks) leaves either the database as it was or
// the restored one, never a mix, once the next start has run. The restore runs in a child process through the
// real core; the parent kills it at each step of the swap and at timed moments while it copies and prepares.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { SWAP_STEPS, INCOMING_FILE, RESTORE_MARKER } from '../../../main/core/backups/restore-swap.ts';
import { createRoster } from '../../../main/core/roster.ts';
import { BUNDLED_WORKERS, bundleFile, WORKER_BUILD, type WorkerName } from '../../../main/core/workers/worker-code.ts';
import { ADMIN, GOOD_PASSWORD, startTestRoster, tempDir } from '../harness.ts';
import { addPerson } from '../people/helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
// The driver's own folder: the workers it starts are bundled beside it, as the build puts them beside main's bundle.
const DRIVER_DIR = path.join(ROOT, 'node_modules', '.cache', 'roster-test', `restore-kill-${process.pid}`);
const DRIVER = path.join(DRIVER_DIR, 'restore-kill-driver.mjs');

beforeAll(async () => {
  await esbuild.build({
    entryPoints: [path.join(import.meta.dirname, 'restore-kill-driver.ts')],
    outfile: DRIVER,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  for (const [name, entry] of Object.entries(BUNDLED_WORKERS)) {
    await esbuild.build({ ...WORKER_BUILD, entryPoints: [path.join(ROOT, 'main', 'core', entry)], outfile: path.join(DRIVER_DIR, bundleFile(name as WorkerName)) });
  }
  return () => fs.rmSync(DRIVER_DIR, { recursive: true, force: true });
});

interface Scenario {
  dataDir: string;
  backup: string;
  before: string[];
  after: string[];
}

/** A data folder whose database has more people than its backup: "before" and "after" tell them apart. */
async function scenario(extraPeople = 0): Promise<Scenario> {
  const dataDir = tempDir();
  const t = await startTestRoster({ dataDir });
  const admin = await t.admin();
  await addPerson(admin, 'Grace');
  if (extraPeople) {
    const insert = t.roster.db.prepare("INSERT INTO users (first_name, last_name, email, role, created_at, updated_at) VALUES ('Bulk', 'Person', ?, 'user', 1, 1)");
    t.roster.db.transaction(() => {
      for (let i = 0; i < extraPeople; i++) insert.run(`bulk${i}@example.org`);
    })();
  }
  const backup = (await admin.ok('backUpNow', {})).path;
  const after = emails(t.roster.db);
  await addPerson(admin, 'Linus');
  const before = emails(t.roster.db);
  await t.roster.close();
  return { dataDir, backup, before, after };
}

const emails = (db: import('better-sqlite3').Database) => db.prepare<[], string>('SELECT email FROM users ORDER BY email').pluck().all();

interface DriverRun {
  signal: string | null;
  output: string;
  /** From the driver saying "restoring" to its exit. */
  restoreMs: number;
}

function runDriver(s: Scenario, killAt: string, killAfterMs?: number): Promise<DriverRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [DRIVER, s.dataDir, s.backup, killAt, ADMIN.email, GOOD_PASSWORD], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let restoringAt = 0;
    child.stdout.on('data', (d) => {
      output += String(d);
      if (!restoringAt && output.includes('restoring')) {
        restoringAt = performance.now();
        if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (d) => (output += String(d)));
    child.on('exit', (_code, signal) => resolve({ signal, output, restoreMs: performance.now() - restoringAt }));
  });
}

/** A copy of the scenario's folder, so each kill starts from the same files. */
function copyOf(s: Scenario): Scenario {
  const dataDir = tempDir();
  fs.cpSync(s.dataDir, dataDir, { recursive: true });
  return { ...s, dataDir, backup: path.join(dataDir, path.relative(s.dataDir, s.backup)) };
}

/** Starts Roster on the folder as the next launch would, and reads which database it serves. */
async function stateAfterRestart(s: Scenario): Promise<'before' | 'after'> {
  const roster = await createRoster({ dataDir: s.dataDir, bcryptCost: 4, logError: () => {} });
  try {
    expect(roster.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const now = emails(roster.db);
    // Leftovers of the interrupted swap are gone.
    expect(fs.existsSync(path.join(s.dataDir, INCOMING_FILE))).toBe(false);
    expect(fs.existsSync(path.join(s.dataDir, RESTORE_MARKER))).toBe(false);
    if (JSON.stringify(now) === JSON.stringify(s.before)) return 'before';
    if (JSON.stringify(now) === JSON.stringify(s.after)) return 'after';
    throw new Error(`a mix of both databases: ${now.length} people, neither ${s.before.length} nor ${s.after.length}`);
  } finally {
    await roster.close();
  }
}

describe('a restore killed part-way', () => {
  it('completes when not killed (the driver itself works)', async () => {
    const s = await scenario();
    const run = await runDriver(s, 'never');
    expect(run.output).toContain('restored');
    expect(await stateAfterRestart(s)).toBe('after');
  });

  it.each(SWAP_STEPS.map((step, i) => [step, i < SWAP_STEPS.indexOf('incoming-moved') ? 'before' : 'after'] as const))(
    'killed right after the swap step "%s" leaves the %s database',
    async (step, expected) => {
      const s = await scenario();
      const run = await runDriver(s, step);
      expect(run.signal, run.output).toBe('SIGKILL');
      expect(await stateAfterRestart(s)).toBe(expected);
    },
  );

  it('killed at timed moments while it copies, checks, prepares and swaps leaves one database or the other', async () => {
    const s0 = await scenario(30_000);
    // How long an uninterrupted restore of this folder takes here, to spread the kills over it.
    const sample = await runDriver(copyOf(s0), 'never');
    expect(sample.output).toContain('restored');
    const outcomes: string[] = [];
    for (const fraction of [0.05, 0.15, 0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 0.97]) {
      const s = copyOf(s0);
      const run = await runDriver(s, 'never', Math.round(sample.restoreMs * fraction));
      outcomes.push(`${run.signal ? 'killed' : 'finished'}→${await stateAfterRestart(s)}`);
    }
    // Every run ended in one of the two databases (stateAfterRestart throws on a mix); at least one kill landed.
    expect(outcomes.some((o) => o.startsWith('killed'))).toBe(true);
  }, 120_000);
});
