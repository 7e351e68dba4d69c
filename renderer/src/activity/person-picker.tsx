// The person filter: type a name or email and pick from the matches (active and deactivated people alike),
// found by the People search itself.
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import type { PersonChoice } from './use-activity-list.ts';

const MATCHES_SHOWN = 8;

export function PersonPicker({ value, onChange }: { value: PersonChoice | null; onChange: (p: PersonChoice | null) => void }) {
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 200);
  const [options, setOptions] = useState<PersonChoice[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!query || query === value?.name) return setOptions([]);
    let current = true;
    setLoading(true);
    const find = (tab: 'active' | 'deactivated') => call('listPeople', { tab, query, pageSize: 25, sort: 'name' });
    void Promise.all([find('active'), find('deactivated')])
      .then(([active, deactivated]) => {
        if (!current) return;
        setOptions([...active.rows, ...deactivated.rows].slice(0, MATCHES_SHOWN).map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, email: p.email })));
      })
      .catch(() => current && setOptions([]))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [query, value?.name]);

  return (
    <Autocomplete
      value={value}
      onChange={(_, p) => onChange(p)}
      inputValue={text}
      onInputChange={(_, v) => setText(v)}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      filterOptions={(o) => o}
      clearOnEscape
      getOptionLabel={(p) => p.name}
      getOptionKey={(p) => p.id}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      renderOption={({ key, ...props }, p) => (
        <li key={key} {...props}>
          {p.name} — {p.email}
        </li>
      )}
      loading={loading}
      noOptionsText={query ? 'No one matches' : 'Type a name or email'}
      size="small"
      sx={{ width: 280 }}
      renderInput={(params) => <TextField {...params} label="Person (acting or concerned)" margin="dense" />}
    />
  );
}
