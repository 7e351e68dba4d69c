// Everything that depends on email: invites, reset emails, forgot-password, SMTP settings.
// Without SMTP configured, Add and Reset fall back to a temporary password shown once to the admin.
// TODO(issue 4): SMTP settings, invites, reset codes. Until then email is never configured.
import type { Delivery, EmailSettingsView, ParsedInput, Person, SessionInfo } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { AppError } from '../errors.ts';
import type { PeopleService } from './people-service.ts';

export class EmailFeatures {
  constructor(private readonly people: PeopleService) {}

  isConfigured(): boolean {
    return false;
  }

  addPerson(input: ParsedInput<'addPerson'>, ctx: CallContext): Promise<{ person: Person; delivery: Delivery }> {
    return this.people.addWithTemporaryPassword(input, ctx);
  }

  resetPassword(id: number, ctx: CallContext): Promise<{ person: Person; delivery: Delivery }> {
    return this.people.resetWithTemporaryPassword(id, ctx);
  }

  requestPasswordReset(_input: ParsedInput<'requestPasswordReset'>, _ctx: CallContext): { emailConfigured: boolean } {
    return { emailConfigured: false };
  }

  redeemCode(_input: ParsedInput<'redeemCode'>, _ctx: CallContext): SessionInfo {
    throw new AppError('INVALID_CODE', 'That code is not valid or has expired.', { field: 'code' });
  }

  resendInvite(_id: number, _ctx: CallContext): Promise<{ person: Person; delivery: Delivery }> {
    throw notConfigured();
  }

  revokeInvite(_id: number, _ctx: CallContext): Person {
    throw notConfigured();
  }

  getSettings(): EmailSettingsView {
    throw notConfigured();
  }

  saveSettings(_input: ParsedInput<'saveEmailSettings'>, _ctx: CallContext): EmailSettingsView {
    throw notConfigured();
  }

  sendTestEmail(_ctx: CallContext): { to: string } {
    throw notConfigured();
  }

  clearSettings(_ctx: CallContext): EmailSettingsView {
    throw notConfigured();
  }
}

const notConfigured = () => new AppError('EMAIL_NOT_CONFIGURED', 'Email is not set up yet.');
