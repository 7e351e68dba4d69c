// The three-dots menu of the People rows: what can be done to a person, by status. One menu serves every row.
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { memo } from 'react';
import type { Person } from '../../../common/contract.ts';
import { isLocked } from '../format.ts';
import { useLastOpened } from '../hooks/use-last-opened.ts';
import { PAGE_MENU_PROPS } from './menu-options.ts';
import { MENU_IDS } from './person-row.tsx';

export type PersonAction = 'edit' | 'reset' | 'deactivate' | 'reactivate' | 'resendInvite' | 'revokeInvite' | 'viewActivity' | 'unlock' | 'signOutEverywhere';

const LABELS: Record<PersonAction, string> = {
  edit: 'Edit Details',
  reset: 'Reset Password',
  deactivate: 'Remove',
  reactivate: 'Reactivate',
  resendInvite: 'Resend invite',
  revokeInvite: 'Revoke invite',
  viewActivity: 'View activity',
  unlock: 'Unlock',
  signOutEverywhere: 'Sign out everywhere',
};

export function actionsFor(person: Person, now = Date.now()): PersonAction[] {
  const unlock: PersonAction[] = isLocked(person, now) ? ['unlock'] : [];
  if (person.status === 'deactivated') return ['reactivate', 'viewActivity'];
  if (person.status === 'invited') return [...unlock, 'edit', 'reset', 'resendInvite', 'revokeInvite', 'viewActivity', 'deactivate'];
  return [...unlock, 'edit', 'reset', 'signOutEverywhere', 'viewActivity', 'deactivate'];
}

interface Props {
  /** The row it is open for, or null when closed. */
  open: { person: Person; anchor: HTMLElement } | null;
  onClose: () => void;
  onAction: (action: PersonAction, person: Person) => void;
}

export const PersonActionsMenu = memo(function PersonActionsMenu({ open, onClose, onAction }: Props) {
  const shown = useLastOpened(open);
  return (
    <Menu
      id={MENU_IDS.actions}
      anchorEl={shown?.anchor ?? null}
      open={!!open}
      onClose={onClose}
      {...PAGE_MENU_PROPS}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      transformOrigin={{ vertical: 'top', horizontal: 'right' }}
    >
      {shown &&
        actionsFor(shown.person).map((action) => (
          <MenuItem
            key={action}
            onClick={() => {
              onClose();
              onAction(action, shown.person);
            }}
            sx={action === 'deactivate' || action === 'revokeInvite' || action === 'signOutEverywhere' ? { color: 'error.main' } : undefined}
          >
            {LABELS[action]}
          </MenuItem>
        ))}
    </Menu>
  );
});
