// The Role list of the People rows (User, Admin): one listbox for the whole table, opened from a row's dropdown.
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { memo } from 'react';
import type { Person, Role } from '../../../common/contract.ts';
import { fullName, roleLabel } from '../format.ts';
import { useLastOpened } from '../hooks/use-last-opened.ts';
import { PAGE_MENU_PROPS } from './menu-options.ts';
import { MENU_IDS } from './person-row.tsx';

const ROLES: Role[] = ['user', 'admin'];

interface Props {
  /** The row it is open for and the role that row shows, or null when closed. */
  open: { person: Person; role: Role; anchor: HTMLElement } | null;
  onClose: () => void;
  onChoose: (person: Person, role: Role) => void;
}

export const RoleMenu = memo(function RoleMenu({ open, onClose, onChoose }: Props) {
  const shown = useLastOpened(open);
  return (
    <Menu
      anchorEl={shown?.anchor ?? null}
      open={!!open}
      onClose={onClose}
      {...PAGE_MENU_PROPS}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      transformOrigin={{ vertical: 'top', horizontal: 'center' }}
      slotProps={{
        list: { id: MENU_IDS.role, role: 'listbox', 'aria-label': shown ? `Role for ${fullName(shown.person)}` : undefined, disableListWrap: true },
        paper: { style: { minWidth: shown?.anchor.clientWidth } },
      }}
    >
      {ROLES.map((role) => (
        <MenuItem
          key={role}
          // No ripple on a click (the keyboard focus ripple stays): drawing it delayed sending the change.
          disableTouchRipple
          role="option"
          aria-selected={shown?.role === role}
          // The chosen role is focused when the list opens, as in MUI's Select.
          selected={shown?.role === role}
          onClick={() => {
            onClose();
            if (shown && role !== shown.role) onChoose(shown.person, role);
          }}
        >
          {roleLabel(role)}
        </MenuItem>
      ))}
    </Menu>
  );
});
