// What the UI bench does on the Activity page, as an admin would: open it from the Admin Panel, then change a
// filter (kinds, the date preset, a person picked by type-ahead) and back. As for People, the expected entries are
// fetched first through the same bridge (the floor) and the probe waits for exactly those on screen.
import type { ListActivityInput } from '../../common/activity.ts';

type Filter = Omit<ListActivityInput, 'pageSize' | 'page'>;
import type { Measured } from './ui-probe.ts';
import type { UiSession } from './ui-session.ts';

/** Issue 11: opening Activity and changing a filter, on screen, in ms. */
const TARGET = { screen: 100, task: 50 } as const;
const ROW = { group: 'activity', target: TARGET.screen, taskTarget: TARGET.task, answeredBy: 'listActivity', floorLabel: '(listActivity)' };
const PAGE = { pageSize: 25 } as const;

/** The entries the page should show for `input`, as the probe reads them (ids in order), and the call's time. */
async function expected(s: UiSession, input: Filter) {
  const { ms, value } = await s.api('listActivity', { ...PAGE, ...input });
  return { floor: ms, ids: value.entries.map((e) => String(e.id)) };
}

async function measureFor(s: UiSession, input: Filter, act: () => Promise<void>, runs: Measured[], floors: number[]) {
  const { floor, ids } = await expected(s, input);
  runs.push(await s.measure({ trigger: 'click', answer: { kind: 'activity', ids } }, act));
  floors.push(floor);
  await s.settled();
}

const tab = (s: UiSession, name: string) => s.page.getByRole('tab', { name, exact: true });
const option = (s: UiSession, name: string | RegExp) => s.page.getByRole('option', { name, exact: typeof name === 'string' });

export async function activity(s: UiSession): Promise<void> {
  // Once unmeasured: the first visit also checks the whole chain (main yields between slices), then keeps the verdict.
  await tab(s, 'Activity').click();
  await s.page.getByTestId('log-verification').filter({ hasNotText: 'Checking' }).waitFor({ timeout: 120_000 });
  await s.settled();

  const open: { runs: Measured[]; floors: number[] } = { runs: [], floors: [] };
  for (let i = 0; i < s.runs; i++) {
    await tab(s, 'People').click();
    await s.page.getByRole('table', { name: 'People' }).locator('tbody tr').first().waitFor();
    await s.settled();
    await measureFor(s, {}, () => tab(s, 'Activity').click(), open.runs, open.floors);
  }
  s.record({ ...ROW, what: 'open Activity from the Admin Panel' }, open.runs, open.floors);

  // Kinds: Roles on, then off again (the listbox stays open between clicks: a multi-select).
  const kinds: { runs: Measured[]; floors: number[] } = { runs: [], floors: [] };
  await s.page.getByRole('combobox', { name: 'Kinds of action' }).click();
  await s.settled();
  for (let i = 0; i < s.runs; i++) {
    const on = i % 2 === 0;
    await measureFor(s, on ? { kinds: ['roles'] } : {}, () => option(s, 'Roles').click(), kinds.runs, kinds.floors);
  }
  await s.page.keyboard.press('Escape');
  await s.settled();
  if (s.runs % 2 === 1) {
    // Leave no kind chosen for what follows.
    await s.page.getByRole('combobox', { name: 'Kinds of action' }).click();
    await option(s, 'Roles').click();
    await s.page.keyboard.press('Escape');
    await s.settled();
  }
  s.record({ ...ROW, what: 'change a filter: a kind on / off' }, kinds.runs, kinds.floors);

  // The date preset: the last 30 days (counted in the page's local days, as date-range.ts does) and any time.
  const thirtyDays = await s.page.evaluate(() => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() - 29).getTime();
  });
  const when: { runs: Measured[]; floors: number[] } = { runs: [], floors: [] };
  for (let i = 0; i < s.runs; i++) {
    const recent = i % 2 === 0;
    await s.page.getByRole('combobox', { name: 'When' }).click();
    await s.settled();
    await measureFor(s, recent ? { from: thirtyDays } : {}, () => option(s, recent ? 'Last 30 days' : 'Any time').click(), when.runs, when.floors);
  }
  if (s.runs % 2 === 1) {
    await s.page.getByRole('combobox', { name: 'When' }).click();
    await option(s, 'Any time').click();
    await s.settled();
  }
  s.record({ ...ROW, what: 'change a filter: date preset' }, when.runs, when.floors);

  // A person by type-ahead (not timed: the People search's own figures are above), then the pick, timed.
  const person: { runs: Measured[]; floors: number[] } = { runs: [], floors: [] };
  const box = s.page.getByRole('combobox', { name: 'Person (acting or concerned)' });
  for (let i = 0; i < s.runs; i++) {
    await box.fill('bench.admin@roster');
    await option(s, /^Bench Admin — bench\.admin@roster\.test$/).waitFor();
    await s.settled();
    await measureFor(s, { personId: 1 }, () => option(s, /^Bench Admin — bench\.admin@roster\.test$/).click(), person.runs, person.floors);
    await box.click();
    await s.page.getByRole('button', { name: 'Clear' }).click();
    await s.page.getByTestId('activity-count').filter({ hasNotText: 'Counting' }).waitFor();
    await s.settled();
  }
  s.record({ ...ROW, what: 'change a filter: pick a person' }, person.runs, person.floors);
}
