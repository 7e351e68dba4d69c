// Run as its own process by restore-kill.test.ts: restores a backup through the real core and, when told to,
// kills itself with SIGKILL at one step of the swap (a crash there, with no chance to clean up).
import { createRoster } from '../../../main/core/roster.ts';
import { Caller } from '../caller.ts';

const [dataDir, backupFile, killAt, email, password] = process.argv.slice(2) as [string, string, string, string, string];
const roster = await createRoster({
  dataDir,
  bcryptCost: 4,
  logError: () => {},
  onSwapStep: (step) => {
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
const admin = new Caller(roster);
await admin.ok('signIn', { email, password });
process.stdout.write('restoring\n');
const preview = await admin.ok('inspectBackup', { path: backupFile });
await admin.ok('restoreBackup', { token: preview.token, confirm: 'RESTORE' });
await roster.close();
process.stdout.write('restored\n');
