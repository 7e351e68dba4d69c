// Which service answers each contract method. Inputs arrive parsed and access-checked by the dispatcher.
import type { MethodName, MethodOutput, ParsedInput } from '../../../common/contract.ts';
import type { AccessService } from '../services/access-service.ts';
import type { AuthService } from '../services/auth-service.ts';
import type { CredentialDelivery } from '../services/credential-delivery.ts';
import type { PeopleService } from '../services/people-service.ts';
import type { EmailSettingsService } from '../services/email-settings-service.ts';
import type { InvitesService } from '../services/invites-service.ts';
import type { RecoveryService } from '../services/recovery-service.ts';
import type { BackupsService } from '../backups/backups-service.ts';
import type { ActivityService } from '../audit/activity-service.ts';
import type { PeopleExport } from '../people-csv/people-export.ts';
import type { PeopleImport } from '../people-csv/people-import.ts';
import type { BulkService } from '../bulk/bulk-service.ts';
import type { IdlePolicyService } from '../policy/idle-policy-service.ts';
import type { CallContext } from './call-context.ts';

export type Handlers = {
  [K in MethodName]: (input: ParsedInput<K>, ctx: CallContext) => MethodOutput<K> | Promise<MethodOutput<K>>;
};

export interface Services {
  auth: AuthService;
  people: PeopleService;
  delivery: CredentialDelivery;
  invites: InvitesService;
  recovery: RecoveryService;
  emailSettings: EmailSettingsService;
  backups: BackupsService;
  activity: ActivityService;
  peopleExport: PeopleExport;
  peopleImport: PeopleImport;
  bulk: BulkService;
  policy: IdlePolicyService;
  access: AccessService;
}

export function createHandlers({ auth, people, delivery, invites, recovery, emailSettings, backups, activity, peopleExport, peopleImport, bulk, policy, access }: Services): Handlers {
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
    addPerson: (input, ctx) => delivery.addPerson(input, ctx),
    editPerson: (input, ctx) => delivery.newInviteAfterEdit(people.edit(input, ctx), ctx),
    resetPassword: (input, ctx) => delivery.resetPassword(input.id, ctx),
    deactivatePerson: (input, ctx) => people.deactivate(input.id, ctx),
    reactivatePerson: (input, ctx) => people.reactivate(input.id, ctx),
    setRole: (input, ctx) => people.setRole(input, ctx),

    requestPasswordReset: (input) => recovery.requestPasswordReset(input),
    redeemCode: (input, ctx) => recovery.redeemCode(input, ctx),
    resendInvite: (input, ctx) => delivery.resendInvite(input.id, ctx),
    revokeInvite: (input, ctx) => invites.revoke(input.id, ctx),
    inviteStatus: (input) => invites.status(input.id),
    unlockPerson: (input, ctx) => access.unlock(input.id, ctx),
    signOutEverywhere: (input, ctx) => access.signOutEverywhere(input.id, ctx),
    ownSessions: (_, ctx) => access.ownSessions(ctx),
    signOutOtherSessions: (_, ctx) => access.signOutOthers(ctx),
    getEmailSettings: () => emailSettings.view(),
    saveEmailSettings: (input, ctx) => emailSettings.save(input, ctx),
    sendTestEmail: (_, ctx) => emailSettings.sendTest(ctx),
    clearEmailSettings: (_, ctx) => emailSettings.clear(ctx),

    getBackups: () => backups.view(),
    backUpNow: (_, ctx) => backups.backUpNow(ctx),
    backupProgress: () => backups.progress(),
    saveBackupSettings: (input, ctx) => backups.saveSettings(input, ctx),
    verifyBackup: (input) => backups.verify(input),
    inspectBackup: (input) => backups.inspect(input),
    restoreBackup: (input, ctx) => backups.restore(input, ctx),
    cancelRestore: (input) => backups.cancelRestore(input),
    choosePath: (input) => backups.choosePath(input),

    listActivity: (input) => activity.list(input),
    countActivity: (input) => activity.count(input),
    verifyActivityLog: (input) => activity.verify(input),
    exportActivity: (input, ctx) => activity.export(input, ctx),
    exportPeople: (input, ctx) => peopleExport.export(input, ctx),
    previewBulk: (input, ctx) => bulk.preview(input, ctx),
    runBulk: (input, ctx) => bulk.run(input, ctx),
    undoBulk: (input, ctx) => bulk.undo(input, ctx),
    bulkProgress: () => bulk.progress(),
    getIdlePolicy: () => policy.view(),
    previewIdlePolicy: (input) => policy.preview(input),
    saveIdlePolicy: (input, ctx) => policy.save(input, ctx),
    resendInvitesStatus: (input, ctx) => bulk.resendStatus(input, ctx),
    resendInviteCodes: (input, ctx) => bulk.resendCodes(input, ctx),
    exportSelectedPeople: (input, ctx) => peopleExport.exportSelection(input.selection, ctx),
    chooseImportFile: () => peopleImport.chooseFile(),
    previewImport: (input) => peopleImport.preview(input),
    importRows: (input) => peopleImport.rows(input),
    confirmImport: (input, ctx) => peopleImport.confirm(input, ctx),
    importStatus: (input) => peopleImport.status(input),
    retryImportInvites: (input) => peopleImport.retryInvites(input),
    importFallbackPassword: (input, ctx) => peopleImport.fallbackPassword(input, ctx),
    importReport: (input, ctx) => peopleImport.report(input, ctx),
    importCodes: (input, ctx) => peopleImport.codes(input, ctx),
    closeImport: (input) => peopleImport.close(input),
  };
}
