// What a database file's facts (read by backup-worker.ts: integrity check, schema, people) mean: is it a sound
// Roster database this Roster can restore? Pure functions, so every verdict has a table test.
import { MIGRATIONS } from '../db/migrations.ts';

/** What the worker reads from a file. */
export interface FileFacts {
  /** false: not an SQLite file at all (or unreadable as one). */
  sqlite: boolean;
  error?: string;
  userVersion?: number;
  /** "type:name" of every table, index and trigger. */
  objects?: string[];
  /** The integrity check's rows (SQLite's and users-index-check.ts's): ['ok'] when sound. */
  integrity?: string[];
  people?: number;
  activeAdmins?: number;
  newestAudit?: { at: number; action: string } | null;
}

export type Judgement =
  | { ok: true; schemaVersion: number; people: number; activeAdmins: number; newestAudit: { at: number; action: string } | null }
  | { ok: false; code: 'NOT_A_ROSTER_DATABASE' | 'BACKUP_TOO_NEW' | 'BACKUP_DAMAGED'; message: string; schemaVersion?: number };

/**
 * The tables, indexes and triggers Roster's migrations create up to `version`, read from their SQL (no database
 * needed, so this works under any runtime). Objects a later migration drops are taken out again.
 */
export function schemaObjectsAt(version: number, migrations = MIGRATIONS): Set<string> {
  const objects = new Set<string>();
  for (const m of [...migrations].sort((a, b) => a.version - b.version).filter((m) => m.version <= version)) {
    const sql = m.sql.replace(/--[^\n]*/g, '');
    for (const [, verb = '', type = '', name] of sql.matchAll(/\b(CREATE|DROP)\s+(?:VIRTUAL\s+)?(TABLE|INDEX|TRIGGER)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?["`]?(\w+)/gi)) {
      const key = `${type.toLowerCase()}:${name}`;
      if (verb.toUpperCase() === 'CREATE') objects.add(key);
      else objects.delete(key);
    }
  }
  return objects;
}

/** Decides whether a file is a sound Roster database this Roster can open (its schema equal or older). */
export function judge(facts: FileFacts, latestVersion: number): Judgement {
  const notRoster = (why: string): Judgement => ({ ok: false, code: 'NOT_A_ROSTER_DATABASE', message: `This file is not a Roster database (${why}).` });
  if (!facts.sqlite) return notRoster('not an SQLite database file');
  if (facts.error !== undefined || facts.userVersion === undefined || !facts.objects || !facts.integrity) {
    return { ok: false, code: 'BACKUP_DAMAGED', message: `This backup is damaged: SQLite could not read it (${facts.error ?? 'unknown error'}).` };
  }
  const version = facts.userVersion;
  if (version === 0) return notRoster('it has no Roster schema version');
  if (version > latestVersion) {
    return {
      ok: false,
      code: 'BACKUP_TOO_NEW',
      schemaVersion: version,
      message: `This backup was made by a newer Roster (schema ${version}; this Roster knows up to ${latestVersion}). Update Roster to restore it.`,
    };
  }
  const present = new Set(facts.objects);
  const missing = [...schemaObjectsAt(version)].filter((o) => !present.has(o));
  if (missing.length) return notRoster(`missing ${missing.slice(0, 3).map((o) => o.split(':')[1]).join(', ')}${missing.length > 3 ? ', …' : ''}`);
  if (facts.integrity.length !== 1 || facts.integrity[0] !== 'ok') {
    return {
      ok: false,
      code: 'BACKUP_DAMAGED',
      schemaVersion: version,
      message: `This backup is damaged: the integrity check found ${facts.integrity.length >= 20 ? 'at least 20 problems' : `${facts.integrity.length} problem${facts.integrity.length === 1 ? '' : 's'}`} (${facts.integrity[0]}).`,
    };
  }
  return { ok: true, schemaVersion: version, people: facts.people ?? 0, activeAdmins: facts.activeAdmins ?? 0, newestAudit: facts.newestAudit ?? null };
}
