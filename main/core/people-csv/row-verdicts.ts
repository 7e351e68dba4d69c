// Each row's verdict before anything is written, by the same field rules as Add person (common/rules.ts, the one
// home): will be added, or why not. Existing addresses are asked of the database by the caller.
import { emailField, nameField, NAME_MAX, EMAIL_MAX } from '../../../common/rules.ts';
import type { ImportMapping, Verdict } from '../../../common/people-import.ts';
import type { Role } from '../../../common/contract.ts';

export interface CheckedRow {
  verdict: Verdict;
  reason: string | null;
  /** The values as they would be stored (trimmed; email lowercased), when the verdict is "add". */
  person: { firstName: string; lastName: string; email: string; role: Role } | null;
}

const firstNameRule = nameField('First name');
const lastNameRule = nameField('Last name');
const ROLES: Record<string, Role> = { '': 'user', user: 'user', member: 'user', admin: 'admin', administrator: 'admin' };

const cell = (row: string[], column: number | null) => (column === null ? '' : (row[column] ?? ''));

/** Verdict on the row's own cells (duplicates and existing addresses are judged across rows by the caller). */
export function checkRow(row: string[], mapping: ImportMapping): CheckedRow {
  const first = cell(row, mapping.firstName).trim();
  const last = cell(row, mapping.lastName).trim();
  const rawEmail = cell(row, mapping.email).trim();
  const roleText = cell(row, mapping.role).trim().toLowerCase();
  if (!first || !last) return fail('missingName', !first && !last ? 'First and last name are missing.' : !first ? 'First name is missing.' : 'Last name is missing.');
  if (first.length > NAME_MAX || last.length > NAME_MAX) return fail('tooLong', `Names can be at most ${NAME_MAX} characters.`);
  for (const [rule, value] of [[firstNameRule, first], [lastNameRule, last]] as const) {
    const parsed = rule.safeParse(value);
    if (!parsed.success) return fail('invalidName', parsed.error.issues[0]?.message ?? 'Names cannot contain control characters.');
  }
  if (!rawEmail) return fail('invalidEmail', 'Email is missing.');
  if (rawEmail.length > EMAIL_MAX) return fail('tooLong', `Email must be at most ${EMAIL_MAX} characters.`);
  const email = emailField.safeParse(rawEmail);
  if (!email.success) return fail('invalidEmail', `“${rawEmail.slice(0, 80)}” is not a valid email address.`);
  const role = Object.hasOwn(ROLES, roleText) ? (ROLES[roleText] ?? null) : null;
  if (!role) return fail('unknownRole', `“${roleText.slice(0, 40)}” is not a role Roster knows (User or Admin).`);
  return { verdict: 'add', reason: null, person: { firstName: first, lastName: last, email: email.data, role } };
}

function fail(verdict: Verdict, reason: string): CheckedRow {
  return { verdict, reason, person: null };
}

/**
 * Verdicts for all rows: each row's own check, then the second and later rows with an address already seen in the
 * file are duplicates, and addresses `exists` knows are skipped.
 */
export function judgeRows(rows: string[][], lines: number[], mapping: ImportMapping, exists: (email: string) => boolean): CheckedRow[] {
  const seen = new Map<string, number>();
  return rows.map((row, i) => {
    const checked = checkRow(row, mapping);
    if (!checked.person) return checked;
    const email = checked.person.email;
    const first = seen.get(email);
    if (first !== undefined) return fail('duplicate', `The same address is on an earlier row of the file (line ${lines[first]})`);
    seen.set(email, i);
    if (exists(email)) return { verdict: 'exists', reason: 'Someone with this email is already in Roster; the row is skipped.', person: null };
    return checked;
  });
}
