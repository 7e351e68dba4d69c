// The UI bench's eyes inside the page. Each function here is sent to the page whole (Playwright serialises it),
// so none may use anything from outside its own body. Times are the page's own clock (performance.now(), which
// input events' timeStamp shares): from the input event that triggered an action to the first DOM mutation
// after which the page shows the expected answer, seen by a MutationObserver, so Playwright's polling and its
// round trips are never part of a figure.

/** What the DOM must show for an action to count as answered. */
export type Answer =
  /** The People table's body rows, by email, exactly these in this order. */
  | { kind: 'rows'; emails: string[] }
  /** An open menu listing exactly these items. */
  | { kind: 'menu'; items: string[] }
  /** A dialog with this accessible name. */
  | { kind: 'dialog'; name: string }
  /** The row of this email shows this role, settled (not waiting for main). */
  | { kind: 'role'; email: string; role: string }
  /** The Activity table's body rows, by entry id, exactly these in this order. */
  | { kind: 'activity'; ids: string[] };

export interface Arm {
  /** The input event that starts the clock; the last one before the answer counts (typing sends several). */
  trigger: 'click' | 'input';
  answer: Answer;
  /** Also record every change of the rows shown (for typing: which prefix's rows were on screen, in order). */
  trace?: boolean;
}

export interface BridgeCall {
  method: string;
  /** ms from the trigger until the bridge call started, and until its answer was read. */
  start: number;
  end: number;
}

export interface Measured {
  /** ms from the trigger to the DOM showing the answer; null when it never did. */
  ms: number | null;
  /** The longest main-thread task (> 50 ms: the Long Tasks API's threshold) from the trigger until settled; 0 if none. */
  longestTask: number;
  requests: BridgeCall[];
  trace: { at: number; emails: string[] }[];
  /** What the table showed when the answer never came (for the error message). */
  seen?: string;
}

interface ProbeState {
  arm: Arm;
  triggers: number[];
  done: number | null;
  trace: { at: number; emails: string[] }[];
  observer: MutationObserver;
  listener: (e: Event) => void;
}

export interface Probe {
  arm(arm: Arm): void;
  collect(timeoutMs: number): Promise<Measured>;
  api(method: string, input: unknown): Promise<{ ms: number; value: unknown }>;
  rowEmails(): string[] | null;
  settled(): Promise<void>;
}

/** Installs window.__uiBench: long-task and bridge-request recording, and arm/collect around one action. */
export function installProbe(): void {
  const w = window as unknown as { __uiBench?: Probe; roster: Record<string, (i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>> };
  if (w.__uiBench) return;

  const longTasks: { start: number; end: number }[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });

  // Every bridge call goes through fetch (preload/web.ts); wrapping it tells which calls ran when, and when none
  // is in flight. Its cost is two performance.now() calls and a counter.
  const requests: { method: string; start: number; end: number }[] = [];
  let inFlight = 0;
  const plainFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = String(input instanceof Request ? input.url : input).replace(/^.*\/api\//, '');
    const start = performance.now();
    inFlight++;
    try {
      const res = await plainFetch(input, init);
      const body = await res.text();
      requests.push({ method, start, end: performance.now() });
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    } finally {
      inFlight--;
    }
  };

  const rowEmails = (): string[] | null => {
    const body = document.querySelector<HTMLTableSectionElement>('table[aria-label="People"] > tbody');
    return body ? Array.from(body.rows, (r) => r.cells[2]?.textContent ?? '') : null;
  };
  const activityIds = (): string[] | null => {
    const body = document.querySelector<HTMLTableSectionElement>('table[aria-label="Activity"] > tbody');
    return body ? Array.from(body.rows, (r) => r.dataset.entry ?? '') : null;
  };
  const sameList = (a: string[] | null, b: string[]) => !!a && a.length === b.length && a.every((x, i) => x === b[i]);
  const nameOf = (el: Element): string => {
    const ids = el.getAttribute('aria-labelledby');
    if (ids) return ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    return el.getAttribute('aria-label') ?? '';
  };
  const shows = (answer: Answer): boolean => {
    switch (answer.kind) {
      case 'rows':
        return sameList(rowEmails(), answer.emails);
      case 'menu': {
        const menu = document.querySelector('[role="menu"]');
        return !!menu && sameList(Array.from(menu.querySelectorAll('[role="menuitem"]'), (m) => m.textContent), answer.items);
      }
      case 'activity':
        return sameList(activityIds(), answer.ids);
      case 'dialog':
        return Array.from(document.querySelectorAll('[role="dialog"]')).some((d) => nameOf(d) === answer.name);
      case 'role': {
        const body = document.querySelector<HTMLTableSectionElement>('table[aria-label="People"] > tbody');
        const row = body && Array.from(body.rows).find((r) => r.cells[2]?.textContent === answer.email);
        const role = row?.querySelector('[role="combobox"]');
        return !!role && role.textContent === answer.role && role.getAttribute('aria-disabled') !== 'true';
      }
    }
  };
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

  /** Nothing in flight, no count still pending, two frames drawn: the page has finished answering. */
  async function settled(): Promise<void> {
    for (let quiet = 0; quiet < 3; ) {
      await frame();
      const counting = ['people-count', 'activity-count'].some((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent === 'Counting…');
      quiet = inFlight === 0 && !counting ? quiet + 1 : 0;
    }
    await sleep(30); // long-task entries are delivered in a task of their own
  }

  let state: ProbeState | null = null;
  w.__uiBench = {
    rowEmails,
    settled,
    arm(arm) {
      if (state) throw new Error('armed twice');
      // An answer already on screen could never be timed, and a check that cannot fail proves nothing.
      if (shows(arm.answer)) throw new Error(`the answer (${arm.answer.kind}) is on screen before the action`);
      const s: ProbeState = {
        arm,
        triggers: [],
        done: null,
        trace: [],
        listener: (e) => {
          if (s.done === null) s.triggers.push(e.timeStamp);
        },
        observer: new MutationObserver(() => {
          if (!s.triggers.length || s.done !== null) return;
          if (arm.trace) {
            const emails = rowEmails() ?? [];
            const last = s.trace[s.trace.length - 1];
            if (!last || !sameList(last.emails, emails)) s.trace.push({ at: performance.now(), emails });
          }
          if (shows(arm.answer)) s.done = performance.now();
        }),
      };
      window.addEventListener(arm.trigger, s.listener, { capture: true });
      s.observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      state = s;
    },
    async collect(timeoutMs) {
      const s = state;
      if (!s) throw new Error('not armed');
      const until = performance.now() + timeoutMs;
      while (s.done === null && performance.now() < until) await frame();
      await settled();
      s.observer.disconnect();
      window.removeEventListener(s.arm.trigger, s.listener, { capture: true });
      state = null;
      const end = performance.now();
      const t0 = s.done === null ? (s.triggers[0] ?? end) : Math.max(...s.triggers.filter((t) => t <= s.done!));
      const from = s.triggers[0] ?? t0;
      const longestTask = Math.max(0, ...longTasks.filter((t) => t.end > from && t.start < end).map((t) => t.end - t.start));
      return {
        ms: s.done === null ? null : s.done - t0,
        longestTask,
        requests: requests.filter((r) => r.start >= from - 1).map((r) => ({ method: r.method, start: r.start - t0, end: r.end - t0 })),
        trace: s.trace.map((t) => ({ at: t.at - t0, emails: t.emails })),
        seen: s.done === null ? JSON.stringify(rowEmails()?.slice(0, 3)) : undefined,
      };
    },
    async api(method, input) {
      const start = performance.now();
      const result = await w.roster[method]!(input);
      const ms = performance.now() - start;
      if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
      return { ms, value: result.value };
    },
  };
}
