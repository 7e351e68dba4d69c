// The People table: sortable column headers, one row per person, and the one row menu and one Role list that
// every row opens. Drawing a new page creates only the rows' plain elements (see people-table-styles.tsx).
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Person, Role } from '../../../common/contract.ts';
import type { Direction, SortKey } from '../hooks/use-people-list.ts';
import { useRoleChanges, type RoleChanges } from '../hooks/use-role-changes.ts';
import { isSelected, pageState, type PeopleSelection } from '../bulk/selection.ts';
import { CELL, PeopleTableStyles, TABLE_CLASS } from './people-table-styles.tsx';
import { PersonActionsMenu, type PersonAction } from './person-actions-menu.tsx';
import { PersonRow, type RowMenu } from './person-row.tsx';
import { RoleMenu } from './role-menu.tsx';

// Read by screen readers, not shown: the actions column needs a header name.
const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

const COLUMNS: { key: SortKey; label: string; width?: string }[] = [
  { key: 'name', label: 'Name', width: '28%' },
  { key: 'email', label: 'Email', width: '32%' },
  { key: 'role', label: 'Role', width: '14%' },
  { key: 'lastLogin', label: 'Last login' },
];

interface Props {
  rows: Person[];
  sort: SortKey;
  direction: Direction;
  onSort: (key: SortKey) => void;
  onAction: (action: PersonAction, person: Person) => void;
  onChanged: () => void;
  selection: PeopleSelection;
  /** Ticks or unticks people (a row, or the page's rows from the header box). */
  onTick: (people: readonly Person[], on: boolean) => void;
}

export const PeopleTable = memo(function PeopleTable({ rows, sort, direction, onSort, onAction, onChanged, selection, onTick }: Props) {
  const [menu, setMenu] = useState<RowMenu | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const { changes, change } = useRoleChanges(onChanged);
  // The change is sent with the role the row showed (main's, or one just confirmed here).
  const chooseRole = useCallback((person: Person, role: Role) => void change(person, role, (changes.get(person) ?? person).role), [changes, change]);
  const tickPage = useCallback((on: boolean) => onTick(rows, on), [onTick, rows]);
  const roleMenu = useMemo(
    () => (menu?.kind === 'role' ? { ...menu, role: (changes.get(menu.person) ?? menu.person).role } : null),
    [menu, changes],
  );
  return (
    <>
      <PeopleTableStyles />
      <Table aria-label="People" size="small" className={TABLE_CLASS}>
        <PeopleTableHead sort={sort} direction={direction} onSort={onSort} page={pageState(selection, rows)} onTickPage={tickPage} />
        <PeopleTableBody rows={rows} changes={changes} menu={menu} onMenu={setMenu} selection={selection} onTick={onTick} />
      </Table>
      <PersonActionsMenu open={menu?.kind === 'actions' ? menu : null} onClose={closeMenu} onAction={onAction} />
      <RoleMenu
        open={roleMenu}
        onClose={closeMenu}
        onChoose={chooseRole}
      />
    </>
  );
});

interface HeadProps extends Pick<Props, 'sort' | 'direction' | 'onSort'> {
  page: 'none' | 'some' | 'all';
  onTickPage: (on: boolean) => void;
}

const PeopleTableHead = memo(function PeopleTableHead({ sort, direction, onSort, page, onTickPage }: HeadProps) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = page === 'some'; // a DOM property only, no attribute
  }, [page]);
  return (
    <TableHead>
      <TableRow>
        <TableCell padding="none" className={CELL.check}>
          <input ref={box} type="checkbox" className={CELL.checkbox} checked={page === 'all'} onChange={() => onTickPage(page !== 'all')} aria-label="Select everyone on this page" />
        </TableCell>
        {COLUMNS.map((c) => (
          <TableCell key={c.key} sortDirection={sort === c.key ? direction : false} sx={{ width: c.width, fontWeight: 600 }}>
            <TableSortLabel active={sort === c.key} direction={sort === c.key ? direction : 'asc'} onClick={() => onSort(c.key)}>
              {c.label}
            </TableSortLabel>
          </TableCell>
        ))}
        <TableCell sx={{ width: 56 }}>
          <Box component="span" sx={visuallyHidden}>
            Actions
          </Box>
        </TableCell>
      </TableRow>
    </TableHead>
  );
});

interface BodyProps {
  rows: Person[];
  changes: RoleChanges;
  menu: RowMenu | null;
  onMenu: (menu: RowMenu) => void;
  selection: PeopleSelection;
  onTick: (people: readonly Person[], on: boolean) => void;
}

const PeopleTableBody = memo(function PeopleTableBody({ rows, changes, menu, onMenu, selection, onTick }: BodyProps) {
  const tickOne = useCallback((person: Person, on: boolean) => onTick([person], on), [onTick]);
  return (
    <tbody className="MuiTableBody-root">
      {rows.map((p, i) => {
        const shown = changes.get(p);
        return (
          // Keyed by position: a new page reuses the rows already on screen and only changes their text,
          // instead of removing 25 rows and building 25 new ones. Rows hold no state of their own.
          <PersonRow
            key={i}
            person={p}
            role={shown?.role ?? p.role}
            pending={shown?.pending ?? false}
            open={menu?.person === p ? menu.kind : null}
            onMenu={onMenu}
            selected={isSelected(selection, p.id)}
            onTick={tickOne}
          />
        );
      })}
    </tbody>
  );
});
