// users.invite_expires_at (migration 7) is what the invite filters read: it must equal, after any writes to
// one_time_codes, the latest expiry of the person's unused, unlocked invite codes, as a plain query reads it.
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/db/open-database.ts';
import { closeDatabase, openDatabase } from '../../../main/core/db/open-database.ts';
import { MIGRATIONS } from '../../../main/core/db/migrations.ts';
import { OneTimeCodes } from '../../../main/core/email/one-time-codes.ts';
import { tempDir } from '../harness.ts';

const PEOPLE = 6;
const T = 1_000_000;
let db: Db;

const addPeople = (d: Db) => {
  const insert = d.prepare("INSERT INTO users (id, first_name, last_name, email, role, created_at, updated_at) VALUES (?, 'A', 'B', ?, 'user', 0, 0)");
  for (let id = 1; id <= PEOPLE; id++) insert.run(id, `p${id}@example.org`);
};

/** The oracle: each person's latest live invite expiry, read from the codes themselves. */
const expected = (d: Db) =>
  d
    .prepare(
      `SELECT id, (SELECT MAX(expires_at) FROM one_time_codes c WHERE c.user_id = users.id AND c.purpose = 'invite'
         AND c.used_at IS NULL AND c.locked_at IS NULL) AS e FROM users ORDER BY id`,
    )
    .all();
const kept = (d: Db) => d.prepare('SELECT id, invite_expires_at AS e FROM users ORDER BY id').all();

beforeEach(async () => {
  db = await openDatabase(path.join(tempDir('roster-invite-expiry-'), 'roster.db'));
  addPeople(db);
});
afterEach(() => closeDatabase(db));

const person = fc.integer({ min: 1, max: PEOPLE });
const at = fc.integer({ min: 0, max: 10 * T });
const purpose = fc.constantFrom('invite', 'reset');
/** Every kind of write Roster makes to one_time_codes, and a few it does not (moving a code), as raw SQL. */
const write = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), user: person, purpose, expires: at }),
  fc.record({ op: fc.constant('use' as const), pick: fc.nat(), when: at }),
  fc.record({ op: fc.constant('lock' as const), pick: fc.nat(), when: at }),
  fc.record({ op: fc.constant('expire' as const), pick: fc.nat(), expires: at }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), user: person, purpose }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('prune' as const), when: at }),
  fc.record({ op: fc.constant('revokeMany' as const), users: fc.uniqueArray(person, { maxLength: 3 }), when: at }),
);
type Write = typeof write extends fc.Arbitrary<infer W> ? W : never;

function apply(d: Db, w: Write): void {
  const ids = d.prepare('SELECT id FROM one_time_codes ORDER BY id').pluck().all() as number[];
  const code = 'pick' in w && ids.length > 0 ? ids[w.pick % ids.length] : undefined;
  switch (w.op) {
    case 'insert':
      d.prepare("INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at) VALUES (?, ?, 'h', 0, ?)").run(w.user, w.purpose, w.expires);
      return;
    case 'use':
      d.prepare('UPDATE one_time_codes SET used_at = ? WHERE id = ?').run(w.when, code ?? -1);
      return;
    case 'lock':
      d.prepare('UPDATE one_time_codes SET locked_at = ?, failed_attempts = failed_attempts + 1 WHERE id = ?').run(w.when, code ?? -1);
      return;
    case 'expire':
      d.prepare('UPDATE one_time_codes SET expires_at = ? WHERE id = ?').run(w.expires, code ?? -1);
      return;
    case 'move':
      d.prepare('UPDATE one_time_codes SET user_id = ?, purpose = ? WHERE id = ?').run(w.user, w.purpose, code ?? -1);
      return;
    case 'delete':
      d.prepare('DELETE FROM one_time_codes WHERE id = ?').run(code ?? -1);
      return;
    case 'prune':
      d.prepare('DELETE FROM one_time_codes WHERE expires_at <= ?').run(w.when);
      return;
    case 'revokeMany':
      d.prepare('UPDATE one_time_codes SET used_at = ? WHERE used_at IS NULL AND user_id IN (SELECT value FROM json_each(?))').run(w.when, JSON.stringify(w.users));
      return;
  }
}

describe("a person's live invite on their row (invite_expires_at)", () => {
  it('equals the latest expiry of their unused, unlocked invite codes after any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 25 }), (writes) => {
        db.exec('DELETE FROM one_time_codes');
        expect(kept(db)).toEqual(expected(db));
        for (const w of writes) {
          apply(db, w);
          expect(kept(db), JSON.stringify(w)).toEqual(expected(db));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("follows Roster's own code paths (issuing, a reset code revoking the invite, reissuing for many) and a lock", () => {
    const codes = new OneTimeCodes(db, () => Buffer.alloc(32, 7));
    const expiry = (id: number) => db.prepare('SELECT invite_expires_at FROM users WHERE id = ?').pluck().get(id);
    codes.issue(1, 'invite', T, T);
    codes.issue(2, 'invite', T, T);
    expect([expiry(1), expiry(2)]).toEqual([2 * T, 2 * T]);
    codes.issue(1, 'reset', T + 1, T); // a reset code revokes the invite: its person has no live invite left
    expect(expiry(1)).toBeNull();
    codes.reissueMany([2, 3], 'invite', 3 * T, T);
    expect([expiry(2), expiry(3)]).toEqual([4 * T, 4 * T]);
    const id = db.prepare("SELECT id FROM one_time_codes WHERE user_id = 3 AND used_at IS NULL").pluck().get() as number;
    db.prepare('UPDATE one_time_codes SET locked_at = ? WHERE id = ?').run(3 * T, id);
    expect(expiry(3)).toBeNull();
    expect(kept(db)).toEqual(expected(db));
  });
});

describe('migration 7', () => {
  it('fills the column from the codes a database at schema 6 already holds', async () => {
    const file = path.join(tempDir('roster-v6-'), 'roster.db');
    const v6 = await openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 6) });
    addPeople(v6);
    const insert = v6.prepare('INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at, used_at, locked_at) VALUES (?, ?, ?, 0, ?, ?, ?)');
    insert.run(1, 'invite', 'h', 5 * T, null, null); // live
    insert.run(1, 'invite', 'h', 7 * T, 1, null); // used
    insert.run(2, 'invite', 'h', 3 * T, null, 1); // locked
    insert.run(3, 'reset', 'h', 9 * T, null, null); // not an invite
    insert.run(4, 'invite', 'h', 2 * T, null, null);
    insert.run(4, 'invite', 'h', 6 * T, null, null); // the later of two live ones
    closeDatabase(v6);
    const upgraded = await openDatabase(file);
    try {
      expect(kept(upgraded)).toEqual([
        { id: 1, e: 5 * T },
        { id: 2, e: null },
        { id: 3, e: null },
        { id: 4, e: 6 * T },
        { id: 5, e: null },
        { id: 6, e: null },
      ]);
      expect(upgraded.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeDatabase(upgraded);
    }
  });
});
