// Signing in and out, the first admin, and a person's own password. Every rule about who may sign in lives here.
import type { ParsedInput } from '../../../common/contract.ts';
import type { SessionInfo, Status } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import { assertAcceptablePassword } from '../auth/password-policy.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import { chosenPasswordFields, isExpiredTemporaryPassword } from '../auth/temporary-password.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import type { UserRow, UsersRepo } from '../db/users-repo.ts';
import { AppError } from '../errors.ts';
import type { Clock } from './clock.ts';
import { sessionInfo } from './session-info.ts';

export const DISABLED_MESSAGE = 'Your account is disabled. Please contact your administrator.';
export const INVALID_CREDENTIALS_MESSAGE = 'Incorrect email or password.';
export const EXPIRED_MESSAGE = 'Your temporary password has expired. Ask your administrator to reset your password.';

export interface AuthDeps {
  users: UsersRepo;
  sessions: Sessions;
  throttle: LoginThrottle;
  audit: AuditRepo;
  hasher: PasswordHasher;
  clock: Clock;
  emailConfigured: () => boolean;
}

export class AuthService {
  /** A hash to compare against when the email is unknown, so both cases take the same time. */
  private dummyHash: Promise<string> | null = null;

  constructor(private readonly deps: AuthDeps) {}

  private dummy(): Promise<string> {
    this.dummyHash ??= this.deps.hasher.hash('roster-timing-equaliser-not-a-password');
    return this.dummyHash;
  }

  /** Start computing the dummy hash early so the first unknown-email sign-in is not slower. */
  warmUp(): void {
    this.dummy().catch(() => {
      this.dummyHash = null; // e.g. closed during start-up; computed again on first use
    });
  }

  status(ctx: CallContext): Status {
    return {
      needsFirstAdmin: this.deps.users.isEmpty(),
      session: ctx.user ? sessionInfo(ctx.user) : null,
      emailConfigured: this.deps.emailConfigured(),
    };
  }

  async createFirstAdmin(input: ParsedInput<'createFirstAdmin'>, ctx: CallContext): Promise<SessionInfo> {
    if (!this.deps.users.isEmpty()) throw alreadySetUp();
    await assertAcceptablePassword(input.password, input, 'password');
    const hash = await this.deps.hasher.hash(input.password);
    const { users, sessions, audit, clock } = this.deps;
    const { user, token } = ctx.transaction(() => {
        // Checked again inside the write transaction: two first-run windows cannot both create an admin.
        if (!users.isEmpty()) throw alreadySetUp();
        const now = clock.now();
        const created = users.insert(
          { firstName: input.firstName, lastName: input.lastName, email: input.email, role: 'admin', passwordHash: hash, mustChangePassword: false },
          now,
        );
        users.recordLogin(created.id, now);
        audit.record(now, created.id, 'first_admin_created', created.id, { email: created.email });
        return { user: users.require(created.id), token: sessions.start(created.id, now) };
      });
    ctx.slot.set(token);
    return sessionInfo(user);
  }

  async signIn(input: ParsedInput<'signIn'>, ctx: CallContext): Promise<SessionInfo> {
    const { users, sessions, throttle, audit, clock, hasher } = this.deps;
    const email = input.email;
    throttle.refuseWhileLocked(email, clock.now(), audit, { action: 'sign_in_locked', actorId: null, targetId: () => users.findByEmail(email)?.id ?? null });
    const found = users.findByEmail(email);
    const storedHash = found?.password_hash ?? null;
    const matches = await hasher.verify(input.password, storedHash ?? (await this.dummy()));
    if (!found || storedHash === null || !matches) {
      ctx.transaction(() => {
        throttle.recordFailure(email, clock.now());
        audit.record(clock.now(), null, 'sign_in_failed', found?.id ?? null, { email });
      });
      throw new AppError('INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
    }
    const token = ctx.transaction(() => {
        // Re-read: the account may have changed while the hash was being checked.
        const user = users.get(found.id);
        if (!user || user.password_hash !== storedHash) throw new AppError('INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
        if (!user.is_active) {
          audit.record(clock.now(), null, 'sign_in_failed', user.id, { email, reason: 'disabled' });
          return 'disabled';
        }
        // Told only to whoever knows the password, like "disabled": it reveals nothing to a guesser.
        if (isExpiredTemporaryPassword(user, clock.now())) {
          audit.record(clock.now(), null, 'sign_in_failed', user.id, { email, reason: 'temporary_password_expired' });
          return 'expired';
        }
        const now = clock.now();
        throttle.recordSuccess(email);
        users.recordLogin(user.id, now);
        audit.record(now, user.id, 'sign_in', user.id, {});
        return sessions.start(user.id, now);
      });
    if (token === 'disabled') throw new AppError('ACCOUNT_DISABLED', DISABLED_MESSAGE);
    if (token === 'expired') throw new AppError('PASSWORD_EXPIRED', EXPIRED_MESSAGE);
    ctx.slot.set(token);
    return sessionInfo(users.require(found.id));
  }

  signOut(ctx: CallContext): null {
    const token = ctx.slot.get();
    if (token) {
      const { sessions, audit, clock } = this.deps;
      ctx.transaction(() => {
        sessions.end(token);
        if (ctx.user) audit.record(clock.now(), ctx.user.id, 'sign_out', ctx.user.id, {});
      });
    }
    ctx.slot.set(undefined);
    return null;
  }

  me(ctx: CallContext): SessionInfo {
    return sessionInfo(signedInUser(ctx));
  }

  /** A wrong current password counts like a failed sign-in: otherwise a borrowed session could guess it freely. */
  async changePassword(input: ParsedInput<'changePassword'>, ctx: CallContext): Promise<null> {
    const user = signedInUser(ctx);
    const { throttle, audit, clock } = this.deps;
    throttle.refuseWhileLocked(user.email, clock.now(), audit, { action: 'password_change_locked', actorId: user.id, targetId: () => user.id });
    const ok = user.password_hash !== null && (await this.deps.hasher.verify(input.currentPassword, user.password_hash));
    if (!ok) {
      ctx.transaction(() => {
        throttle.recordFailure(user.email, clock.now());
        audit.record(clock.now(), user.id, 'password_change_failed', user.id, {});
      });
      throw new AppError('INVALID_CREDENTIALS', 'Your current password is incorrect.', { field: 'currentPassword' });
    }
    await this.replacePassword(user, input.newPassword, ctx);
    return null;
  }

  async chooseNewPassword(input: ParsedInput<'chooseNewPassword'>, ctx: CallContext): Promise<SessionInfo> {
    const user = signedInUser(ctx);
    if (!user.must_change_password) {
      throw new AppError('CONFLICT', 'Your password has already been chosen. Use Change password instead.');
    }
    if (user.password_hash !== null && (await this.deps.hasher.verify(input.newPassword, user.password_hash))) {
      throw new AppError('WEAK_PASSWORD', 'Choose a password different from the temporary one.', { field: 'newPassword' });
    }
    return sessionInfo(await this.replacePassword(user, input.newPassword, ctx));
  }

  /** Sets a person's own new password, ends their other sessions and keeps this one signed in. */
  private async replacePassword(user: UserRow, newPassword: string, ctx: CallContext): Promise<UserRow> {
    await assertAcceptablePassword(newPassword, { email: user.email, firstName: user.first_name, lastName: user.last_name });
    const hash = await this.deps.hasher.hash(newPassword);
    const { users, sessions, audit, clock } = this.deps;
    const { updated, token } = ctx.transaction(() => {
        const current = users.get(user.id);
        if (!current || !current.is_active || current.password_hash !== user.password_hash) {
          throw new AppError('CONFLICT', 'Your account changed while saving. Please sign in again.');
        }
        const now = clock.now();
        const row = users.update(user.id, chosenPasswordFields(hash), now);
        sessions.endAllFor(user.id);
        this.deps.throttle.recordSuccess(user.email);
        audit.record(now, user.id, 'password_changed', user.id, {});
        return { updated: row, token: sessions.start(user.id, now) };
      });
    ctx.slot.set(token);
    return updated;
  }
}

const alreadySetUp = () =>
  new AppError('ALREADY_SET_UP', 'Roster already has an administrator. Sign in instead.');
