// A few thousand people for the search tests: generated names plus the awkward cases (LIKE wildcards,
// backslashes, quotes, non-ASCII case pairs, short names, exact duplicates), written and then edited through
// SQL so the triggers that keep the search index and the tab counts are exercised too.
import type { Db } from '../../../main/core/db/open-database.ts';
import { generatePeople, prng } from '../../../scripts/bench/people-generator.ts';

export const TRICKY_ALPHABET = ['a', 'A', 'e', 'n', 's', 'S', 'o', '%', '_', '\\', '"', "'", '.', '@', ' ', 'ä', 'Ä', 'ß', 'İ', 'é'];

const ODD_NAMES = ['50% Off', 'a_b', 'back\\slash', 'Quote "Q"', "O'Neil", 'ÄRGER', 'ärger', 'Ärger', 'SMITH', 'smith', 'Li', 'Wu', 'İnce', 'Straße', 'e'];

/** Inserts `count` people and edits some of them; returns every first name, last name and email for sampling. */
export function fillTrickyPeople(db: Db, count: number, seed: number): string[] {
  const rand = prng(seed);
  const insert = db.prepare(
    `INSERT INTO users (first_name, last_name, email, role, is_active, password_hash, created_at, updated_at, last_login_at)
     VALUES (?, ?, ?, ?, ?, NULL, 0, 0, ?)`,
  );
  const odd = () => ODD_NAMES[Math.floor(rand() * ODD_NAMES.length)]!;
  db.transaction(() => {
    let i = 0;
    for (const p of generatePeople(count, seed)) {
      const first = rand() < 0.1 ? odd() : p.first_name;
      const last = rand() < 0.1 ? odd() : p.last_name;
      // a few exact duplicates of a name and a last login, so the id tie-break decides the order
      const login = rand() < 0.3 ? null : rand() < 0.2 ? 1000 : p.last_login_at;
      const email = rand() < 0.05 ? `x%_\\${i}@odd.test` : p.email;
      insert.run(first, last, email, p.role, p.is_active, login);
      i++;
    }
  })();
  // Edits after the fact: renames, deactivations, reactivations and deletions must all reach the search index.
  // In id order: without ORDER BY, SQLite may read any index that holds the id, and the edits would land elsewhere.
  const ids = db.prepare('SELECT id FROM users ORDER BY id').pluck().all() as number[];
  db.transaction(() => {
    for (const id of ids) {
      const r = rand();
      if (r < 0.05) db.prepare('UPDATE users SET last_name = ? WHERE id = ?').run(odd(), id);
      else if (r < 0.1) db.prepare('UPDATE users SET is_active = 1 - is_active WHERE id = ?').run(id);
      else if (r < 0.12) db.prepare('DELETE FROM users WHERE id = ?').run(id);
      else if (r < 0.14) db.prepare("UPDATE users SET email = 'renamed.' || id || '@example.com' WHERE id = ?").run(id);
    }
  })();
  return db
    .prepare<[], { first_name: string; last_name: string; email: string }>('SELECT first_name, last_name, email FROM users')
    .all()
    .flatMap((r) => [r.first_name, r.last_name, r.email]);
}
