// The three-dots menu on a People row: what can be done to this person, by status.
import MoreVertIcon from '@mui/icons-material/MoreVert';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import type { Person } from '../../../common/contract.ts';
import { fullName } from '../format.ts';

export type PersonAction = 'edit' | 'reset' | 'deactivate' | 'reactivate' | 'resendInvite' | 'revokeInvite' | 'viewActivity';

const LABELS: Record<PersonAction, string> = {
  edit: 'Edit Details',
  reset: 'Reset Password',
  deactivate: 'Remove',
  reactivate: 'Reactivate',
  resendInvite: 'Resend invite',
  revokeInvite: 'Revoke invite',
  viewActivity: 'View activity',
};

export function actionsFor(person: Person): PersonAction[] {
  if (person.status === 'deactivated') return ['reactivate', 'viewActivity'];
  if (person.status === 'invited') return ['edit', 'reset', 'resendInvite', 'revokeInvite', 'viewActivity', 'deactivate'];
  return ['edit', 'reset', 'viewActivity', 'deactivate'];
}

export function PersonActionsMenu({ person, onAction }: { person: Person; onAction: (action: PersonAction, person: Person) => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = `actions-menu-${person.id}`;
  return (
    <>
      <IconButton
        aria-label={`Actions for ${fullName(person)}`}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(e) => setAnchor(e.currentTarget)}
        size="small"
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={!!anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        {actionsFor(person).map((action) => (
          <MenuItem
            key={action}
            onClick={() => {
              setAnchor(null);
              onAction(action, person);
            }}
            sx={action === 'deactivate' || action === 'revokeInvite' ? { color: 'error.main' } : undefined}
          >
            {LABELS[action]}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
