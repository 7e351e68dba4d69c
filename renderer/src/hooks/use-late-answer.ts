// A list's "loading" flag that turns on only when an answer is late: a quick answer should not flash a bar, and
// asking re-draws nothing.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';

/** How long an answer may take before a list says it is loading. */
export const LOADING_SHOWN_AFTER_MS = 250;

export interface LateAnswer {
  /** Asked more than LOADING_SHOWN_AFTER_MS ago and not answered yet. */
  loading: boolean;
  asked: () => void;
  answered: () => void;
}

export function useLateAnswer(): LateAnswer {
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Stable for the life of the list: the loaders' callbacks and the actions keep the first pair they are given.
  const [marks] = useState(() => ({
    asked: () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setLoading(true), LOADING_SHOWN_AFTER_MS);
    },
    answered: () => {
      clearTimeout(timer.current);
      setLoading(false);
    },
  }));
  useEffect(() => () => clearTimeout(timer.current), []);
  return { loading, ...marks };
}

/**
 * A cursor from before a change (a person removed, an entry pruned) may point nowhere now: the server refuses the
 * page, and the list starts its view again from the first page instead of showing an error.
 */
export const isStaleCursor = (err: unknown, page: { kind: string }): boolean =>
  err instanceof ApiError && err.code === 'VALIDATION' && err.field === 'page' && page.kind !== 'first';
