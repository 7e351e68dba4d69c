// Admin Panel → People → Import CSV: a file (uploaded in browser mode, picked under Electron) is read by its own
// worker; the admin sees each row's verdict, corrects the column mapping, and confirms; then every valid row is
// added in ONE transaction on the worker's connection (all or nothing, main's loop free), and the people are
// invited: by email in the background, or with one-time invite codes offered once as a CSV download.
import type { ExportOutcome } from '../../../common/activity.ts';
import type { Delivery, ParsedInput } from '../../../common/contract.ts';
import type { ImportMapping, ImportPreview, ImportRowsPage, ImportStatus, Verdict, VerdictCounts } from '../../../common/people-import.ts';
import { VERDICT_LABELS } from '../../../common/people-import.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import type { PathPicker } from '../backups/backups-service.ts';
import { writeCsv, type CsvCell } from '../csv/csv-writer.ts';
import { HOW_TO_USE_CODE } from '../email/messages.ts';
import { AppError } from '../errors.ts';
import type { FileDelivery } from '../exports/file-delivery.ts';
import type { CredentialDelivery } from '../services/credential-delivery.ts';
import { suggestMapping } from './column-mapping.ts';
import type { ImportFiles } from './import-files.ts';
import { InviteQueue, type InviteDeps } from '../email/invite-queue.ts';
import { bulkInviteLifetimeMs } from '../email/one-time-codes.ts';
import { AddedPeople } from './added-people.ts';
import type { Opened } from './import-protocol.ts';
import { ImportSession } from './import-session.ts';

export interface PeopleImportDeps extends InviteDeps {
  dbFile: string;
  nativeBinding?: string;
  files: ImportFiles;
  codeKey: () => Buffer;
  credentials: Pick<CredentialDelivery, 'temporaryPasswordForInvite'>;
  /** The audit log grew on another connection: the head record outside the database follows. */
  onAudited: () => void;
  /** Another worker's write holding the database (a bulk action), or null: an import waits for it to finish. */
  otherWritesHeld?: () => string | null;
  delivery?: FileDelivery;
  pathPicker?: PathPicker;
  logError: (what: string, err: unknown) => void;
}

interface OpenImport {
  id: string;
  fileName: string;
  session: ImportSession;
  opened: Opened;
  mapping: ImportMapping;
  counts: VerdictCounts;
  status: ImportStatus | null;
  added: AddedPeople;
  invites: InviteQueue | null;
  codesExpireAt: number;
}

/** At most this many imports are open at once (each holds a worker and its file's rows). */
const MAX_OPEN = 2;
const REPORT_PAGE = 5000;

export class PeopleImport {
  private readonly open = new Map<string, OpenImport>();
  private writing: OpenImport | null = null;

  constructor(private readonly d: PeopleImportDeps) {}

  /** Why other writes must wait now (an import's transaction holds the database), or null. */
  writesHeld(): string | null {
    if (!this.writing) return null;
    const s = this.writing.status;
    if (!s) return 'Roster is saving an import. Try again in a few seconds.';
    return `Roster is saving an import (${s.written.toLocaleString('en')} of ${s.toWrite.toLocaleString('en')} people). Try again in a few seconds.`;
  }

  /** Electron: the system's file picker; main reads the file, the renderer never holds it. */
  async chooseFile(): Promise<{ importId: string; fileName: string } | null> {
    if (!this.d.pathPicker) throw new AppError('NOT_SUPPORTED', 'In browser mode, choose the file with the page’s own file chooser.');
    const picked = await this.d.pathPicker.pick('csv');
    if (!picked) return null;
    const name = picked.split(/[\\/]/).pop() ?? 'people.csv';
    return { importId: this.d.files.add({ path: picked, name, temporary: false }), fileName: name };
  }

  async preview(input: ParsedInput<'previewImport'>): Promise<ImportPreview> {
    let im = this.open.get(input.importId);
    if (!im) im = await this.start(input.importId);
    if (input.mapping && this.idle(im)) {
      this.checkMapping(input.mapping, im.opened.headers.length);
      im.counts = await im.session.judge(input.mapping);
      im.mapping = input.mapping;
    }
    return this.previewOf(im);
  }

  rows(input: ParsedInput<'importRows'>): Promise<ImportRowsPage> {
    return this.get(input.importId).session.rows(input.verdict, input.offset, input.limit);
  }

  confirm(input: ParsedInput<'confirmImport'>, ctx: CallContext): ImportStatus {
    const actor = signedInUser(ctx);
    const im = this.get(input.importId);
    if (!this.idle(im)) throw new AppError('CONFLICT', 'This import was already confirmed.');
    if (this.writing) throw new AppError('BUSY', 'Another import is being saved. Wait for it to finish.');
    const held = this.d.otherWritesHeld?.();
    if (held) throw new AppError('BUSY', held);
    if (im.counts.add === 0) throw new AppError('VALIDATION', 'No row will be added: fix the mapping or the file first.', { field: 'importId' });
    const settings = this.d.smtpSettings.load();
    const now = this.d.clock.now();
    const lifetime = bulkInviteLifetimeMs(settings);
    im.codesExpireAt = now + lifetime;
    const status: ImportStatus = {
      importId: im.id,
      phase: 'writing',
      written: 0,
      toWrite: im.counts.add,
      added: 0,
      skipped: im.opened.rows - im.counts.add,
      error: null,
      invites: { byEmail: !!settings, sent: 0, failed: [], pending: 0 },
      codes: 'none',
    };
    im.status = status;
    this.writing = im;
    const order = { actorId: actor.id, now, fileName: im.fileName, codeKey: this.d.codeKey(), codeLifetimeMs: lifetime, byEmail: !!settings };
    void im.session
      .write(order, { onProgress: (n) => (status.written = n), onAdded: (batch) => im.added.append(batch) })
      .then(
        (written) => {
          this.writing = null; // before the invites: their writes must not meet the hold
          this.d.onAudited();
          status.added = written.added;
          status.skipped = im.opened.rows - written.added;
          if (settings) {
            im.invites = new InviteQueue(this.d, ctx);
            const people = im.added.takeCodes();
            im.invites.sendGradually(
              (function* () {
                for (const a of people) yield { line: a.line, personId: a.personId, email: a.email, code: a.code };
              })(),
              im.added.count,
            );
            status.phase = 'sending';
          } else {
            status.phase = 'done';
            status.codes = 'available';
          }
        },
        (err: unknown) => {
          this.writing = null;
          im.added.clear();
          status.phase = 'failed';
          status.error = err instanceof AppError ? err.message : `The import failed and nothing was added (${err instanceof Error ? err.message : String(err)}).`;
        },
      )
      .catch((err: unknown) => this.d.logError('confirmImport', err)); // after the commit: the people are in
    return this.statusOf(im);
  }

  status(input: ParsedInput<'importStatus'>): ImportStatus {
    return this.statusOf(this.get(input.importId));
  }

  retryInvites(input: ParsedInput<'retryImportInvites'>): ImportStatus {
    const im = this.get(input.importId);
    if (!im.invites) throw new AppError('CONFLICT', 'This import sent no invites by email.');
    im.invites.retry();
    return this.statusOf(im);
  }

  /** A failed invite's fallback: a temporary password for that person, shown once. */
  async fallbackPassword(input: ParsedInput<'importFallbackPassword'>, ctx: CallContext): Promise<Delivery> {
    const im = this.get(input.importId);
    const failure = im.invites?.failed.find((f) => f.personId === input.personId);
    const invites = im.invites;
    if (!failure || !invites) throw new AppError('NOT_FOUND', 'That row has no failed invite in this import.');
    if (invites.busy) throw new AppError('BUSY', 'The invites are still being sent.');
    const { delivery } = await this.d.credentials.temporaryPasswordForInvite(input.personId, ctx, failure.reason);
    invites.settled(input.personId);
    return delivery;
  }

  /** Row, email, outcome for every row of the file. */
  report(input: ParsedInput<'importReport'>, ctx: CallContext): Promise<ExportOutcome> {
    const im = this.get(input.importId);
    if (!im.status || im.status.phase === 'writing') throw new AppError('CONFLICT', 'The report is ready once the import is saved.');
    return this.deliver(ctx, `roster-import-report-${im.id.slice(0, 8)}.csv`, ['Line', 'Email', 'Outcome'], () => this.reportRows(im));
  }

  /** Without email: everyone's one-time invite code, offered once; the codes leave memory as the file is written. */
  codes(input: ParsedInput<'importCodes'>, ctx: CallContext): Promise<ExportOutcome> {
    const im = this.get(input.importId);
    if (im.status?.codes !== 'available') throw new AppError('CONFLICT', im.status?.codes === 'taken' ? 'The codes were already downloaded; they are shown only once. Use Resend invite for anyone who needs a new one.' : 'This import has no codes to hand out.');
    const expires = new Date(im.codesExpireAt).toISOString();
    const status = im.status;
    const header = ['Line', 'First name', 'Last name', 'Email', 'Invite code', 'Code expires (UTC)', 'How to use it'];
    return this.deliver(ctx, `roster-import-invite-codes-${im.id.slice(0, 8)}.csv`, header, function* () {
      status.codes = 'taken';
      for (const a of im.added.takeCodes()) yield [a.line, a.firstName, a.lastName, a.email, a.code, expires, HOW_TO_USE_CODE];
    });
  }

  async close(input: ParsedInput<'closeImport'>): Promise<null> {
    const im = this.open.get(input.importId);
    if (!im) return null;
    if (this.writing === im) throw new AppError('BUSY', 'The import is being saved; it cannot be stopped half-way.');
    this.open.delete(im.id);
    await im.session.close();
    return null;
  }

  /**
   * Closing Roster or replacing its database: a write under way is stopped (its transaction rolls back), and
   * invites not yet sent stay unsent (the person stays invited: Resend invite).
   */
  async closeAll(): Promise<void> {
    for (const im of this.open.values()) {
      im.invites?.stop('Roster was closed before this invite was sent. Use Resend invite.');
      await im.invites?.whenIdle();
      await im.session.close();
    }
    this.open.clear();
  }

  private async start(importId: string): Promise<OpenImport> {
    const file = this.d.files.take(importId);
    if (!file) throw new AppError('NOT_FOUND', 'That file is no longer waiting to be imported. Choose it again.');
    for (const [id, old] of this.open) {
      if (this.open.size < MAX_OPEN) break;
      if (old !== this.writing && !old.invites?.busy) {
        this.open.delete(id);
        await old.session.close();
      }
    }
    if (this.open.size >= MAX_OPEN) throw new AppError('BUSY', 'Two imports are open already. Finish one first.');
    const session = await ImportSession.start({ dbFile: this.d.dbFile, nativeBinding: this.d.nativeBinding });
    try {
      const opened = await session.open(file.path);
      const mapping = suggestMapping(opened.headers);
      const counts = await session.judge(mapping);
      const im: OpenImport = { id: importId, fileName: file.name, session, opened, mapping, counts, status: null, added: new AddedPeople(), invites: null, codesExpireAt: 0 };
      this.open.set(importId, im);
      return im;
    } catch (err) {
      await session.close();
      throw err;
    } finally {
      this.d.files.discard(file);
    }
  }

  private get(id: string): OpenImport {
    const im = this.open.get(id);
    if (!im) throw new AppError('NOT_FOUND', 'That import is no longer open. Choose the file again.');
    return im;
  }

  private idle(im: OpenImport): boolean {
    return im.status === null || im.status.phase === 'failed';
  }

  private checkMapping(mapping: ImportMapping, columns: number): void {
    for (const [field, column] of Object.entries(mapping)) {
      if (column !== null && column >= columns) throw new AppError('VALIDATION', `The file has ${columns} columns; there is no column ${column + 1} for ${field}.`, { field: 'mapping' });
    }
  }

  private previewOf(im: OpenImport): ImportPreview {
    return { importId: im.id, fileName: im.fileName, delimiter: im.opened.delimiter, headers: im.opened.headers, mapping: im.mapping, rows: im.opened.rows, counts: im.counts, emailConfigured: this.d.smtpSettings.load() !== null };
  }

  private statusOf(im: OpenImport): ImportStatus {
    if (!im.status) throw new AppError('CONFLICT', 'This import has not been confirmed yet.');
    const inv = im.invites;
    if (inv) {
      im.status.invites = { byEmail: true, sent: inv.sent, failed: inv.failed.slice(0, 500), pending: inv.pending };
      if (im.status.phase === 'sending' && !inv.busy) im.status.phase = 'done';
      else if (im.status.phase === 'done' && inv.busy) im.status.phase = 'sending';
    }
    return structuredClone(im.status);
  }

  private async *reportRows(im: OpenImport): AsyncGenerator<CsvCell[]> {
    // The rows and the added people are both in file order: walked side by side, the people are decoded a batch at
    // a time (decoding all 100,000 to look them up by line held main's loop ~150 ms).
    const added = im.added.list({ codes: false })[Symbol.iterator]();
    let person = added.next();
    const failed = new Map((im.invites?.failed ?? []).map((f) => [f.personId, f.reason]));
    const emailed = !!im.invites;
    const total = im.opened.rows;
    for (let offset = 0; offset < total; offset += REPORT_PAGE) {
      const page = await im.session.rows(null, offset, REPORT_PAGE);
      for (const r of page.rows) {
        while (!person.done && person.value.line < r.line) person = added.next();
        const personId = !person.done && person.value.line === r.line ? person.value.personId : undefined;
        yield [r.line, r.email, outcome(r.verdict, r.reason, personId, failed, emailed, im.status?.phase === 'failed')];
      }
    }
  }

  private deliver(ctx: CallContext, fileName: string, header: string[], rows: () => Iterable<CsvCell[]> | AsyncIterable<CsvCell[]>): Promise<ExportOutcome> {
    if (!this.d.delivery) throw new AppError('NOT_SUPPORTED', 'Downloading needs the desktop app or browser mode.');
    return this.d.delivery.deliver({
      fileName,
      contentType: 'text/csv; charset=utf-8',
      authorise: () => ctx.recheck(),
      write: (out, signal) => writeCsv(out, header, rows(), { signal }),
    });
  }
}

function outcome(verdict: Verdict, reason: string | null, personId: number | undefined, failed: Map<number, string>, emailed: boolean, importFailed: boolean): string {
  if (importFailed) return verdict === 'add' ? 'Not added: the import failed' : `${VERDICT_LABELS[verdict]}: ${reason ?? ''}`;
  if (verdict !== 'add') return `Skipped: ${VERDICT_LABELS[verdict].toLowerCase()}${reason ? ` (${reason})` : ''}`;
  if (personId === undefined) return 'Skipped: someone with this email was added to Roster meanwhile';
  if (!emailed) return 'Added; invite code in the codes file';
  const failure = failed.get(personId);
  return failure ? `Added; the invite email failed: ${failure}` : 'Added; invite emailed';
}
