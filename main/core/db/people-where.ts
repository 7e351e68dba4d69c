// Which people a view of the People list holds, as ONE SQL condition: the list's pages, its counts and the bulk
// actions' "all matching" all build their WHERE here, so a person is acted on exactly when the list would show them.
import type { Tab } from '../../../common/contract.ts';
import { LIKE_FILTER, likePattern } from './people-search.ts';

export type WhereValue = string | number;

export interface PeopleWhere {
  /** A condition on the users table (no leading AND), its placeholders filled by `params` in order. */
  sql: string;
  params: WhereValue[];
}

export const tabValue = (tab: Tab) => (tab === 'active' ? 1 : 0);

/** The tab, and a search's LIKE pattern when there is one (already escaped: see likePattern). */
export function peopleWhere(tab: Tab, pattern: string | null): PeopleWhere {
  if (!pattern) return { sql: 'is_active = ?', params: [tabValue(tab)] };
  return { sql: `is_active = ? AND ${LIKE_FILTER}`, params: [tabValue(tab), pattern, pattern, pattern] };
}

/** The condition for a view as the renderer describes it (tab and the search as typed). */
export function viewWhere(view: { tab: Tab; query: string }): PeopleWhere {
  return peopleWhere(view.tab, view.query ? likePattern(view.query) : null);
}
