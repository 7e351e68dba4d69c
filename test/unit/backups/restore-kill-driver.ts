// Run as its own process by restore-kill.test.ts: restores a backup through the real core and, when told to,
// kills itself with SIGKILL at one step of the swap (a crash there, with no chance to clean up).
import { MemorySessionSlot } from '../../../main/core/api/session-slot.ts';
import { createRoster } from '../../../main/core/roster.ts';

const [dataDir, backupFile, killAt, email, password] = process.argv.slice(2) as [string, string, string, string, string];
const roster = await createRoster({
  dataDir,
  bcryptCost: 4,
  logError: () => {},
  onSwapStep: (step) => {
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
const slot = new MemorySessionSlot();
const call = async (method: string, payload: unknown) => {
  const result = await roster.dispatch(method, payload, slot);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
};
await call('signIn', { email, password });
process.stdout.write('restoring\n');
const preview = await call('inspectBackup', { path: backupFile });
await call('restoreBackup', { token: preview.token, confirm: 'RESTORE' });
await roster.close();
process.stdout.write('restored\n');
