// The bulk section of the bench: People → select all matching a search (≥ 100,000 people at 1M) → Deactivate, then
// Undo; Make Admin, then Undo. Each is one transaction on a worker thread; main's event loop is watched throughout
// and progress is polled as the renderer does. The preview (the confirmation's count and names) is timed too.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BulkAction } from '../../common/bulk.ts';
import type { MethodInput } from '../../common/contract.ts';
import { createRoster } from '../../main/core/roster.ts';
import { caller } from './backups.ts';
import { summarise, type Row } from './measure.ts';
import { BENCH_ADMIN } from './people-database.ts';

/** At 1M generated people, "ch" matches 123,741 active people (the first 100,000 it matches and then some). */
const TERM = 'ch';
const RUNS = 3;
const settle = () => new Promise((r) => setTimeout(r, 20));

export async function benchBulk(dataDir: string, users: number, rows: Row[], log: (s: string) => void): Promise<void> {
  const roster = await createRoster({ dataDir });
  try {
    const call = caller(roster);
    await call('signIn', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
    const selection: MethodInput<'runBulk'>['selection'] = { kind: 'view', view: { tab: 'active', query: TERM, sort: 'name', direction: 'asc' }, except: [] };
    const full = users >= 1_000_000;
    const loop = monitorEventLoopDelay({ resolution: 1 });

    const previews: number[] = [];
    const previewStalls: number[] = [];
    let count = 0;
    for (let run = 0; run < RUNS; run++) {
      loop.reset();
      loop.enable();
      await settle(); // the monitor's first sample is only its baseline: a block before it would go unseen
      const start = performance.now();
      count = (await call('previewBulk', { selection, action: 'deactivate' })).count;
      previews.push(performance.now() - start);
      await settle(); // and a sample after it, so a block at the very end is seen too
      loop.disable();
      previewStalls.push(loop.max / 1e6);
    }
    log(`bench: bulk actions on “${TERM}”: ${count.toLocaleString('en')} people`);
    rows.push({ group: 'bulk', what: `previewBulk, all matching “${TERM}” (${count.toLocaleString('en')}): count, names, protected`, value: summarise(previews), unit: 'ms', target: full ? 300 : undefined });

    for (const action of ['deactivate', 'makeAdmin'] as BulkAction[]) {
      const acts: number[] = [];
      const undos: number[] = [];
      const stalls: number[] = [];
      let changed = 0;
      let seen = 0;
      for (let run = 0; run < RUNS; run++) {
        loop.reset();
        loop.enable();
        await settle();
        const progress = new Set<number>();
        const polling = setInterval(() => void call('bulkProgress', {}).then((p) => p && progress.add(p.done)), 50);
        let start = performance.now();
        const result = await call('runBulk', { selection, action });
        acts.push(performance.now() - start);
        clearInterval(polling);
        changed = result.changed;
        seen = Math.max(seen, progress.size);
        if (result.bulkId === null) throw new Error(`${action} changed no one`);
        start = performance.now();
        const undone = await call('undoBulk', { bulkId: result.bulkId });
        undos.push(performance.now() - start);
        await settle();
        loop.disable();
        stalls.push(loop.max / 1e6);
        if (undone.reverted !== changed) throw new Error(`undo reverted ${undone.reverted} of ${changed}`);
        log(`  ${action} ${run + 1}: ${changed.toLocaleString('en')} changed in ${(acts.at(-1)! / 1000).toFixed(2)} s, undone in ${(undos.at(-1)! / 1000).toFixed(2)} s`);
      }
      rows.push({ group: 'bulk', what: `runBulk ${action}, ${changed.toLocaleString('en')} people (one transaction, worker)`, value: summarise(acts.map((t) => t / 1000)), unit: 's', target: full ? 3 : undefined });
      rows.push({ group: 'bulk', what: `undoBulk of it`, value: summarise(undos.map((t) => t / 1000)), unit: 's', target: full ? 3 : undefined });
      rows.push({ group: 'bulk', what: `longest event-loop stall in main, ${action} and undo`, value: summarise(stalls), unit: 'ms', target: 50, note: `(${seen} progress values seen, polled every 50 ms)` });
    }
    rows.push({ group: 'bulk', what: 'longest event-loop stall in main, preview', value: summarise(previewStalls), unit: 'ms', target: 50 });
    // The control: the same watch over main doing nothing for 3 s. On a loaded machine the OS alone delays the loop.
    loop.reset();
    loop.enable();
    await new Promise((r) => setTimeout(r, 3000));
    loop.disable();
    rows.push({ group: 'bulk', what: 'control: longest event-loop stall in main while idle for 3 s', value: summarise([loop.max / 1e6]), unit: 'ms' });
  } finally {
    await roster.close();
  }
}
