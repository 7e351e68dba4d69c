// The one contract between the renderer and main: every method's input schema, access level and output type.
// Main validates with these schemas; both preloads and the renderer derive their types from this table.
import { z } from 'zod';
import type { MethodName } from './method-names.ts';
export type { MethodName } from './method-names.ts';
import type { Result } from './errors.ts';
import {
  activityFilterInput,
  listActivityInput,
  type ActivityPage,
  type ExportOutcome,
  type LogVerification,
} from './activity.ts';
import {
  backupPathInput,
  backupSettingsInput,
  choosePathInput,
  restoreInput,
  type BackupEntry,
  type BackupProgress,
  type BackupsView,
  type RestorePreview,
  type RestoreResult,
} from './backups.ts';
import {
  importIdField,
  importMappingInput,
  importRowsInput,
  type ImportPreview,
  type ImportRowsPage,
  type ImportStatus,
} from './people-import.ts';
import { peopleFilter } from './people-filter-schema.ts';
import {
  previewIdlePolicyInput,
  saveIdlePolicyInput,
  type IdlePolicyPreview,
  type IdlePolicySaved,
  type IdlePolicyView,
} from './idle-policy.ts';
import {
  bulkActionField,
  resendBatchField,
  selectionSchema,
  type BulkPreview,
  type BulkProgress,
  type BulkResult,
  type ResendStatus,
  type UndoResult,
} from './bulk.ts';
import {
  codeField,
  CONTROL_CHARS,
  emailField,
  idField,
  nameField,
  newPasswordField,
  PAGE_SIZES,
  passwordInput,
  SEARCH_MAX_LENGTH,
} from './rules.ts';

export type Access = 'public' | 'signedIn' | 'admin';

// Each list of allowed values is written once, as the schema main validates with; its type comes from it.
export const roleField = z.enum(['user', 'admin']);
export type Role = z.infer<typeof roleField>;
/** The People list's Active / Deactivated tabs. */
export const tabField = z.enum(['active', 'deactivated']);
export type Tab = z.infer<typeof tabField>;
export const sortField = z.enum(['name', 'email', 'role', 'lastLogin']);
export type SortKey = z.infer<typeof sortField>;
export const directionField = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof directionField>;
export const smtpSecurityField = z.enum(['none', 'tls', 'starttls']);
export type SmtpSecurity = z.infer<typeof smtpSecurityField>;

export type PersonStatus = 'active' | 'invited' | 'deactivated';

export interface SessionInfo {
  userId: number;
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  mustChangePassword: boolean;
}

export interface Person {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  status: PersonStatus;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  deactivatedAt: string | null;
  /** When the temporary password they hold stops working (past: it has); null when they hold none. */
  temporaryPasswordExpiresAt: string | null;
  /** When the sign-in throttle stops holding back their address (past: it has); null when it never held it. */
  lockedUntil: string | null;
}

/** One of the signed-in person's own sessions (a window or browser tab), as the Account page lists them. */
export interface OwnSession {
  id: number;
  /** The session this call came from: "this window". */
  current: boolean;
  startedAt: string;
  /** When it last called Roster (to the minute); its start when it never has since. */
  lastSeenAt: string;
}

/** Opaque position in a sorted list, handed back to fetch the page after or before it. */
export type Cursor = string;

export interface PeoplePage {
  rows: Person[];
  /** Zero-based index of this page when known (always known except after a search total is pending). */
  pageIndex: number;
  hasPrevious: boolean;
  hasNext: boolean;
  /** Cursors of the first and last row, for the previous / next page. */
  startCursor: Cursor | null;
  endCursor: Cursor | null;
}

/** How the person learns their password: shown to the admin once, or sent by email. */
export type Delivery =
  /** emailError: why the invite/reset email could not go out (e.g. "Wrong host or port: …"), when it was tried. */
  | { kind: 'temporaryPassword'; temporaryPassword: string; expiresAt: string; emailError?: string }
  | { kind: 'emailSent'; to: string };

/** An invited person's latest invite code, for the admin: when it was sent, and whether guessing locked it. */
export interface InviteStatus {
  sentAt: string;
  expiresAt: string;
  /** Set when wrong guesses (MAX_CODE_ATTEMPTS of them) made the code stop working. */
  lockedAt: string | null;
  wrongGuesses: number;
}

/** Edit details: the person, and for an invited person whose email changed, how the new invite went out. */
export interface EditResult {
  person: Person;
  invite: Delivery | null;
}

/** SMTP settings as main keeps and uses them: the fields of the Email page's form, as main validated them. */
export type SmtpSettings = z.output<typeof emailSettingsInput>;

/** The saved settings as the Email page shows them: never the password, only whether one is set. */
export type EmailSettingsView = Omit<SmtpSettings, 'password'> & {
  configured: boolean;
  passwordSet: boolean;
  /** Set when secrets cannot be encrypted with an OS keychain (e.g. Linux basic_text backend). */
  secretStorageWarning: string | null;
};

export interface Status {
  needsFirstAdmin: boolean;
  session: SessionInfo | null;
  emailConfigured: boolean;
}

const empty = z.object({}).strict();
// Control characters (NUL above all) never occur in a name or an address, and would reach the search index's query.
const searchQuery = z
  .string()
  .max(SEARCH_MAX_LENGTH, `Search is limited to ${SEARCH_MAX_LENGTH} characters.`)
  .refine((v) => !CONTROL_CHARS.test(v), 'Search cannot contain control characters.')
  .transform((v) => v.trim());
const cursor = z.string().min(1).max(2000);

export const listPeopleInput = z
  .object({
    tab: tabField,
    query: searchQuery.default(''),
    /** Narrows the tab (with the search) to one kind of account; null: everyone in the tab. */
    filter: peopleFilter.nullable().default(null),
    sort: sortField.default('name'),
    direction: directionField.default('asc'),
    pageSize: z.union(PAGE_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>]),
    page: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('first') }),
        z.object({ kind: z.literal('last') }),
        z.object({ kind: z.literal('after'), cursor, pageIndex: z.number().int().min(0) }),
        z.object({ kind: z.literal('before'), cursor, pageIndex: z.number().int().min(0) }),
        z.object({ kind: z.literal('index'), index: z.number().int().min(0).max(1_000_000) }),
      ])
      .default({ kind: 'first' }),
  })
  .strict();
export type ListPeopleInput = z.input<typeof listPeopleInput>;

/** The view of the People list an export writes: the list's own tab, search, filter, sort and direction (no page). */
export const peopleViewInput = listPeopleInput.pick({ tab: true, query: true, filter: true, sort: true, direction: true }).strict();

/** Bulk actions' selection: ids ticked row by row (a short list), or the whole view but the rows unticked. */
export const peopleSelectionInput = selectionSchema(peopleViewInput);
const bulkInput = z.object({ selection: peopleSelectionInput, action: bulkActionField }).strict();
/**
 * `asOf` is the preview's moment: a filter that depends on time (idle for N days, invite expired, locked out) then
 * finds the very people the admin confirmed, however long the confirmation stayed open (within BULK_CONFIRM_MS).
 */
const runBulkInput = z.object({ selection: peopleSelectionInput, action: bulkActionField, asOf: z.number().int().min(0).optional() }).strict();

const personFields = {
  firstName: nameField('First name'),
  lastName: nameField('Last name'),
  email: emailField,
};

export const emailSettingsInput = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'SMTP host is required.')
      .max(253, 'SMTP host is too long.')
      .regex(/^[A-Za-z0-9.\-:[\]]+$/, 'Enter a host name or IP address.'),
    port: z.number().int('Port must be a whole number.').min(1, 'Port must be 1–65535.').max(65535, 'Port must be 1–65535.'),
    security: smtpSecurityField,
    username: z.string().trim().max(256).refine((v) => !/[\r\n]/.test(v), 'No line breaks.'),
    /** Empty keeps the stored password, for the same host, port, security and username only. */
    password: z.string().max(1024),
    fromAddress: emailField,
    fromName: nameField('From name'),
    replyTo: z.union([z.literal(''), emailField]),
    allowSelfSigned: z.boolean(),
    /** Required (true) to send a password with security "None": the named confirmation that it goes unencrypted. */
    allowPasswordWithoutTls: z.boolean().default(false),
    inviteLifetimeHours: z.number().int().min(1, 'At least 1 hour.').max(720, 'At most 30 days (720 hours).'),
  })
  .strict();
export type EmailSettingsInput = z.input<typeof emailSettingsInput>;

interface Spec<A extends Access, I extends z.ZodType, O> {
  access: A;
  input: I;
  output?: O;
  /**
   * Still callable, signed in, before a temporary password has been replaced (everything else answers
   * PASSWORD_CHANGE_REQUIRED). Public methods are open to everyone, this included.
   */
  allowedWhilePasswordChangeRequired?: true;
}
/** One row of the table, as the dispatcher reads it. */
export type MethodSpec = Spec<Access, z.ZodType, unknown>;
type SpecOptions = Pick<MethodSpec, 'allowedWhilePasswordChangeRequired'>;
const method =
  <O>() =>
  <A extends Access, I extends z.ZodType>(access: A, input: I, options: SpecOptions = {}): Spec<A, I, O> => ({ access, input, ...options });
const importOnly = z.object({ importId: importIdField }).strict();
const beforePasswordChange: SpecOptions = { allowedWhilePasswordChangeRequired: true };

export const contract = {
  getStatus: method<Status>()('public', empty),
  createFirstAdmin: method<SessionInfo>()(
    'public',
    z.object({ ...personFields, password: newPasswordField }).strict(),
  ),
  signIn: method<SessionInfo>()('public', z.object({ email: emailField, password: passwordInput }).strict()),
  signOut: method<null>()('public', empty),
  requestPasswordReset: method<{ emailConfigured: boolean }>()('public', z.object({ email: emailField }).strict()),
  redeemCode: method<SessionInfo>()(
    'public',
    z.object({ email: emailField, code: codeField, newPassword: newPasswordField }).strict(),
  ),
  getMe: method<SessionInfo>()('signedIn', empty, beforePasswordChange),
  changePassword: method<null>()(
    'signedIn',
    z.object({ currentPassword: passwordInput, newPassword: newPasswordField }).strict(),
  ),
  chooseNewPassword: method<SessionInfo>()('signedIn', z.object({ newPassword: newPasswordField }).strict(), beforePasswordChange),
  listPeople: method<PeoplePage>()('admin', listPeopleInput),
  countPeople: method<{ total: number }>()('admin', listPeopleInput.pick({ tab: true, query: true, filter: true }).strict()),
  tabCounts: method<{ active: number; deactivated: number }>()('admin', empty),
  addPerson: method<{ person: Person; delivery: Delivery }>()('admin', z.object(personFields).strict()),
  editPerson: method<EditResult>()('admin', z.object({ id: idField, ...personFields }).strict()),
  resetPassword: method<{ person: Person; delivery: Delivery }>()('admin', z.object({ id: idField }).strict()),
  deactivatePerson: method<Person>()('admin', z.object({ id: idField }).strict()),
  reactivatePerson: method<Person>()('admin', z.object({ id: idField }).strict()),
  setRole: method<Person>()(
    'admin',
    z.object({ id: idField, role: roleField, expectedRole: roleField }).strict(),
  ),
  resendInvite: method<{ person: Person; delivery: Delivery }>()('admin', z.object({ id: idField }).strict()),
  revokeInvite: method<Person>()('admin', z.object({ id: idField }).strict()),
  inviteStatus: method<InviteStatus | null>()('admin', z.object({ id: idField }).strict()),
  unlockPerson: method<Person>()('admin', z.object({ id: idField }).strict()),
  signOutEverywhere: method<{ person: Person; sessionsEnded: number }>()('admin', z.object({ id: idField }).strict()),
  ownSessions: method<OwnSession[]>()('signedIn', empty),
  signOutOtherSessions: method<{ sessionsEnded: number }>()('signedIn', empty),
  getEmailSettings: method<EmailSettingsView>()('admin', empty),
  saveEmailSettings: method<EmailSettingsView>()('admin', emailSettingsInput),
  sendTestEmail: method<{ to: string }>()('admin', empty),
  clearEmailSettings: method<EmailSettingsView>()('admin', empty),
  getBackups: method<BackupsView>()('admin', empty),
  backUpNow: method<BackupEntry>()('admin', empty),
  backupProgress: method<BackupProgress | null>()('admin', empty),
  saveBackupSettings: method<BackupsView>()('admin', backupSettingsInput),
  verifyBackup: method<BackupEntry>()('admin', backupPathInput),
  inspectBackup: method<RestorePreview>()('admin', backupPathInput),
  restoreBackup: method<RestoreResult>()('admin', restoreInput),
  cancelRestore: method<null>()('admin', z.object({ token: z.string().min(1).max(200) }).strict()),
  choosePath: method<{ path: string | null }>()('admin', choosePathInput),
  listActivity: method<ActivityPage>()('admin', listActivityInput),
  countActivity: method<{ total: number }>()('admin', activityFilterInput),
  verifyActivityLog: method<LogVerification>()('admin', z.object({ recheck: z.boolean().default(false) }).strict()),
  exportActivity: method<ExportOutcome>()('admin', activityFilterInput),
  exportPeople: method<ExportOutcome>()('admin', peopleViewInput),
  previewBulk: method<BulkPreview>()('admin', bulkInput),
  runBulk: method<BulkResult>()('admin', runBulkInput),
  undoBulk: method<UndoResult>()('admin', z.object({ bulkId: idField }).strict()),
  bulkProgress: method<BulkProgress | null>()('admin', empty),
  getIdlePolicy: method<IdlePolicyView>()('admin', empty),
  previewIdlePolicy: method<IdlePolicyPreview>()('admin', previewIdlePolicyInput),
  saveIdlePolicy: method<IdlePolicySaved>()('admin', saveIdlePolicyInput),
  exportSelectedPeople: method<ExportOutcome>()('admin', z.object({ selection: peopleSelectionInput }).strict()),
  resendInvitesStatus: method<ResendStatus>()('admin', z.object({ batchId: resendBatchField }).strict()),
  resendInviteCodes: method<ExportOutcome>()('admin', z.object({ batchId: resendBatchField }).strict()),
  chooseImportFile: method<{ importId: string; fileName: string } | null>()('admin', empty),
  previewImport: method<ImportPreview>()('admin', z.object({ importId: importIdField, mapping: importMappingInput.nullable().default(null) }).strict()),
  importRows: method<ImportRowsPage>()('admin', importRowsInput),
  confirmImport: method<ImportStatus>()('admin', importOnly),
  importStatus: method<ImportStatus>()('admin', importOnly),
  retryImportInvites: method<ImportStatus>()('admin', importOnly),
  importFallbackPassword: method<Delivery>()('admin', z.object({ importId: importIdField, personId: idField }).strict()),
  importReport: method<ExportOutcome>()('admin', importOnly),
  importCodes: method<ExportOutcome>()('admin', importOnly),
  closeImport: method<null>()('admin', importOnly),
} satisfies { [K in MethodName]: MethodSpec };

export type Contract = typeof contract;
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodOutput<K extends MethodName> = Exclude<Contract[K]['output'], undefined>;

/** What `window.roster` is, in both Electron and browser mode. */
export type RosterApi = { [K in MethodName]: (input: MethodInput<K>) => Promise<Result<MethodOutput<K>>> };
