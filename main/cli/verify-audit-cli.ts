// `npm run verify-audit -- --data-dir DIR`: checks the audit log's hash chain and the head record kept beside the
// database, as Admin Panel → Activity does. Read-only, so it is safe while Roster runs. Exits 1 when the chain
// breaks (naming the first entry where it does) or the head record does not match the log; 0 when both hold.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { readHeadRecord } from '../core/audit/audit-head-file.ts';
import { verifyChain } from '../core/audit/chain-verify.ts';
import { DATABASE_FILE, resolveDataDir } from '../core/data-dir.ts';

const USAGE = 'Usage: npm run verify-audit -- --data-dir DIR';

function fail(message: string, code = 2): never {
  process.stderr.write(`Roster verify-audit: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let values;
  try {
    values = parseArgs({ args: process.argv.slice(2), options: { 'data-dir': { type: 'string' } }, strict: true }).values;
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  const dataDir = resolveDataDir(values['data-dir']);
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) fail(`There is no Roster database in ${dataDir} (${DATABASE_FILE} is missing).`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    fail(`${file} could not be opened: ${(err as Error).message}`);
  }
  try {
    const columns = db.prepare("SELECT name FROM pragma_table_info('audit_log')").pluck().all();
    if (!columns.includes('hash')) fail(`This database predates the hash chain (schema ${String(db.pragma('user_version', { simple: true }))}). Start Roster once to upgrade it; the upgrade chains the entries it has.`);
    const started = performance.now();
    const result = await verifyChain(db, { head: readHeadRecord(dataDir), now: Date.now, sliceMs: 1000 });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    if (result.brokenAt) {
      out(`BROKEN at entry ${result.brokenAt.id}: ${result.brokenAt.reason}`);
      out(`  ${result.entries.toLocaleString('en')} entries read before the break (${seconds} s).`);
    } else {
      out(`Chain intact: ${result.entries.toLocaleString('en')} entries checked in ${seconds} s.`);
      if (result.head) out(`  Newest entry ${result.head.id}, hash ${result.head.hash}`);
    }
    const a = result.anchor;
    if (a.state === 'matches') out(`Head record (audit-head.json) matches entry ${a.id}; kept since ${a.since}.`);
    else if (a.state === 'missing') out(`Note: no usable head record: ${a.detail} A rewrite of the whole log could not be noticed; Roster starts a new record when it next starts.`);
    else out(`MISMATCH: ${a.detail}`);
    process.exitCode = result.brokenAt || a.state === 'mismatch' ? 1 : 0;
  } finally {
    db.close();
  }
}

main().catch((err: unknown) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)));
