// Fills a Roster data folder with N generated people fast: bulk insert with the indexes and triggers set aside,
// then the indexes rebuilt and the search index and tab counts recomputed, exactly as the migrations define them.
import fs from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { DATABASE_FILE } from '../../main/core/data-dir.ts';
import { REBUILD_DERIVED_SQL } from '../../main/core/db/migrations.ts';
import { closeDatabase, openDatabase } from '../../main/core/db/open-database.ts';
import { GENERATED_NOW, generatePeople, prng } from './people-generator.ts';

/**
 * Every generated person shares this one bcrypt hash (cost 12) of the password "generated-person-password":
 * hashing a million passwords would take days and measures nothing. Only the bench admin gets its own hash.
 */
export const SHARED_PERSON_HASH = '$2b$12$GRgbYBaHNd/yEZT8GAPmwOtZCqRD4yqxH6ipAeACB7uwYItUjmX0O';

export const BENCH_ADMIN = {
  firstName: 'Bench',
  lastName: 'Admin',
  email: 'bench.admin@roster.test',
  password: 'bench admin passphrase 2025',
};

export interface GenerateOptions {
  dataDir: string;
  users: number;
  seed: number;
  /** bcrypt cost of the admin's real hash (12 as in the app; tests may use less). */
  adminCost?: number;
  log?: (line: string) => void;
}

export interface GeneratedData {
  dataDir: string;
  users: number;
  seed: number;
  /** Milliseconds: insert, then indexes + search index + counts. */
  insertMs: number;
  indexMs: number;
  reused: boolean;
}

const META_FILE = 'bench-meta.json';

/** Generates the data folder, or reuses it when it already holds the same size and seed. */
export async function ensurePeopleData(options: GenerateOptions): Promise<GeneratedData> {
  const { dataDir, users, seed } = options;
  const metaPath = path.join(dataDir, META_FILE);
  try {
    const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as GeneratedData;
    if (meta.users === users && meta.seed === seed) return { ...meta, dataDir, reused: true };
  } catch {
    /* not generated yet */
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const result = await generateInto(options);
  fs.writeFileSync(metaPath, JSON.stringify(result, null, 2));
  return result;
}

async function generateInto({ dataDir, users, seed, adminCost = 12, log = () => {} }: GenerateOptions): Promise<GeneratedData> {
  const file = path.join(dataDir, DATABASE_FILE);
  const db = await openDatabase(file); // the real schema, through the real migrations
  // Set aside everything derived from users; it is rebuilt below from the same DDL the migrations created.
  const derived = db
    .prepare<[], { type: string; name: string; sql: string }>(
      "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'users' AND type IN ('index', 'trigger') AND sql IS NOT NULL",
    )
    .all();
  for (const d of derived) db.exec(`DROP ${d.type.toUpperCase()} ${d.name}`);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.pragma('threads = 4'); // index builds sort in parallel

  const started = performance.now();
  const salt = `$2b$${String(adminCost).padStart(2, '0')}$${saltChars(prng(seed ^ 0x5eed))}`;
  const adminHash = bcrypt.hashSync(BENCH_ADMIN.password, salt);
  const insert = db.prepare(
    `INSERT INTO users (first_name, last_name, email, role, is_active, password_hash, must_change_password,
       created_at, updated_at, last_login_at, deactivated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    insert.run(BENCH_ADMIN.firstName, BENCH_ADMIN.lastName, BENCH_ADMIN.email, 'admin', 1, adminHash, GENERATED_NOW, GENERATED_NOW, null, null);
    for (const p of generatePeople(users - 1, seed)) {
      insert.run(p.first_name, p.last_name, p.email, p.role, p.is_active, p.invited ? null : SHARED_PERSON_HASH,
        p.created_at, p.created_at, p.last_login_at, p.deactivated_at);
    }
  })();
  const insertMs = performance.now() - started;
  log(`inserted ${users.toLocaleString('en')} people in ${(insertMs / 1000).toFixed(1)} s`);

  const indexStarted = performance.now();
  db.transaction(() => {
    // Search index first: with the covering indexes present, FTS5 reads its content ten times slower.
    db.exec(REBUILD_DERIVED_SQL);
    for (const d of derived) db.exec(d.sql);
  })();
  db.pragma('journal_mode = WAL');
  const indexMs = performance.now() - indexStarted;
  log(`built indexes, search index and counts in ${(indexMs / 1000).toFixed(1)} s`);
  closeDatabase(db);
  return { dataDir, users, seed, insertMs, indexMs, reused: false };
}

const SALT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** A bcrypt salt from the seed, so the admin's hash (and so the whole file) is the same on every rerun. */
function saltChars(rand: () => number): string {
  let s = '';
  for (let i = 0; i < 21; i++) s += SALT_ALPHABET[Math.floor(rand() * 64)];
  return s + '.'; // the 22nd character carries only 2 bits; "." is always valid there
}
