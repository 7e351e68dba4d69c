// Role changes made from the People rows. The chosen role shows at once (waiting, greyed) and main's answer
// replaces it as soon as it comes back, without waiting for the list to be fetched again. Each change is sent
// with the role the row showed, so a change made elsewhere meanwhile is refused rather than overwritten.
import { useCallback, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Person, Role } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { fullName } from '../format.ts';

export interface RoleShown {
  role: Role;
  /** On its way to main. */
  pending: boolean;
}

/**
 * Keyed by the row's Person object: a freshly fetched list brings new objects, whose role is main's, so what was
 * shown here simply stops applying once the list is fetched again.
 */
export type RoleChanges = ReadonlyMap<Person, RoleShown>;

export function useRoleChanges(onChanged: () => void) {
  const notify = useSnackbar();
  const [changes, setChanges] = useState<RoleChanges>(new Map());
  const set = (person: Person, shown: RoleShown | null) =>
    setChanges((m) => {
      const next = new Map(m);
      if (shown) next.set(person, shown);
      else next.delete(person);
      return next;
    });

  const change = useCallback(
    async (person: Person, role: Role, expectedRole: Role) => {
      const name = fullName(person);
      set(person, { role, pending: true });
      // The row shows main's answer at once, drawn on its own; the message and the fresh list follow.
      try {
        const updated = await call('setRole', { id: person.id, role, expectedRole });
        flushSync(() => set(person, { role: updated.role, pending: false }));
        notify(`${name} is now ${updated.role === 'admin' ? 'an Admin' : 'a User'}.`);
      } catch (err) {
        flushSync(() => set(person, null));
        notify((err as Error).message, 'error');
      }
      onChanged();
    },
    [notify, onChanged],
  );
  return { changes, change };
}
