// The People page's selection as React state: ticking rows or a page, "Select all matching", and letting go of it
// all when the tab, the search or the filter changes (a new set of people). A tick past a cap is refused with a message.
import { useEffect, useRef, useState } from 'react';
import type { Person } from '../../../common/contract.ts';
import { filterKey } from '../../../common/people-filter.ts';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import type { View } from '../people-loader.ts';
import { NO_SELECTION, selectAllMatching, SelectionFull, setTicked, type PeopleSelection } from './selection.ts';

export interface SelectionActions {
  tick: (people: readonly Person[], on: boolean) => void;
  selectAll: (view: View, total: number) => void;
  clear: () => void;
}

export function usePeopleSelection(view: View): { selection: PeopleSelection; actions: SelectionActions } {
  const notify = useSnackbar();
  // The selection is kept with the tab, search and filter it was made in; under another, it is no selection at all.
  const key = `${view.tab}\u0000${view.query}\u0000${filterKey(view.filter)}`;
  const [held, setHeld] = useState<{ key: string; selection: PeopleSelection }>({ key, selection: NO_SELECTION });
  // Ticks read the latest selection and view without waiting for a render (two quick clicks must both count).
  const latest = useRef(held);
  const viewKey = useRef(key);
  useEffect(() => {
    viewKey.current = key;
  }, [key]);
  const [actions] = useState<SelectionActions>(() => {
    const current = () => (latest.current.key === viewKey.current ? latest.current.selection : NO_SELECTION);
    const set = (selection: PeopleSelection) => {
      latest.current = { key: viewKey.current, selection };
      setHeld(latest.current);
    };
    return {
      tick: (people, on) => {
        try {
          set(setTicked(current(), people, on));
        } catch (err) {
          if (err instanceof SelectionFull) notify(err.message, 'error');
          else throw err;
        }
      },
      selectAll: (v, total) => set(selectAllMatching(v, total)),
      clear: () => set(NO_SELECTION),
    };
  });
  return { selection: held.key === key ? held.selection : NO_SELECTION, actions };
}
