export declare const BUNDLED_WORKERS: {
  readonly 'import-worker': 'people-csv/import-worker.ts';
  readonly 'chain-verify-worker': 'audit/chain-verify-worker.ts';
  readonly 'activity-export-worker': 'audit/activity-export-worker.ts';
  readonly 'people-export-worker': 'people-csv/people-export-worker.ts';
  readonly 'bulk-worker': 'bulk/bulk-worker.ts';
  readonly 'users-index-worker': 'backups/users-index-worker.ts';
};
