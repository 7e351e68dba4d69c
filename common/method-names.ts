// The names of every method main exposes. Kept apart from the schemas so the Electron preload can list
// them without bundling zod; common/contract.ts must define exactly these (the compiler checks it).
export const METHOD_NAMES = [
  'getStatus',
  'createFirstAdmin',
  'signIn',
  'signOut',
  'requestPasswordReset',
  'redeemCode',
  'getMe',
  'changePassword',
  'chooseNewPassword',
  'listPeople',
  'countPeople',
  'tabCounts',
  'addPerson',
  'editPerson',
  'resetPassword',
  'deactivatePerson',
  'reactivatePerson',
  'setRole',
  'resendInvite',
  'revokeInvite',
  'inviteStatus',
  'getEmailSettings',
  'saveEmailSettings',
  'sendTestEmail',
  'clearEmailSettings',
  'getBackups',
  'backUpNow',
  'backupProgress',
  'saveBackupSettings',
  'verifyBackup',
  'inspectBackup',
  'restoreBackup',
  'cancelRestore',
  'choosePath',
  'listActivity',
  'countActivity',
  'verifyActivityLog',
  'exportActivity',
  'exportPeople',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

export function isMethodName(name: string): name is MethodName {
  return (METHOD_NAMES as readonly string[]).includes(name);
}
