// The search terms both benches time, by kind, picked from the generated data so they mean the same at every size.
import type { Database } from 'better-sqlite3';

export interface SearchTerm {
  label: string;
  term: string;
  /** The server bench's target for the first page, in ms. */
  serverTarget: number;
  /** False for the full-walk term: its server time alone is over the UI's 100 ms, so the UI bench only reports it. */
  uiTarget: boolean;
}

export function searchTerms(db: Database): SearchTerm[] {
  const total = db.prepare('SELECT MAX(id) FROM users').pluck().get() as number;
  const rare = db.prepare('SELECT email FROM users WHERE id >= ? AND is_active = 1 ORDER BY id LIMIT 1').pluck().get(Math.floor(total * 0.37)) as string;
  return [
    { label: 'rare (one email)', term: rare, serverTarget: 10, uiTarget: true },
    { label: 'medium (a surname)', term: 'Kowalski', serverTarget: 10, uiTarget: true },
    { label: 'common (a mail domain)', term: 'example.com', serverTarget: 10, uiTarget: true },
    { label: '1 char, common', term: 'e', serverTarget: 50, uiTarget: true },
    { label: '2 chars, common', term: 'an', serverTarget: 50, uiTarget: true },
    { label: '2 chars, rare (full walk)', term: 'qz', serverTarget: 300, uiTarget: false },
  ];
}
