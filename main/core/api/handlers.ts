// Which service answers each contract method. Inputs arrive parsed and access-checked by the dispatcher.
import type { MethodName, MethodOutput, ParsedInput } from '../../../common/contract.ts';
import type { AuthService } from '../services/auth-service.ts';
import type { PeopleService } from '../services/people-service.ts';
import type { EmailFeatures } from '../services/email-features.ts';
import type { CallContext } from './call-context.ts';

export type Handlers = {
  [K in MethodName]: (input: ParsedInput<K>, ctx: CallContext) => MethodOutput<K> | Promise<MethodOutput<K>>;
};

export interface Services {
  auth: AuthService;
  people: PeopleService;
  email: EmailFeatures;
}

export function createHandlers({ auth, people, email }: Services): Handlers {
  return {
    getStatus: (_, ctx) => auth.status(ctx),
    createFirstAdmin: (input, ctx) => auth.createFirstAdmin(input, ctx),
    signIn: (input, ctx) => auth.signIn(input, ctx),
    signOut: (_, ctx) => auth.signOut(ctx),
    getMe: (_, ctx) => auth.me(ctx),
    changePassword: (input, ctx) => auth.changePassword(input, ctx),
    chooseNewPassword: (input, ctx) => auth.chooseNewPassword(input, ctx),

    listPeople: (input) => people.list(input),
    countPeople: (input) => people.count(input),
    tabCounts: () => people.tabCounts(),
    addPerson: (input, ctx) => email.addPerson(input, ctx),
    editPerson: (input, ctx) => people.edit(input, ctx),
    resetPassword: (input, ctx) => email.resetPassword(input.id, ctx),
    deactivatePerson: (input, ctx) => people.deactivate(input.id, ctx),
    reactivatePerson: (input, ctx) => people.reactivate(input.id, ctx),
    setRole: (input, ctx) => people.setRole(input, ctx),

    requestPasswordReset: (input, ctx) => email.requestPasswordReset(input, ctx),
    redeemCode: (input, ctx) => email.redeemCode(input, ctx),
    resendInvite: (input, ctx) => email.resendInvite(input.id, ctx),
    revokeInvite: (input, ctx) => email.revokeInvite(input.id, ctx),
    getEmailSettings: () => email.getSettings(),
    saveEmailSettings: (input, ctx) => email.saveSettings(input, ctx),
    sendTestEmail: (_, ctx) => email.sendTestEmail(ctx),
    clearEmailSettings: (_, ctx) => email.clearSettings(ctx),
  };
}
