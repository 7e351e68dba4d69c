// The Node side of the UI bench: drives the page, asks the in-page probe for each action's figures, and turns
// the runs of one action into a row of the table.
import type { Page } from '@playwright/test';
import type { MethodInput, MethodOutput } from '../../common/contract.ts';
import type { MethodName } from '../../common/method-names.ts';
import { summarise, type Row } from './measure.ts';
import type { Arm, Measured, Probe } from './ui-probe.ts';

/** How long an action may take before the bench calls it broken rather than slow. */
const ANSWER_TIMEOUT_MS = 10_000;

// Functions given to page.evaluate run in the page, so each names the probe itself.
type Bench = { __uiBench: Probe };

export class UiSession {
  readonly rows: Row[] = [];
  readonly raw: { action: string; runs: Measured[]; floors: number[] }[] = [];

  constructor(
    readonly page: Page,
    readonly runs: number,
  ) {}

  /** The bridge call from the page, as the app makes it: the floor under the same action. */
  async api<K extends MethodName>(method: K, input: MethodInput<K>): Promise<{ ms: number; value: MethodOutput<K> }> {
    return (await this.page.evaluate(([m, i]) => (window as unknown as Bench).__uiBench.api(m, i), [method, input] as const)) as { ms: number; value: MethodOutput<K> };
  }

  /** Arms the probe, performs `act` (Playwright's input reaches the page as real input events), and collects. */
  async measure(arm: Arm, act: () => Promise<void>): Promise<Measured> {
    await this.page.evaluate((a) => (window as unknown as Bench).__uiBench.arm(a), arm);
    await act();
    const m = await this.page.evaluate((t) => (window as unknown as Bench).__uiBench.collect(t), ANSWER_TIMEOUT_MS);
    if (m.ms === null) throw new Error(`no answer on screen within ${ANSWER_TIMEOUT_MS} ms (${arm.answer.kind}); table showed ${m.seen}`);
    return m;
  }

  /**
   * Waits until nothing is in flight or counting and no transition is running (menus and dialogs fade). Endless
   * animations (the focus ripple's pulse on a keyboard-focused button) never finish and are not waited for.
   */
  async settled(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as Bench).__uiBench.settled());
    await this.page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
    );
  }

  rowEmails(): Promise<string[] | null> {
    return this.page.evaluate(() => (window as unknown as Bench).__uiBench.rowEmails());
  }

  /**
   * One row of the table. `answeredBy` names the bridge call whose answer the screen shows; its timing splits
   * each run into: input → call sent, the call's round trip, and its answer → DOM.
   */
  record(
    r: { group: string; what: string; target?: number; taskTarget?: number; answeredBy?: string; floorLabel?: string; note?: string },
    runs: Measured[],
    floors: number[] = [],
  ): void {
    const ms = runs.map((m) => m.ms!);
    const split = r.answeredBy ? breakdown(runs, r.answeredBy) : '';
    this.rows.push({
      group: r.group,
      what: r.what,
      value: summarise(ms),
      unit: 'ms',
      floor: floors.length ? summarise(floors) : undefined,
      floorLabel: r.floorLabel,
      target: r.target,
      taskTarget: r.taskTarget,
      longTask: summarise(runs.map((m) => m.longestTask)),
      note: [r.note, split].filter(Boolean).join(' ') || undefined,
    });
    this.raw.push({ action: `${r.group}: ${r.what}`, runs, floors });
  }
}

const median = (xs: number[]) => summarise(xs).median;
const f = (n: number) => n.toFixed(n >= 10 ? 0 : 1);

/** "(sent +1.2, bridge 4.0, DOM +6.1 ms)": medians over the runs of the call that brought the answer. */
function breakdown(runs: Measured[], method: string): string {
  const parts = runs
    .map((m) => {
      const call = m.requests.filter((q) => q.method === method && q.end <= m.ms!).at(-1);
      return call && { sent: call.start, bridge: call.end - call.start, dom: m.ms! - call.end };
    })
    .filter((p) => p !== undefined);
  if (!parts.length) return '';
  return `(sent +${f(median(parts.map((p) => p.sent)))}, bridge ${f(median(parts.map((p) => p.bridge)))}, DOM +${f(median(parts.map((p) => p.dom)))} ms)`;
}
