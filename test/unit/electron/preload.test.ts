// The Electron preload exposes exactly the contract's methods, each an IPC call on its own channel, and
// bundles nothing but method names (no zod, nothing from main). Built with esbuild as scripts/build.mjs does,
// then run against a stand-in for the electron module.
import path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../common/method-names.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

async function bundlePreload() {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['preload/electron.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs).sort() };
}

function runPreload(code: string) {
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: { invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve('answer')) },
  };
  const requireStub = (name: string) => {
    if (name !== 'electron') throw new Error(`the preload required ${name}`);
    return electron;
  };
  const module = { exports: {} };
  // Runs the built CommonJS preload as Electron would, with a stub `require`: that is the point of the test.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- see above
  new Function('require', 'module', 'exports', code)(requireStub, module, module.exports);
  return { exposed, invoked };
}

describe('preload/electron.ts', () => {
  it('bundles only the method names and channel naming', async () => {
    const { inputs } = await bundlePreload();
    expect(inputs).toEqual(['common/ipc-channel.ts', 'common/method-names.ts', 'preload/electron.ts']);
  });

  it('exposes window.roster with exactly the contract methods and nothing else', async () => {
    const { exposed } = runPreload((await bundlePreload()).code);
    expect(Object.keys(exposed)).toEqual(['roster']);
    const api = exposed.roster as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(typeof api[name], name).toBe('function');
  });

  it('sends each call on its own channel with only the input', async () => {
    const { exposed, invoked } = runPreload((await bundlePreload()).code);
    const api = exposed.roster as Record<string, (input: unknown) => Promise<unknown>>;
    await expect(api.signIn!({ email: 'a@b.c', password: 'p' })).resolves.toBe('answer');
    await api.getStatus!(undefined);
    expect(invoked).toEqual([
      ['roster:signIn', { email: 'a@b.c', password: 'p' }],
      ['roster:getStatus', undefined],
    ]);
  });
});
