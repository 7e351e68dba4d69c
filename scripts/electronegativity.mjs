// Runs @doyensec/electronegativity over the Electron code (main process, shared serving, preloads, the page's
// HTML), offline, and fails on any finding not in the reviewed allow-list, or on an allow-list entry that matches
// nothing any more. `npm run electronegativity`; part of `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = ['main/electron', 'main/serving', 'preload', 'renderer/index.html'];
const allowFile = path.join(root, 'scripts', 'electronegativity-allowlist.json');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

// One folder holding just the Electron code, so findings name files as they are in the repository.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-electronegativity-'));
try {
  for (const p of SCANNED) fs.cpSync(path.join(root, p), path.join(work, 'in', p), { recursive: true });
  const sarif = path.join(work, 'findings.sarif');
  const bin = path.join(root, 'node_modules', '.bin', 'electronegativity');
  // AvailableSecurityFixesGlobalCheck asks the network for Electron releases: Roster is checked offline.
  const run = spawnSync(bin, ['-i', path.join(work, 'in'), '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electronVersion, '-r', '-v', 'false', '-o', sarif], { encoding: 'utf8' });
  if (run.status !== 0 || !fs.existsSync(sarif)) {
    process.stderr.write(`electronegativity did not run (exit ${run.status}):\n${run.stderr}${run.stdout}`);
    process.exit(2);
  }
  const findings = JSON.parse(fs.readFileSync(sarif, 'utf8')).runs.flatMap((r) =>
    r.results.map((result) => {
      const where = result.locations?.[0]?.physicalLocation;
      return { check: result.ruleId, file: where?.artifactLocation?.uri ?? 'N/A', line: where?.region?.startLine ?? 0, message: result.message?.text ?? '' };
    }),
  );
  const { allowed } = JSON.parse(fs.readFileSync(allowFile, 'utf8'));
  const listed = (f) => allowed.some((a) => a.check === f.check && a.file === f.file);
  const unexpected = findings.filter((f) => !listed(f));
  const stale = allowed.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file));

  process.stdout.write(`electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${findings.length - unexpected.length} allowed with a reason.\n`);
  for (const f of unexpected) process.stdout.write(`  NEW  ${f.check} ${f.file}:${f.line} ${f.message}\n`);
  for (const a of stale) process.stdout.write(`  STALE allow-list entry, no such finding now: ${a.check} ${a.file}\n`);
  if (unexpected.length || stale.length) {
    process.stdout.write('Fix each new finding, or add it to scripts/electronegativity-allowlist.json with the reason it is safe.\n');
    process.exit(1);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
