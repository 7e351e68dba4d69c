// The filter beside the People tabs: everyone, or one kind of account (never signed in, idle, invites, locked …),
// each with its count once main has counted it (the rows never wait for the counts), and a custom idle period.
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { memo, useState } from 'react';
import { filterKey, filterLabel, MENU_FILTERS, type PeopleFilter } from '../../../common/people-filter.ts';
import { IdleDaysDialog } from './idle-days-dialog.tsx';

const EVERYONE = 'all';
const CUSTOM = 'custom';
const number = new Intl.NumberFormat('en');

interface Props {
  filter: PeopleFilter | null;
  /** Counts by filterKey for the tab and search on screen; missing while still being counted. */
  counts: Record<string, number>;
  setFilter: (filter: PeopleFilter | null) => void;
}

export const PeopleFilterSelect = memo(function PeopleFilterSelect({ filter, counts, setFilter }: Props) {
  const [askingDays, setAskingDays] = useState(false);
  const chosen = filterKey(filter);
  // A custom idle period stays in the list while it is the one chosen.
  const listed = filter && !MENU_FILTERS.some((f) => filterKey(f) === chosen) ? [...MENU_FILTERS, filter] : MENU_FILTERS;
  const byKey = new Map(listed.map((f) => [filterKey(f), f]));
  const label = (f: PeopleFilter) => {
    const n = counts[filterKey(f)];
    return `${filterLabel(f)} (${n === undefined ? '…' : number.format(n)})`;
  };
  return (
    <>
      <TextField
        select
        label="Show"
        size="small"
        margin="dense"
        value={chosen}
        onChange={(e) => {
          const key = e.target.value;
          if (key === CUSTOM) setAskingDays(true);
          else setFilter(byKey.get(key) ?? null);
        }}
        sx={{ width: 300 }}
        slotProps={{ select: { MenuProps: { slotProps: { paper: { sx: { maxHeight: 420 } } } } } }}
      >
        <MenuItem value={EVERYONE}>Everyone</MenuItem>
        {listed.map((f) => (
          <MenuItem key={filterKey(f)} value={filterKey(f)}>
            {label(f)}
          </MenuItem>
        ))}
        <MenuItem value={CUSTOM}>No sign-in for a number of days…</MenuItem>
      </TextField>
      {askingDays && (
        <IdleDaysDialog
          onClose={() => setAskingDays(false)}
          onChoose={(days) => {
            setAskingDays(false);
            setFilter({ kind: 'noSignInFor', days });
          }}
        />
      )}
    </>
  );
});
