// Who may call what, pinned by a table this test owns: a change of access (or of allowedWhilePasswordChangeRequired)
// in common/contract.ts must be made here too, on purpose, or a test turns red.
import { describe, expect, it } from 'vitest';
import { contract, type MethodInput, type MethodName } from '../../../common/contract.ts';
import type { ErrorCode, Result } from '../../../common/errors.ts';
import { sha256 } from '../../../main/core/auth/secrets.ts';
import { METHOD_NAMES } from '../../../common/method-names.ts';
import { GOOD_PASSWORD, startTestRoster, type Caller, type TestRoster } from '../harness.ts';
import { databaseSnapshot } from '../database-snapshot.ts';
import { NEW_PASSWORD, addPerson, addSignedInPerson, makeAdmin } from '../people/helpers.ts';

type Access = 'public' | 'signedIn' | 'admin';

interface Policy<K extends MethodName> {
  access: Access;
  /** Still callable by someone signed in with a temporary password they must replace first. */
  allowedWhilePasswordChangeRequired: boolean;
  /** A payload the contract accepts, so the access check is what answers (never a VALIDATION error). */
  payload: MethodInput<K>;
}

/** No one has this id: calls that pass the access check answer NOT_FOUND and change nothing. */
const NOBODY = 999_999;
/** No import has this id. */
const NO_IMPORT = 'no-such-import-0000';
const person = { firstName: 'Pat', lastName: 'Policy', email: 'pat@example.org' };

const POLICY: { [K in MethodName]: Policy<K> } = {
  getStatus: { access: 'public', allowedWhilePasswordChangeRequired: true, payload: {} },
  createFirstAdmin: { access: 'public', allowedWhilePasswordChangeRequired: false, payload: { ...person, password: GOOD_PASSWORD } },
  signIn: { access: 'public', allowedWhilePasswordChangeRequired: false, payload: { email: 'nobody@example.org', password: 'not the password' } },
  signOut: { access: 'public', allowedWhilePasswordChangeRequired: true, payload: {} },
  requestPasswordReset: { access: 'public', allowedWhilePasswordChangeRequired: false, payload: { email: 'nobody@example.org' } },
  redeemCode: {
    access: 'public',
    allowedWhilePasswordChangeRequired: false,
    payload: { email: 'nobody@example.org', code: 'ABCDE-12345', newPassword: NEW_PASSWORD },
  },
  getMe: { access: 'signedIn', allowedWhilePasswordChangeRequired: true, payload: {} },
  changePassword: { access: 'signedIn', allowedWhilePasswordChangeRequired: false, payload: { currentPassword: 'not the password', newPassword: NEW_PASSWORD } },
  chooseNewPassword: { access: 'signedIn', allowedWhilePasswordChangeRequired: true, payload: { newPassword: NEW_PASSWORD } },
  listPeople: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { tab: 'active', pageSize: 25 } },
  countPeople: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { tab: 'active' } },
  tabCounts: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: {} },
  addPerson: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: person },
  editPerson: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { id: NOBODY, ...person } },
  resetPassword: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { id: NOBODY } },
  deactivatePerson: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { id: NOBODY } },
  reactivatePerson: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { id: NOBODY } },
  setRole: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { id: NOBODY, role: 'admin', expectedRole: 'user' } },
  resendInvite: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { id: NOBODY } },
  revokeInvite: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { id: NOBODY } },
  inviteStatus: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { id: NOBODY } },
  unlockPerson: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { id: NOBODY } },
  signOutEverywhere: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { id: NOBODY } },
  ownSessions: { access: 'signedIn', allowedWhilePasswordChangeRequired: false, payload: {} },
  signOutOtherSessions: { access: 'signedIn', allowedWhilePasswordChangeRequired: false, payload: {} },
  getBackups: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: {} },
  backUpNow: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: {} },
  backupProgress: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: {} },
  getIdlePolicy: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: {} },
  previewIdlePolicy: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { days: 90 } },
  saveIdlePolicy: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { enabled: true, days: 90, asOf: 0 } },
  saveBackupSettings: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { automatic: false, intervalHours: 24, keep: 7, folder: '' } },
  verifyBackup: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { path: '/nonexistent/roster-backup.db' } },
  inspectBackup: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { path: '/nonexistent/roster-backup.db' } },
  restoreBackup: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { token: 'no-such-token', confirm: 'RESTORE' } },
  cancelRestore: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { token: 'no-such-token' } },
  choosePath: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { kind: 'folder' } },
  listActivity: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { pageSize: 25, kinds: ['people'], personId: NOBODY } },
  countActivity: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { kinds: ['signIns'], from: 0, to: Date.UTC(2030, 0, 1) } },
  verifyActivityLog: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { recheck: true } },
  exportActivity: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { personId: NOBODY } },
  exportPeople: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { tab: 'active', query: 'ada', sort: 'email', direction: 'desc' } },
  previewBulk: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { selection: { kind: 'ids', ids: [NOBODY] }, action: 'deactivate' } },
  runBulk: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { selection: { kind: 'ids', ids: [NOBODY] }, action: 'deactivate' } },
  undoBulk: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { bulkId: NOBODY } },
  bulkProgress: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: {} },
  exportSelectedPeople: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { selection: { kind: 'ids', ids: [NOBODY] } } },
  // An unknown resend: NOT_FOUND for an admin.
  resendInvitesStatus: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { batchId: NO_IMPORT } },
  resendInviteCodes: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { batchId: NO_IMPORT } },
  // No picker in the test core: an admin is told NOT_SUPPORTED; an unknown import id: NOT_FOUND.
  chooseImportFile: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: {} },
  previewImport: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { importId: NO_IMPORT, mapping: { firstName: 0, lastName: 1, email: 2, role: null } } },
  importRows: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { importId: NO_IMPORT, verdict: 'add', offset: 0, limit: 50 } },
  confirmImport: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { importId: NO_IMPORT } },
  importStatus: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { importId: NO_IMPORT } },
  retryImportInvites: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { importId: NO_IMPORT } },
  importFallbackPassword: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { importId: NO_IMPORT, personId: NOBODY } },
  importReport: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { importId: NO_IMPORT } },
  importCodes: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { importId: NO_IMPORT } },
  closeImport: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: { importId: NO_IMPORT } },
  getEmailSettings: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: {} },
  saveEmailSettings: {
    access: 'admin',
    allowedWhilePasswordChangeRequired: false,
    payload: {
      // Port 1 on loopback: an admin's save fails fast on the connection test, after the access check.
      host: '127.0.0.1',
      port: 1,
      security: 'none',
      username: '',
      password: '',
      fromAddress: 'roster@example.org',
      fromName: 'Roster',
      replyTo: '',
      allowSelfSigned: false,
      inviteLifetimeHours: 48,
    },
  },
  sendTestEmail: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: {} },
  clearEmailSettings: { access: 'admin', allowedWhilePasswordChangeRequired: false, payload: {} },
};

/** The answers only the dispatcher's access check gives. */
const GATE_CODES: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED'];

interface Persona {
  label: string;
  signedIn: boolean;
  admin: boolean;
  mustChangePassword: boolean;
}

const PERSONAS = {
  anonymous: { label: 'no session', signedIn: false, admin: false, mustChangePassword: false },
  user: { label: 'a User', signedIn: true, admin: false, mustChangePassword: false },
  userMustChange: { label: 'a User who must change their password', signedIn: true, admin: false, mustChangePassword: true },
  adminMustChange: { label: 'an admin who must change their password', signedIn: true, admin: true, mustChangePassword: true },
  admin: { label: 'an admin', signedIn: true, admin: true, mustChangePassword: false },
} satisfies Record<string, Persona>;
type PersonaName = keyof typeof PERSONAS;

/** The policy in words: what the access check must answer this persona for this method (null: let it through). */
function expectedRefusal(policy: Policy<MethodName>, who: Persona): ErrorCode | null {
  if (policy.access === 'public') return null;
  if (!who.signedIn) return 'UNAUTHENTICATED';
  if (policy.access === 'admin' && !who.admin) return 'FORBIDDEN';
  if (who.mustChangePassword && !policy.allowedWhilePasswordChangeRequired) return 'PASSWORD_CHANGE_REQUIRED';
  return null;
}

function describePolicy(name: MethodName): string {
  const p = POLICY[name] as Policy<MethodName> | undefined;
  if (!p) return `${name} has a row in the access policy table`; // a new method: the test below says so
  const who = { public: 'anyone', signedIn: 'anyone signed in', admin: 'admins only' }[p.access];
  return `${name} is for ${who}${p.access !== 'public' && p.allowedWhilePasswordChangeRequired ? ', even before a temporary password is replaced' : ''}`;
}

/** One database with a caller per persona; the must-change ones are signed in with their temporary password. */
async function cast(t: TestRoster): Promise<Record<PersonaName, Caller>> {
  const admin = await t.admin();
  const { caller: user } = await addSignedInPerson(t, admin, 'Uma');
  const ned = await addPerson(admin, 'Ned');
  const userMustChange = t.caller();
  await userMustChange.ok('signIn', { email: ned.person.email, password: ned.temporaryPassword });
  const max = await addPerson(admin, 'Max');
  await makeAdmin(admin, max.person);
  const adminMustChange = t.caller();
  await adminMustChange.ok('signIn', { email: max.person.email, password: max.temporaryPassword });
  return { anonymous: t.caller(), user, userMustChange, adminMustChange, admin };
}


/** The account behind a session token, read from the database (not through a method under test). */
const accountBehind = (t: TestRoster) => (token: string) =>
  t.roster.db
    .prepare('SELECT u.role, u.must_change_password, u.is_active FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?')
    .get(sha256(token));

const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('the access policy', () => {
  it('has a row for every contract method, and none for a method that does not exist', () => {
    expect(Object.keys(POLICY).sort()).toEqual([...METHOD_NAMES].sort());
  });

  // One test per method: it can only fail because that method's access (or its place on the allow list) changed.
  it.each(METHOD_NAMES.map((name) => [describePolicy(name), name] as const))('%s', async (_title, name) => {
    const policy = POLICY[name] as Policy<MethodName> | undefined;
    if (!policy) expect.fail(`${name} has no row in POLICY: add its expected access and a valid payload`);
    const parsed = contract[name].input.safeParse(policy.payload);
    expect(parsed.success, `the table's payload for ${name} must pass the contract schema: ${parsed.error?.issues[0]?.message}`).toBe(true);

    const t = await startTestRoster();
    const callers = await cast(t);
    const order = Object.keys(PERSONAS) as PersonaName[];
    const refused = order.filter((p) => expectedRefusal(policy, PERSONAS[p]) !== null);
    const allowed = order.filter((p) => expectedRefusal(policy, PERSONAS[p]) === null);

    // Refusals first, on an untouched database: each answers with its code and changes nothing.
    const before = databaseSnapshot(t);
    for (const p of refused) {
      const result = await callers[p].raw(name, policy.payload);
      expect(code(result), `${name} for ${PERSONAS[p].label}`).toBe(expectedRefusal(policy, PERSONAS[p]));
    }
    expect(databaseSnapshot(t), `refused calls to ${name} changed the database`).toBe(before);

    // Then everyone the policy lets through gets past the access check (whatever the service then answers).
    for (const p of allowed) {
      const result = await callers[p].raw(name, policy.payload);
      expect(GATE_CODES, `${name} for ${PERSONAS[p].label} was refused by the access check`).not.toContain(code(result));
    }
  });

  it('signs each persona in with the role and password state its name says', async () => {
    const t = await startTestRoster();
    const callers = await cast(t);
    const state = accountBehind(t);
    for (const [p, who] of Object.entries(PERSONAS) as [PersonaName, Persona][]) {
      const token = callers[p].slot.get();
      expect(token !== undefined, who.label).toBe(who.signedIn);
      if (!token) continue;
      expect(state(token), who.label).toEqual({ role: who.admin ? 'admin' : 'user', must_change_password: who.mustChangePassword ? 1 : 0, is_active: 1 });
    }
  });
});
