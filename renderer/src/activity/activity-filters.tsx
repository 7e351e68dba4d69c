// The filters above the Activity table; they combine: a person (acting or concerned), kinds of action, a date range.
import CheckBoxIcon from '@mui/icons-material/CheckBox';
import CheckBoxOutlineBlankIcon from '@mui/icons-material/CheckBoxOutlineBlank';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ACTIVITY_KINDS, KIND_LABELS, type ActivityKind } from '../../../common/audit-actions.ts';
import { customRange, PRESET_LABELS, presetRange, type RangePreset } from './date-range.ts';
import { PersonPicker } from './person-picker.tsx';
import type { ActivityFilters } from './use-activity-list.ts';

const kindsText = (kinds: ActivityKind[]) => (kinds.length === 0 ? 'All kinds' : kinds.map((k) => KIND_LABELS[k]).join(', '));

export function ActivityFiltersBar({ filters, onChange }: { filters: ActivityFilters; onChange: (f: ActivityFilters) => void }) {
  const [preset, setPreset] = useState<RangePreset>('all');
  const [days, setDays] = useState({ first: '', last: '' });
  const [rangeError, setRangeError] = useState<string | null>(null);

  const choosePreset = (p: RangePreset) => {
    setPreset(p);
    setRangeError(null);
    if (p !== 'custom') onChange({ ...filters, ...presetRange(p) });
    else applyDays(days);
  };
  const applyDays = (next: { first: string; last: string }) => {
    setDays(next);
    const range = customRange(next.first, next.last);
    if ('error' in range) {
      setRangeError(range.error);
      return;
    }
    setRangeError(null);
    onChange({ ...filters, ...range });
  };

  return (
    <Stack direction="row" sx={{ alignItems: 'flex-start', px: 2, py: 1, gap: 2, flexWrap: 'wrap', borderBottom: 1, borderColor: 'divider' }}>
      <PersonPicker value={filters.person} onChange={(person) => onChange({ ...filters, person })} />
      <TextField
        select
        label="Kinds of action"
        size="small"
        margin="dense"
        fullWidth={false}
        value={filters.kinds}
        onChange={(e) => onChange({ ...filters, kinds: e.target.value as unknown as ActivityKind[] })}
        slotProps={{ select: { multiple: true, displayEmpty: true, renderValue: (v) => kindsText(v as ActivityKind[]) }, inputLabel: { shrink: true } }}
        sx={{ width: 240 }}
      >
        {ACTIVITY_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {/* A picture of the state only: the option itself says it is selected (aria-selected), and a real checkbox inside would nest controls. */}
            <ListItemIcon aria-hidden>
              {filters.kinds.includes(k) ? <CheckBoxIcon fontSize="small" color="primary" /> : <CheckBoxOutlineBlankIcon fontSize="small" />}
            </ListItemIcon>
            <ListItemText primary={KIND_LABELS[k]} />
          </MenuItem>
        ))}
      </TextField>
      <TextField select label="When" size="small" margin="dense" fullWidth={false} value={preset} onChange={(e) => choosePreset(e.target.value as RangePreset)} sx={{ width: 160 }}>
        {(Object.keys(PRESET_LABELS) as RangePreset[]).map((p) => (
          <MenuItem key={p} value={p}>
            {PRESET_LABELS[p]}
          </MenuItem>
        ))}
      </TextField>
      {preset === 'custom' && (
        <>
          <TextField
            type="date"
            label="First day"
            size="small"
            margin="dense"
            fullWidth={false}
            value={days.first}
            onChange={(e) => applyDays({ ...days, first: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            error={!!rangeError}
            helperText={rangeError ?? ' '}
          />
          <TextField
            type="date"
            label="Last day"
            size="small"
            margin="dense"
            fullWidth={false}
            value={days.last}
            onChange={(e) => applyDays({ ...days, last: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            error={!!rangeError}
            helperText=" "
          />
        </>
      )}
    </Stack>
  );
}
