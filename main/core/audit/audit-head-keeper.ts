// Keeps the head record (audit-head.json) following the log as entries are added. Before moving it forward it
// checks that the entry it names is still in the log with the same hash: if not, the log was cut short or
// rewritten, and the record is left as it is, as evidence, for the chain check to report.
import type { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { GENESIS } from './audit-chain.ts';
import { readHeadRecord, writeHeadRecord, type HeadRecord } from './audit-head-file.ts';

export class AuditHeadKeeper {
  private record: HeadRecord | null = null;
  private frozen = false;
  private closed = false;
  private writing: Promise<void> | null = null;
  private again = false;
  private readonly hashAt;
  private readonly headStmt;

  constructor(
    private readonly dataDir: string,
    private readonly db: Db,
    private readonly now: () => number,
    private readonly logError: (what: string, err: unknown) => void,
  ) {
    this.hashAt = db.prepare<[number], Buffer | null>('SELECT hash FROM audit_log WHERE id = ?').pluck();
    this.headStmt = db.prepare<[], { id: number; hash: Buffer | null }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  }

  /** The named entry is in the log with the recorded hash (entry 0: the empty log, always there). */
  private holds(record: HeadRecord): boolean {
    const hash = record.id === 0 ? GENESIS : this.hashAt.get(record.id);
    return !!hash && hash.toString('hex') === record.hash;
  }

  /**
   * At open: a log without a record gets one, and an entry saying so (the first start of this version, or the
   * record was deleted); a record the log no longer holds is left alone (the chain check reports it).
   */
  start(audit: AuditRepo): void {
    const found = readHeadRecord(this.dataDir);
    if (found.state === 'present') {
      this.record = found.record;
      this.frozen = !this.holds(found.record);
      if (!this.frozen) this.onAppend();
      return;
    }
    const head = audit.head();
    if (!head) {
      this.record = { id: 0, hash: GENESIS.toString('hex'), since: { id: 0, at: this.now() } };
      this.onAppend();
      return;
    }
    const at = this.now();
    this.record = { id: head.id, hash: (head.hash ?? GENESIS).toString('hex'), since: { id: head.id + 1, at } };
    audit.record(at, null, 'audit_head_started', null, { found: found.state, afterEntry: head.id });
  }

  /** Called inside the transaction of each new entry: the record follows once that transaction is over. */
  onAppend(): void {
    if (this.closed || this.frozen) return;
    if (this.writing) {
      this.again = true;
      return;
    }
    this.writing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.follow())
      .catch((err: unknown) => this.logError('audit head record', err))
      .finally(() => (this.writing = null));
  }

  private async follow(): Promise<void> {
    do {
      this.again = false;
      if (this.closed || !this.db.open || !this.record) return;
      const head = this.headStmt.get();
      if (!head || head.id === this.record.id) continue;
      if (!this.holds(this.record)) {
        this.frozen = true;
        return;
      }
      this.record = { ...this.record, id: head.id, hash: (head.hash ?? GENESIS).toString('hex') };
      await writeHeadRecord(this.dataDir, this.record);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by a follow() call made during the await
    } while (this.again);
  }

  /** Waits for a write under way; nothing is written after this. */
  async close(): Promise<void> {
    const pending = this.writing;
    await pending;
    this.closed = true;
  }
}
