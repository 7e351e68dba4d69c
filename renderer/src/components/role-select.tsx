// The Role dropdown on a People row: sends the change with the role it showed, so a stale change is refused.
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import { useState } from 'react';
import type { Person, Role } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { fullName, roleLabel } from '../format.ts';
import { useSnackbar } from './snackbar-provider.tsx';

export function RoleSelect({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const notify = useSnackbar();
  // While the change is in flight the chosen role shows; on a refusal it falls back to the role from main.
  const [pending, setPending] = useState<Role | null>(null);
  const name = fullName(person);

  const change = async (role: Role) => {
    if (role === person.role) return;
    setPending(role);
    try {
      await call('setRole', { id: person.id, role, expectedRole: person.role });
      notify(`${name} is now ${role === 'admin' ? 'an Admin' : 'a User'}.`);
    } catch (err) {
      notify((err as Error).message, 'error');
    } finally {
      setPending(null);
      onChanged();
    }
  };

  return (
    <Select
      size="small"
      variant="standard"
      disableUnderline
      value={pending ?? person.role}
      disabled={pending !== null}
      onChange={(e) => void change(e.target.value as Role)}
      inputProps={{ 'aria-label': `Role for ${name}` }}
      // The standard input sits a little high; nudge its text onto the row's baseline.
      sx={{ minWidth: 88, fontSize: 'inherit', '& .MuiSelect-select': { pt: '6px', pb: '3px' } }}
    >
      <MenuItem value="user">{roleLabel('user')}</MenuItem>
      <MenuItem value="admin">{roleLabel('admin')}</MenuItem>
    </Select>
  );
}
