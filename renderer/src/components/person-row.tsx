// One People row: plain elements styled by the table's one set of rules (people-table-styles.tsx). Its Role dropdown and
// three-dots button only say which person they are for; the table holds the one menu of each kind they open.
import Chip from '@mui/material/Chip';
import type { Theme } from '@mui/material/styles';
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { Person, Role } from '../../../common/contract.ts';
import { formatLastLogin, formatLockLifts, fullName, isLocked, roleLabel, temporaryPasswordExpired } from '../format.ts';
import { CELL } from './people-table-styles.tsx';

/** Which menu a row asks the table to open, anchored on the element that asked. */
export type RowMenu = { kind: 'actions' | 'role'; person: Person; anchor: HTMLElement };

/** The ids of the table's two menus, for aria-controls while one is open for this row. */
export const MENU_IDS = { actions: 'person-actions-menu', role: 'person-role-listbox' } as const;

interface Props {
  person: Person;
  /** The role to show: main's, or the one just chosen on this row. */
  role: Role;
  /** A role change is on its way to main. */
  pending: boolean;
  /** Which of this row's menus is open, if any. */
  open: RowMenu['kind'] | null;
  onMenu: (menu: RowMenu) => void;
  /** Ticked for a bulk action. */
  selected: boolean;
  onTick: (person: Person, on: boolean) => void;
}

// Material icons' paths (ArrowDropDown, MoreVert), drawn as plain SVG: an SvgIcon per row costs a styled component.
const ARROW_DROP_DOWN = 'M7 10l5 5 5-5z';
const MORE_VERT =
  'M12 8c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2m0 2c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2m0 6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2';
const icon = (d: string, className = '') => (
  <svg className={`${CELL.icon} ${className}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d={d} />
  </svg>
);

/** Keys that open a select, as MUI's Select has them. */
const OPEN_KEYS = new Set([' ', 'ArrowUp', 'ArrowDown', 'Enter']);

// The info colour's darker shade (lighter in dark mode): the plain one fell below 4.5:1 on a ticked row's tint (axe).
const INVITED_CHIP = { ml: 1, color: (t: Theme) => (t.palette.mode === 'light' ? t.palette.info.dark : t.palette.info.light) };

export const PersonRow = memo(function PersonRow({ person, role, pending, open, onMenu, selected, onTick }: Props) {
  const name = fullName(person);
  const openRole = (e: MouseEvent<HTMLElement> | KeyboardEvent<HTMLElement>) => {
    if (pending) return;
    e.preventDefault(); // keep the focus on the dropdown (a mouse press would move it) and the page from scrolling
    e.currentTarget.focus();
    onMenu({ kind: 'role', person, anchor: e.currentTarget });
  };
  return (
    <tr className="MuiTableRow-root MuiTableRow-hover" data-selected={selected || undefined}>
      {/* A plain checkbox: an MUI Checkbox per row would add a styled component and a ripple to every row drawn. */}
      <td className={CELL.check}>
        <input type="checkbox" className={CELL.checkbox} checked={selected} onChange={(e) => onTick(person, e.target.checked)} aria-label={`Select ${name}`} />
      </td>
      <td className={CELL.wrap}>
        {name}
        {person.status === 'invited' && <Chip label="Invited" size="small" color="info" variant="outlined" sx={INVITED_CHIP} />}
        {person.status === 'active' && temporaryPasswordExpired(person) && (
          <Chip label="Temporary password expired" size="small" color="error" variant="outlined" sx={{ ml: 1 }} />
        )}
        {person.lockedUntil && isLocked(person) && (
          <Chip label={`Locked until ${formatLockLifts(person.lockedUntil)}`} size="small" variant="outlined" sx={{ ml: 1 }} />
        )}
      </td>
      <td className={CELL.wrap}>{person.email}</td>
      <td>
        {person.status === 'deactivated' ? (
          roleLabel(role)
        ) : (
          // Opens on mouse press and on the keys a select opens with, like MUI's Select (which it replaces).
          <div
            className={CELL.role}
            role="combobox"
            tabIndex={pending ? -1 : 0}
            aria-label={`Role for ${name}`}
            aria-haspopup="listbox"
            aria-expanded={open === 'role'}
            aria-controls={open === 'role' ? MENU_IDS.role : undefined}
            aria-disabled={pending || undefined}
            onMouseDown={(e) => e.button === 0 && openRole(e)}
            onKeyDown={(e) => OPEN_KEYS.has(e.key) && openRole(e)}
          >
            {roleLabel(role)}
            {icon(ARROW_DROP_DOWN, CELL.roleIcon)}
          </div>
        )}
      </td>
      <td>{formatLastLogin(person.lastLoginAt)}</td>
      <td className={CELL.end}>
        <button
          type="button"
          className={CELL.menuButton}
          aria-label={`Actions for ${name}`}
          aria-haspopup="menu"
          aria-expanded={open === 'actions' ? true : undefined}
          aria-controls={open === 'actions' ? MENU_IDS.actions : undefined}
          onClick={(e) => onMenu({ kind: 'actions', person, anchor: e.currentTarget })}
        >
          {icon(MORE_VERT)}
        </button>
      </td>
    </tr>
  );
});
