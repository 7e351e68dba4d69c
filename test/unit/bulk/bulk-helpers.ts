// What the bulk tests share: selections as the renderer sends them, and the audit entries of one action.
import type { MethodInput } from '../../../common/contract.ts';
import type { TestRoster } from '../harness.ts';

export type Selection = MethodInput<'runBulk'>['selection'];

/** Rows ticked one by one. */
export const ids = (...people: { id: number }[]): Selection => ({ kind: 'ids', ids: people.map((p) => p.id) });

/** The entries of one action: whom each concerned, and its details parsed. */
export const entries = (t: TestRoster, action: string) =>
  t.roster.db
    .prepare<[string], { target_id: number | null; details: string }>('SELECT target_id, details FROM audit_log WHERE action = ? ORDER BY id')
    .all(action)
    .map((e) => ({ target_id: e.target_id, details: JSON.parse(e.details) as Record<string, unknown> }));
