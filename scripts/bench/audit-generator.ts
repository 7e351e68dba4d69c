// Fills the bench data folder's audit log with N generated entries, chained exactly as Roster chains them
// (main/core/audit/audit-chain.ts), with the head record written beside the database, so the Activity bench reads,
// filters, exports and verifies a log shaped like a busy organisation's: mostly sign-ins, some admin work.
import fs from 'node:fs';
import path from 'node:path';
import type { AuditAction } from '../../common/audit-actions.ts';
import { entryHash, GENESIS } from '../../main/core/audit/audit-chain.ts';
import { writeHeadRecordDurably } from '../../main/core/audit/audit-head-file.ts';
import { DATABASE_FILE } from '../../main/core/data-dir.ts';
import { closeDatabase, openDatabase } from '../../main/core/db/open-database.ts';
import { GENERATED_NOW, prng } from './people-generator.ts';

const META_FILE = 'bench-audit-meta.json';
/** Bump when the entries generated change, so an older log is not reused. */
const GENERATOR_VERSION = 1;
/** The log covers the two years before the generated "now". */
const SPAN_MS = 2 * 365 * 86_400_000;

export interface AuditData {
  entries: number;
  seed: number;
  ms: number;
  reused: boolean;
  version?: number;
}

type Who = 'self' | 'admin' | 'none';
/** Weights per 1000 entries, and who acts: the person themself (sign-ins), an admin (on a person), or no one. */
const MIX: [AuditAction, number, Who][] = [
  ['sign_in', 420, 'self'],
  ['sign_out', 150, 'self'],
  ['sign_in_failed', 90, 'none'],
  ['person_edited', 70, 'admin'],
  ['person_added', 60, 'admin'],
  ['password_changed', 50, 'self'],
  ['password_reset', 30, 'admin'],
  ['person_deactivated', 30, 'admin'],
  ['role_changed', 20, 'admin'],
  ['invite_sent', 20, 'admin'],
  ['reset_requested', 15, 'none'],
  ['person_reactivated', 10, 'admin'],
  ['sign_in_locked', 3, 'none'],
  ['backup_created', 1, 'admin'],
  ['email_settings_saved', 1, 'admin'],
];
const TOTAL_WEIGHT = MIX.reduce((s, [, w]) => s + w, 0);

function details(action: AuditAction, rand: () => number, email: string): Record<string, unknown> {
  switch (action) {
    case 'person_edited':
      return { changes: { lastName: { from: 'Old', to: 'New' } } };
    case 'person_added':
      return { email, delivery: rand() < 0.5 ? 'email' : 'temporary_password' };
    case 'role_changed':
      return rand() < 0.5 ? { from: 'user', to: 'admin' } : { from: 'admin', to: 'user' };
    case 'password_reset':
      return { delivery: 'temporary_password' };
    case 'invite_sent':
      return { to: email };
    case 'sign_in_failed':
    case 'reset_requested':
    case 'sign_in_locked':
      return { email };
    case 'email_settings_saved':
      return { changes: { host: { from: 'smtp.old.test', to: 'smtp.new.test' } } };
    default:
      return {};
  }
}

/** Generates the entries, or reuses them when the folder already holds the same number from the same seed. */
export async function ensureAuditData(options: { dataDir: string; entries: number; seed: number; log?: (s: string) => void }): Promise<AuditData> {
  const { dataDir, entries, seed } = options;
  const metaPath = path.join(dataDir, META_FILE);
  try {
    const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as AuditData;
    if (meta.entries === entries && meta.seed === seed && meta.version === GENERATOR_VERSION) return { ...meta, reused: true };
  } catch {
    /* not generated yet */
  }
  const result = await generate(options);
  fs.writeFileSync(metaPath, JSON.stringify({ ...result, version: GENERATOR_VERSION }, null, 2));
  return result;
}

async function generate({ dataDir, entries, seed, log = () => {} }: { dataDir: string; entries: number; seed: number; log?: (s: string) => void }): Promise<AuditData> {
  const started = performance.now();
  const db = await openDatabase(path.join(dataDir, DATABASE_FILE));
  const users = db.prepare<[], { id: number; email: string }>('SELECT id, email FROM users ORDER BY id').all();
  const adminIds = db.prepare("SELECT id FROM users WHERE role = 'admin' AND is_active = 1 ORDER BY id LIMIT 50").pluck().all() as number[];
  const indexes = db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' AND sql IS NOT NULL").pluck().all();
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' AND sql IS NOT NULL").pluck().all().forEach((n) => db.exec(`DROP INDEX ${n as string}`));
  db.exec('DELETE FROM audit_log');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('threads = 4');

  const rand = prng(seed ^ 0xa0d17);
  const insert = db.prepare('INSERT INTO audit_log (id, at, actor_id, action, target_id, details, hash, repeats) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const step = SPAN_MS / entries;
  let at = GENERATED_NOW - SPAN_MS;
  let previous = GENESIS;
  db.transaction(() => {
    for (let id = 1; id <= entries; id++) {
      // Mostly increasing times, with ties (the same millisecond) now and then, as a real log has.
      if (rand() > 0.05) at += Math.max(1, Math.round(step * 2 * rand()));
      let pick = rand() * TOTAL_WEIGHT;
      const [action, , who] = MIX.find(([, w]) => (pick -= w) < 0) ?? MIX[0]!;
      const person = users[Math.floor(rand() * users.length)]!;
      // The bench admin (id 1) does a tenth of the admin work: a heavy person for the person filter.
      const admin = rand() < 0.1 ? 1 : adminIds[Math.floor(rand() * adminIds.length)]!;
      const actorId = who === 'self' ? person.id : who === 'admin' ? admin : null;
      const repeats = action === 'sign_in_locked' || action === 'reset_requested' ? 1 + Math.floor(rand() * 20) : null;
      const text = JSON.stringify(details(action, rand, person.email));
      const hash = entryHash(previous, { id, at, actor_id: actorId, action, target_id: person.id, details: text });
      insert.run(id, at, actorId, action, person.id, text, hash, repeats);
      previous = hash;
      if (id % 500_000 === 0) log(`  ${id.toLocaleString('en')} audit entries`);
    }
  })();
  db.transaction(() => {
    for (const sql of indexes) db.exec(sql);
  })();
  db.pragma('journal_mode = WAL');
  closeDatabase(db);
  writeHeadRecordDurably(dataDir, { id: entries, hash: previous.toString('hex'), since: { id: 1, at: GENERATED_NOW - SPAN_MS } });
  const ms = performance.now() - started;
  log(`generated ${entries.toLocaleString('en')} chained audit entries in ${(ms / 1000).toFixed(1)} s`);
  return { entries, seed, ms, reused: false };
}
