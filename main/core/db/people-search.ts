// How a People search finds its rows: by walking the sort index with LIKE, or from the trigram index. The LIKE
// filter is always applied last, so every strategy returns exactly what the plain LIKE query would. A People
// filter with few people goes before all of that: its own index leads to them, and they are few enough to sort.
import type { Db } from './open-database.ts';
import type { FilterSql } from './people-where.ts';

// Costs measured at 1M people: a walk reads ~6 index entries per microsecond (LIKE included); the search index
// costs ~2-5 µs per candidate (a row lookup each, then a sort). The limits below follow from those numbers.
export interface SearchLimits {
  /** Below this many trigram candidates the search index is cheaper than walking the sort index. */
  ftsCandidates: number;
  /** How many index entries a walk may read for a common term before trying the search index. */
  walkBudget: number;
  /** A term the budgeted walk did not settle goes to the search index below this many candidates, else walks on. */
  ftsFallback: number;
  /** Below this many candidates a search total is counted from the search index rather than a scan. */
  ftsCount: number;
  /**
   * Below this many people in a filter, its rows are sorted from its own covering index (~0.3 µs each at 1M);
   * above, a walk of the sort index tests each entry (a table read each, ~3 µs, but a dense filter fills a page fast).
   */
  filterCandidates: number;
}

export const SEARCH_LIMITS: SearchLimits = { ftsCandidates: 6_000, walkBudget: 20_000, ftsFallback: 30_000, ftsCount: 100_000, filterCandidates: 20_000 };

export type SearchPlan =
  /** No search: the whole tab. */
  | { kind: 'all' }
  /** Scan the sort index in order, testing LIKE on each entry (the indexes carry names and email). */
  | { kind: 'walk'; pattern: string }
  /** Walk at most walkBudget entries; if that does not settle the page, the cheaper of the two goes on. */
  | { kind: 'walkFirst'; pattern: string; match: string; limits: SearchLimits }
  /** Candidates from the trigram index, re-checked with LIKE and sorted. */
  | { kind: 'fts'; pattern: string; match: string }
  /** The few people of a filter, from the filter's own index, re-checked with LIKE when searching, and sorted. */
  | { kind: 'filtered'; pattern: string | null };


/** Escapes LIKE wildcards so a search for "50%" or "a_b" means those characters. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const LIKE_FILTER = `(first_name LIKE ? ESCAPE '\\' OR last_name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')`;

const quoted = (gram: string) => `"${gram.replaceAll('"', '""')}"`;
/** A long term is looked up by its rarest few trigrams: ANDing common ones ("est" of ".test") only costs. */
const GRAMS_USED = 3;
const GRAMS_PROBED = 16;
const PROBE_LIMIT = 1_000;

/**
 * An FTS5 query that every row containing `term` matches: trigrams of it, all required (detail=none has no
 * positions, so this is a superset that LIKE narrows). With `db`, a long term keeps only its rarest trigrams,
 * found by bounded counts. Null when the term is shorter than a trigram.
 */
export function trigramMatch(term: string, db?: Db): string | null {
  const chars = Array.from(term);
  if (chars.length < 3) return null;
  const distinct = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) distinct.add(chars.slice(i, i + 3).join(''));
  let grams = [...distinct];
  if (db && grams.length > GRAMS_USED) {
    const step = Math.max(1, grams.length / GRAMS_PROBED);
    const probed = Array.from({ length: Math.min(grams.length, GRAMS_PROBED) }, (_, i) => grams[Math.floor(i * step)] ?? '');
    const rarity = new Map(probed.map((g) => [g, countCandidates(db, quoted(g), PROBE_LIMIT)]));
    grams = probed.sort((x, y) => (rarity.get(x) ?? 0) - (rarity.get(y) ?? 0)).slice(0, GRAMS_USED);
  }
  return grams.map(quoted).join(' AND ');
}

/** Counts search-index candidates, stopping at `limit`: cheap for rare terms, bounded for common ones. */
export function countCandidates(db: Db, match: string, limit: number): number {
  return db
    .prepare('SELECT COUNT(*) FROM (SELECT rowid FROM users_fts WHERE users_fts MATCH ? LIMIT ?)')
    .pluck()
    .get(match, limit) as number;
}

/**
 * How many people of a tab the filter reaches through its own index, stopping at `limit`. Below the limit, reading
 * them all and sorting is cheaper than walking the sort index in order and testing each row.
 */
export function countFiltered(db: Db, isActive: number, filter: FilterSql, limit: number): number {
  return db
    .prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM ${filter.source} WHERE is_active = ? AND ${filter.sql} LIMIT ?)`)
    .pluck()
    .get(isActive, ...filter.params, limit) as number;
}

/** Picks how to find a list's rows: a filter with few people first, otherwise by the search alone. */
export function planList(db: Db, isActive: number, query: string, filter: FilterSql | undefined, limits = SEARCH_LIMITS): SearchPlan {
  if (filter && countFiltered(db, isActive, filter, limits.filterCandidates) < limits.filterCandidates) {
    return { kind: 'filtered', pattern: query ? likePattern(query) : null };
  }
  return planSearch(db, query, limits);
}

/** Picks how to find a search's rows from how many rows could match. */
export function planSearch(db: Db, query: string, limits = SEARCH_LIMITS): SearchPlan {
  if (!query) return { kind: 'all' };
  const pattern = likePattern(query);
  const match = trigramMatch(query, db);
  if (!match) return { kind: 'walk', pattern };
  const candidates = countCandidates(db, match, limits.ftsCandidates);
  return candidates < limits.ftsCandidates ? { kind: 'fts', pattern, match } : { kind: 'walkFirst', pattern, match, limits };
}
