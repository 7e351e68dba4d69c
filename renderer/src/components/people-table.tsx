// The People table: sortable column headers, one row per person, and the one row menu and one Role list that
// every row opens. Drawing a new page creates only the rows' plain elements (see people-table-styles.ts).
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { memo, useCallback, useMemo, useState } from 'react';
import type { Person } from '../../../common/contract.ts';
import type { Direction, SortKey } from '../hooks/use-people-list.ts';
import { useRoleChanges, type RoleChanges } from '../hooks/use-role-changes.ts';
import { peopleTableSx } from './people-table-styles.ts';
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
}

export const PeopleTable = memo(function PeopleTable({ rows, sort, direction, onSort, onAction, onChanged }: Props) {
  const [menu, setMenu] = useState<RowMenu | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const roles = useRoleChanges(onChanged);
  const roleOf = (p: Person) => roles.changes.get(p) ?? { role: p.role, pending: false };
  const roleMenu = useMemo(
    () => (menu?.kind === 'role' ? { ...menu, role: (roles.changes.get(menu.person) ?? menu.person).role } : null),
    [menu, roles.changes],
  );
  return (
    <>
      <Table aria-label="People" size="small" sx={peopleTableSx}>
        <PeopleTableHead sort={sort} direction={direction} onSort={onSort} />
        <PeopleTableBody rows={rows} changes={roles.changes} menu={menu} onMenu={setMenu} />
      </Table>
      <PersonActionsMenu open={menu?.kind === 'actions' ? menu : null} onClose={closeMenu} onAction={onAction} />
      <RoleMenu
        open={roleMenu}
        onClose={closeMenu}
        onChoose={(person, role) => void roles.change(person, role, roleOf(person).role)}
      />
    </>
  );
});

const PeopleTableHead = memo(function PeopleTableHead({ sort, direction, onSort }: Pick<Props, 'sort' | 'direction' | 'onSort'>) {
  return (
    <TableHead>
      <TableRow>
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
}

const PeopleTableBody = memo(function PeopleTableBody({ rows, changes, menu, onMenu }: BodyProps) {
  return (
    <tbody className="MuiTableBody-root">
      {rows.map((p) => {
        const shown = changes.get(p);
        return (
          <PersonRow
            key={p.id}
            person={p}
            role={shown?.role ?? p.role}
            pending={shown?.pending ?? false}
            open={menu?.person === p ? menu.kind : null}
            onMenu={onMenu}
          />
        );
      })}
    </tbody>
  );
});
