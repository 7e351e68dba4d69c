// Run as its own process by import-kill.test.ts: imports a CSV through the real core and says "writing" once the
// import's transaction is well under way, so the test can kill it there (SIGKILL: no cleanup at all).
import { MemorySessionSlot } from '../../../main/core/api/session-slot.ts';
import { ImportFiles } from '../../../main/core/people-csv/import-files.ts';
import { createRoster } from '../../../main/core/roster.ts';

const [dataDir, csvFile, email, password] = process.argv.slice(2) as [string, string, string, string];
const importFiles = new ImportFiles(dataDir);
const roster = await createRoster({ dataDir, bcryptCost: 4, logError: () => {}, importFiles });
const slot = new MemorySessionSlot();
const call = async (method: string, payload: unknown) => {
  const result = await roster.dispatch(method, payload, slot);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
};
await call('signIn', { email, password });
// The test reads the database "as before the import" now (the sign-in above is written), then says go.
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
process.stdin.destroy();
const importId = importFiles.add({ path: csvFile, name: 'people.csv', temporary: false });
await call('previewImport', { importId });
await call('confirmImport', { importId });
let said = false;
for (;;) {
  const status = await call('importStatus', { importId });
  if (!said && (status.written as number) >= 20_000) {
    said = true;
    process.stdout.write(`writing ${String(status.written)}\n`);
  }
  if (status.phase !== 'writing') {
    process.stdout.write(`finished ${String(status.phase)} ${String(status.added)}\n`);
    break;
  }
  await new Promise((r) => setTimeout(r, 10));
}
await roster.close();
