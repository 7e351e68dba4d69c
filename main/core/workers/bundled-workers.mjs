// The workers written in TypeScript and run from their own CommonJS bundle (see worker-code.ts): name → entry
// point under main/core. Plain JavaScript so the build scripts (scripts/build.mjs, scripts/bench/run.mjs) read the
// same list the app does.
export const BUNDLED_WORKERS = {
  'import-worker': 'people-csv/import-worker.ts',
  'chain-verify-worker': 'audit/chain-verify-worker.ts',
  'activity-export-worker': 'audit/activity-export-worker.ts',
  'people-export-worker': 'people-csv/people-export-worker.ts',
  'bulk-worker': 'bulk/bulk-worker.ts',
  'users-index-worker': 'backups/users-index-worker.ts',
};
