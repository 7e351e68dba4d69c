// Roster's layers, checked by dependency-cruiser in `npm test` (npm run layers). DESIGN.md says why each holds:
// the core runs in plain Node (tests, browser mode, the CLI) so it knows no adapter; the renderer and the preloads
// reach main only through the contract in common/.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-knows-no-adapter',
      comment: 'main/core runs without Electron, a web server or a terminal: it imports no adapter, no UI, and not electron.',
      severity: 'error',
      from: { path: '^main/core/' },
      to: { path: ['^main/(electron|web|cli|serving)/', '^renderer/', '^preload/', '^node_modules/electron/', '^electron$'] },
    },
    {
      name: 'renderer-only-common',
      comment: 'The renderer imports only common/ and itself (and its npm packages): main is reached through window.roster.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^main/', '^preload/', '^test/', '^scripts/', '^node_modules/electron/'] },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs in a sandboxed page: no Node built-ins.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'preload-only-common',
      comment: 'A preload passes calls through: it imports common/ names and electron, nothing of main or the renderer.',
      severity: 'error',
      from: { path: '^preload/' },
      to: { path: ['^main/', '^renderer/', '^test/', '^scripts/'] },
    },
    {
      name: 'common-imports-nothing-of-ours',
      comment: 'common/ is the contract both sides share: it depends on no side.',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: ['^main/', '^renderer/', '^preload/'] },
    },
    // The adapters (Electron, browser mode's web server, the backup CLI) each wrap the core and never each other.
    // main/serving/ (serving the built renderer's files) is shared by the Electron and web adapters on purpose.
    {
      name: 'electron-adapter-alone',
      severity: 'error',
      from: { path: '^main/electron/' },
      to: { path: ['^main/web/', '^main/cli/'] },
    },
    {
      name: 'web-adapter-alone',
      severity: 'error',
      from: { path: '^main/web/' },
      to: { path: ['^main/electron/', '^main/cli/'] },
    },
    {
      name: 'cli-adapter-alone',
      severity: 'error',
      from: { path: '^main/cli/' },
      to: { path: ['^main/electron/', '^main/web/'] },
    },
    {
      name: 'serving-is-no-adapter',
      comment: 'main/serving/ is shared by two adapters, so it may import neither (nor the CLI).',
      severity: 'error',
      from: { path: '^main/serving/' },
      to: { path: ['^main/(electron|web|cli)/'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that resolves nowhere would hide a layer break from every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.mjs', '.js', '.cjs', '.d.mts', '.json'] },
  },
};
