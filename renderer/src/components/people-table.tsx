// The People table: sortable column headers and one row per person, with the role dropdown and the row menu.
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Box from '@mui/material/Box';
import type { Person } from '../../../common/contract.ts';
import { formatLastLogin, fullName, roleLabel, temporaryPasswordExpired } from '../format.ts';
import type { Direction, SortKey } from '../hooks/use-people-list.ts';
import { PersonActionsMenu, type PersonAction } from './person-actions-menu.tsx';
import { RoleSelect } from './role-select.tsx';

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

export function PeopleTable({ rows, sort, direction, onSort, onAction, onChanged }: Props) {
  return (
    <Table aria-label="People" size="small" sx={{ tableLayout: 'fixed' }}>
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
      <TableBody>
        {rows.map((p) => (
          <TableRow key={p.id} hover>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>
              {fullName(p)}
              {p.status === 'invited' && <Chip label="Invited" size="small" color="info" variant="outlined" sx={{ ml: 1 }} />}
              {p.status === 'active' && temporaryPasswordExpired(p) && (
                <Chip label="Temporary password expired" size="small" color="error" variant="outlined" sx={{ ml: 1 }} />
              )}
            </TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{p.email}</TableCell>
            <TableCell>{p.status === 'deactivated' ? roleLabel(p.role) : <RoleSelect person={p} onChanged={onChanged} />}</TableCell>
            <TableCell>{formatLastLogin(p.lastLoginAt)}</TableCell>
            <TableCell align="right">
              <PersonActionsMenu person={p} onAction={onAction} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
