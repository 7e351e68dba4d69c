// Run as its own process by import-kill.test.ts: imports a CSV through the real core and says "writing" once the
// import's transaction is well under way, so the test can kill it there (SIGKILL: no cleanup at all).
import { ImportFiles } from '../../../main/core/people-csv/import-files.ts';
import { createRoster } from '../../../main/core/roster.ts';
import { Caller } from '../caller.ts';

const [dataDir, csvFile, email, password] = process.argv.slice(2) as [string, string, string, string];
const importFiles = new ImportFiles(dataDir);
const roster = await createRoster({ dataDir, bcryptCost: 4, logError: () => {}, importFiles });
const admin = new Caller(roster);
await admin.ok('signIn', { email, password });
// The test reads the database "as before the import" now (the sign-in above is written), then says go.
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
process.stdin.destroy();
const importId = importFiles.add({ path: csvFile, name: 'people.csv', temporary: false });
await admin.ok('previewImport', { importId });
await admin.ok('confirmImport', { importId });
let said = false;
for (;;) {
  const status = await admin.ok('importStatus', { importId });
  if (!said && status.written >= 20_000) {
    said = true;
    process.stdout.write(`writing ${status.written}\n`);
  }
  if (status.phase !== 'writing') {
    process.stdout.write(`finished ${status.phase} ${status.added}\n`);
    break;
  }
  await new Promise((r) => setTimeout(r, 10));
}
await roster.close();
