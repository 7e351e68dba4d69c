// Which people a bulk selection holds, as SQL over users: the ids ticked one by one, or everyone the view matches
// (tab, search and filter, by the list's own WHERE, people-where.ts) but the ones unticked. Resolved where the action
// runs, at the moment it runs (`now` judges the filter), so it acts on what the view matches then, and says how many.
import type { z } from 'zod';
import type { peopleSelectionInput } from '../../../common/contract.ts';
import { viewWhere, type PeopleWhere } from '../db/people-where.ts';

export type Selection = z.output<typeof peopleSelectionInput>;

export function selectionSql(selection: Selection, now: number): PeopleWhere {
  if (selection.kind === 'ids') return { sql: 'id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(selection.ids)] };
  const where = viewWhere(selection.view, now);
  if (selection.except.length === 0) return where;
  return { sql: `${where.sql} AND id NOT IN (SELECT value FROM json_each(?))`, params: [...where.params, JSON.stringify(selection.except)] };
}
