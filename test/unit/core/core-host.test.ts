// The stable front of a replaceable core: work no call asked for (a scheduled run of the idle policy) is held while
// a restore replaces the core, and a replacement waits for such work under way, as for a call.
import { describe, expect, it } from 'vitest';
import { CoreHost, type ReplaceableCore } from '../../../main/core/core-host.ts';

const core = (name: string, log: string[]): ReplaceableCore & { name: string } => ({
  name,
  dispatch: () => Promise.resolve({ ok: true, value: name }),
  close: () => (log.push(`close ${name}`), Promise.resolve()),
});

describe('CoreHost', () => {
  it('lets a replacement wait for scheduled work under way, and holds work that arrives meanwhile until the new core serves it', async () => {
    const log: string[] = [];
    const host = new CoreHost(core('old', log));
    let finishRun!: () => void;
    const running = host.use(async (c) => {
      log.push(`run on ${c.name}`);
      await new Promise<void>((resolve) => (finishRun = resolve));
      log.push(`run done on ${c.name}`);
    });
    const replaced = host.replace(async (current) => {
      await current.close();
      return core('new', log);
    });
    const later = host.use((c) => (log.push(`later run on ${c.name}`), Promise.resolve()));
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(['run on old']); // the replacement waits; the later run waits for the replacement
    finishRun();
    await Promise.all([running, replaced, later]);
    expect(log).toEqual(['run on old', 'run done on old', 'close old', 'later run on new']);
  });
});
