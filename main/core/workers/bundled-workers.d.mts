export declare const BUNDLED_WORKERS: {
  readonly 'import-worker': 'people-csv/import-worker.ts';
  readonly 'chain-verify-worker': 'audit/chain-verify-worker.ts';
};
