// What the UI bench does to the People page, as an admin would: page, sort, switch tab, change rows per page,
// search, type, open the row menu and Edit Details, change a role. Before each action the expected answer is
// fetched through the same bridge from the page (that call's time is the floor), and the probe waits for exactly
// that answer on screen, so a wrong or stale screen can never pass.
import type { ListPeopleInput, PeoplePage, Person, Tab } from '../../common/contract.ts';
import type { Arm, Measured } from './ui-probe.ts';
import type { UiSession } from './ui-session.ts';

type SortKey = NonNullable<ListPeopleInput['sort']>;
type Direction = 'asc' | 'desc';
type PageRequest = NonNullable<ListPeopleInput['page']>;
export interface View {
  tab: Tab;
  query: string;
  sort: SortKey;
  direction: Direction;
  pageSize: 25 | 50 | 100;
}

/** The targets of issue 10, in ms. */
export const TARGET = { screen: 50, task: 50, search: 100, open: 50, role: 100 } as const;
const SCREEN = { target: TARGET.screen, taskTarget: TARGET.task, answeredBy: 'listPeople', floorLabel: '(listPeople)' };

export const START_VIEW: View = { tab: 'active', query: '', sort: 'name', direction: 'asc', pageSize: 25 };
const COLUMNS: [SortKey, string][] = [
  ['name', 'Name'],
  ['email', 'Email'],
  ['role', 'Role'],
  ['lastLogin', 'Last login'],
];
const rowsOf = (p: PeoplePage): Arm['answer'] => ({ kind: 'rows', emails: p.rows.map((r) => r.email) });
const fullName = (p: Person) => `${p.firstName} ${p.lastName}`;
/** A person's row, by the email cell (names repeat among a million people; emails do not). */
const row = (s: UiSession, p: Person) =>
  s.page.getByRole('table', { name: 'People' }).getByRole('row').filter({ has: s.page.getByRole('cell', { name: p.email, exact: true }) });

/** The page the app should show for `view`, fetched from the page through the bridge (timed: the floor). */
async function expect(s: UiSession, view: View, page: PageRequest = { kind: 'first' }) {
  return s.api('listPeople', { ...view, page });
}

/** Clicks `button` and measures until the rows of `view`/`page` show; returns the page and the run. */
async function clickForRows(s: UiSession, button: () => Promise<void>, view: View, page?: PageRequest) {
  const { ms, value } = await expect(s, view, page);
  const run = await s.measure({ trigger: 'click', answer: rowsOf(value) }, button);
  await s.settled();
  return { floor: ms, run, value };
}

export async function paging(s: UiSession, view: View): Promise<void> {
  const button = (name: string) => () => s.page.getByRole('button', { name, exact: true }).click();
  let current = (await expect(s, view)).value;
  for (const [what, name, request] of [
    ['next page', 'Next page', (p: PeoplePage): PageRequest => ({ kind: 'after', cursor: p.endCursor!, pageIndex: p.pageIndex })],
    ['previous page', 'Previous page', (p: PeoplePage): PageRequest => ({ kind: 'before', cursor: p.startCursor!, pageIndex: p.pageIndex })],
  ] as const) {
    const runs: Measured[] = [];
    const floors: number[] = [];
    for (let i = 0; i < s.runs; i++) {
      const r = await clickForRows(s, button(name), view, request(current));
      runs.push(r.run);
      floors.push(r.floor);
      current = r.value;
    }
    s.record({ group: 'page', what: what, ...SCREEN }, runs, floors);
  }
  const ends = { last: [] as Measured[], first: [] as Measured[] };
  const endFloors = { last: [] as number[], first: [] as number[] };
  for (let i = 0; i < s.runs; i++) {
    for (const kind of ['last', 'first'] as const) {
      const r = await clickForRows(s, button(kind === 'last' ? 'Last page' : 'First page'), view, { kind });
      ends[kind].push(r.run);
      endFloors[kind].push(r.floor);
    }
  }
  s.record({ group: 'page', what: 'last page', ...SCREEN }, ends.last, endFloors.last);
  s.record({ group: 'page', what: 'first page', ...SCREEN }, ends.first, endFloors.first);
}

/** Each column both ways: a click on a new column sorts it ascending, a click on the sorted one flips it. */
export async function sorting(s: UiSession, view: View): Promise<View> {
  let v = view;
  for (const [key, label] of COLUMNS) {
    const runs = { asc: [] as Measured[], desc: [] as Measured[] };
    const floors = { asc: [] as number[], desc: [] as number[] };
    while (runs.asc.length < s.runs || runs.desc.length < s.runs) {
      v = { ...v, sort: key, direction: v.sort === key && v.direction === 'asc' ? 'desc' : 'asc' };
      const r = await clickForRows(s, () => s.page.getByRole('button', { name: label, exact: true }).click(), v);
      runs[v.direction].push(r.run);
      floors[v.direction].push(r.floor);
    }
    for (const d of ['asc', 'desc'] as const) s.record({ group: 'sort', what: `${label} ${d === 'asc' ? 'ascending' : 'descending'}`, ...SCREEN }, runs[d], floors[d]);
  }
  // Back to the default order for what follows (not timed).
  while (v.sort !== 'name' || v.direction !== 'asc') {
    v = { ...v, sort: 'name', direction: v.sort === 'name' && v.direction === 'asc' ? 'desc' : 'asc' };
    await clickForRows(s, () => s.page.getByRole('button', { name: 'Name', exact: true }).click(), v);
  }
  return v;
}

export async function tabs(s: UiSession, view: View): Promise<void> {
  const runs: Measured[] = [];
  const floors: number[] = [];
  for (let i = 0; i < s.runs; i++) {
    for (const tab of ['deactivated', 'active'] as const) {
      const name = tab === 'active' ? /^Active/ : /^Deactivated/;
      const r = await clickForRows(s, () => s.page.getByRole('tab', { name }).click(), { ...view, tab });
      runs.push(r.run);
      floors.push(r.floor);
    }
  }
  s.record({ group: 'tab', what: 'switch Active ↔ Deactivated', ...SCREEN }, runs, floors);
}

export async function rowsPerPage(s: UiSession, view: View): Promise<void> {
  const runs: Measured[] = [];
  const floors: number[] = [];
  while (runs.length < s.runs) {
    for (const size of [50, 100, 25] as const) {
      // Opening the list is not timed; choosing the size is.
      await s.page.getByRole('combobox', { name: 'Rows per page' }).click();
      await s.settled();
      const r = await clickForRows(s, () => s.page.getByRole('option', { name: String(size), exact: true }).click(), { ...view, pageSize: size });
      runs.push(r.run);
      floors.push(r.floor);
    }
  }
  s.record({ group: 'rows per page', what: '25 → 50 → 100 → 25', ...SCREEN }, runs, floors);
}

const searchBox = (s: UiSession) => s.page.getByLabel('Search people');

/** Empties the search box and waits for the unfiltered rows. */
async function clearSearch(s: UiSession, view: View): Promise<void> {
  const { value } = await expect(s, { ...view, query: '' });
  if ((await searchBox(s).inputValue()) !== '') await searchBox(s).fill('');
  const want = value.rows.map((r) => r.email);
  await s.page.waitForFunction((emails) => {
    const body = document.querySelector<HTMLTableSectionElement>('table[aria-label="People"] > tbody');
    return !!body && body.rows.length === emails.length && Array.from(body.rows).every((r, i) => r.cells[2]?.textContent === emails[i]);
  }, want);
  await s.settled();
}

/** Common letters to try, in order, when a one-letter term leaves the first page as it was (nothing to time). */
const COMMON_LETTERS = ['o', 'i', 'n', 'r', 'a', 't', 'l'];

/** One input event puts the whole term in the empty box (a keystroke for one character, a paste for more). */
export async function search(s: UiSession, view: View, label: string, given: string, withTarget: boolean): Promise<void> {
  const unfiltered = JSON.stringify((await expect(s, view)).value.rows.map((r) => r.email));
  const changesRows = async (t: string) => JSON.stringify((await expect(s, { ...view, query: t })).value.rows.map((r) => r.email)) !== unfiltered;
  let term = given;
  if (!(await changesRows(term))) {
    const letter = given.length === 1 ? await firstOf(COMMON_LETTERS, changesRows) : undefined;
    if (!letter) throw new Error(`"${given}" shows the same first page as an empty search: nothing to time`);
    term = letter;
  }
  const runs: Measured[] = [];
  const floors: number[] = [];
  for (let i = 0; i < s.runs; i++) {
    await clearSearch(s, view);
    const { ms, value } = await expect(s, { ...view, query: term });
    const act = term.length === 1 ? () => s.page.keyboard.press(term) : () => searchBox(s).fill(term);
    if (term.length === 1) await searchBox(s).focus();
    runs.push(await s.measure({ trigger: 'input', answer: rowsOf(value) }, act));
    floors.push(ms);
    await s.settled();
  }
  const notes = [
    term !== given && `("${given}" leaves the first page as it was)`,
    !withTarget && '(no UI target: the server walk alone is over 100 ms)',
  ];
  s.record(
    {
      group: `search ${label}`,
      what: `"${term}" → only matching rows`,
      target: withTarget ? TARGET.search : undefined,
      answeredBy: 'listPeople',
      floorLabel: '(listPeople)',
      note: notes.filter(Boolean).join(' ') || undefined,
    },
    runs,
    floors,
  );
  await clearSearch(s, view);
}

async function firstOf<T>(xs: T[], ok: (x: T) => Promise<boolean>): Promise<T | undefined> {
  for (const x of xs) if (await ok(x)) return x;
  return undefined;
}

/**
 * Types `word` one key at a time, `delayMs` apart. Times the keystroke after which the word's rows first showed
 * (the last key when it narrows the rows; an earlier one when the last keys no longer change them), and checks
 * from the trace of every table change that the rows of a shorter prefix never came back after a longer one's.
 */
export async function typing(s: UiSession, view: View, word: string, delayMs: number): Promise<void> {
  const prefixes = Array.from({ length: word.length + 1 }, (_, i) => word.slice(0, i));
  const runs: Measured[] = [];
  const floors: number[] = [];
  let older = 0;
  for (let i = 0; i < s.runs; i++) {
    await clearSearch(s, view);
    // The rows each prefix answers with: which prefix's rows a screen shows (several may share the same rows).
    const answers: string[] = [];
    for (const p of prefixes) {
      const r = await expect(s, { ...view, query: p });
      answers.push(JSON.stringify(r.value.rows.map((x) => x.email)));
      if (p === word) floors.push(r.ms);
    }
    await searchBox(s).focus();
    const run = await s.measure({ trigger: 'input', answer: { kind: 'rows', emails: JSON.parse(answers.at(-1)!) as string[] }, trace: true }, () =>
      searchBox(s).pressSequentially(word, { delay: delayMs }),
    );
    let newest = 0;
    for (const t of run.trace) {
      const shown = JSON.stringify(t.emails);
      const which = answers.flatMap((a, k) => (a === shown ? [k] : []));
      if (which.length === 0) continue; // an in-between DOM state (rows being replaced), not an answer
      if (Math.max(...which) < newest) older++;
      newest = Math.max(newest, Math.min(...which));
    }
    runs.push(run);
    await s.settled();
  }
  s.record(
    { group: 'search typing', what: `"${word}" typed at ${delayMs} ms a key: keystroke → its rows`, target: TARGET.search, answeredBy: 'listPeople', floorLabel: '(listPeople)' },
    runs,
    floors,
  );
  s.rows.push({
    group: 'search typing',
    what: `rows of an older prefix shown after a newer one's (${s.runs} words)`,
    value: { median: older, min: older, max: older, runs: s.runs },
    unit: 'times',
    target: 0,
  });
  await clearSearch(s, view);
}

const ACTIVE_MENU = ['Edit Details', 'Reset Password', 'Sign out everywhere', 'View activity', 'Remove']; // an active person's menu (person-actions-menu.tsx)

/** Active people of the current first page who are not the bench admin, to open menus and change roles on. */
async function plainPeople(s: UiSession, view: View): Promise<Person[]> {
  const page = (await expect(s, view)).value;
  return page.rows.filter((p) => p.status === 'active' && p.role === 'user');
}

export async function rowMenu(s: UiSession, view: View): Promise<void> {
  const people = await plainPeople(s, view);
  const menuButton = (p: Person) => row(s, p).getByRole('button', { name: `Actions for ${fullName(p)}`, exact: true });
  const menus: Measured[] = [];
  const dialogs: Measured[] = [];
  for (let i = 0; i < s.runs; i++) {
    const p = people[i % people.length]!;
    menus.push(await s.measure({ trigger: 'click', answer: { kind: 'menu', items: ACTIVE_MENU } }, () => menuButton(p).click()));
    await s.settled();
    await s.page.keyboard.press('Escape');
    await s.page.getByRole('menu').waitFor({ state: 'detached' });
    await s.settled();

    await menuButton(p).click();
    await s.settled();
    dialogs.push(await s.measure({ trigger: 'click', answer: { kind: 'dialog', name: 'Edit details' } }, () => s.page.getByRole('menuitem', { name: 'Edit Details' }).click()));
    await s.settled();
    await s.page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await s.page.getByRole('dialog').waitFor({ state: 'detached' });
    await s.settled();
  }
  s.record({ group: 'row', what: 'open the row menu', target: TARGET.open }, menus);
  s.record({ group: 'row', what: 'open Edit Details from it', target: TARGET.open }, dialogs);
}

/** Makes a person Admin and back, from the row's Role dropdown; the row must show the role main confirmed. */
export async function roleChange(s: UiSession, view: View): Promise<void> {
  const people = await plainPeople(s, view);
  const runs: Measured[] = [];
  for (let i = 0; runs.length < s.runs; i++) {
    const p = people[Math.floor(i / 2) % people.length]!;
    const to = i % 2 === 0 ? 'Admin' : 'User';
    await row(s, p).getByRole('combobox', { name: `Role for ${fullName(p)}`, exact: true }).click();
    await s.settled();
    runs.push(await s.measure({ trigger: 'click', answer: { kind: 'role', email: p.email, role: to } }, () => s.page.getByRole('option', { name: to, exact: true }).click()));
    await s.settled();
  }
  s.record({ group: 'row', what: 'change a role: on the row, confirmed', target: TARGET.role, answeredBy: 'setRole', note: '(floor: none; bridge = setRole)' }, runs);
}
