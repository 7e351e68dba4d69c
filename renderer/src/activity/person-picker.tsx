// The person filter: type a name or email and pick from the matches (active and deactivated people alike),
// found by the People search itself.
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';
import { call } from '../api.ts';
import { LatestOnly } from '../latest-only.ts';
import type { PersonChoice } from './use-activity-list.ts';

const MATCHES_SHOWN = 8;

/** Active people first, then deactivated ones: both can have acted or been acted on. */
async function findPeople(query: string): Promise<PersonChoice[]> {
  const find = (tab: 'active' | 'deactivated') => call('listPeople', { tab, query, pageSize: 25, sort: 'name' });
  const [active, deactivated] = await Promise.all([find('active'), find('deactivated')]);
  return [...active.rows, ...deactivated.rows].slice(0, MATCHES_SHOWN).map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, email: p.email }));
}

export function PersonPicker({ value, onChange }: { value: PersonChoice | null; onChange: (p: PersonChoice | null) => void }) {
  const [text, setText] = useState(value?.name ?? '');
  const [options, setOptions] = useState<PersonChoice[]>([]);
  const [loading, setLoading] = useState(false);
  const alive = useRef(true);
  // Each keystroke asks at once; while one search flies only the newest text waits, and only its answer is shown.
  const [finder] = useState(
    // eslint-disable-next-line react-hooks/refs -- the callback reads `alive` when an answer arrives, after render
    () =>
      new LatestOnly<string, PersonChoice[]>(findPeople, (_, outcome) => {
        if (!alive.current) return;
        setOptions(outcome.ok ? outcome.value : []);
        setLoading(false);
      }),
  );
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      finder.cancel();
    };
  }, [finder]);

  const typed = (v: string, reason: string) => {
    setText(v);
    const query = v.trim();
    // "reset": the box shows the chosen person's name, which is not a search.
    if (!query || reason === 'reset') {
      finder.cancel();
      setOptions([]);
      setLoading(false);
      return;
    }
    setLoading(true);
    finder.request(query);
  };

  return (
    <Autocomplete
      value={value}
      onChange={(_, p) => onChange(p)}
      inputValue={text}
      onInputChange={(_, v, reason) => typed(v, reason)}
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
      noOptionsText={text.trim() ? 'No one matches' : 'Type a name or email'}
      size="small"
      sx={{ width: 280 }}
      renderInput={(params) => <TextField {...params} label="Person (acting or concerned)" margin="dense" />}
    />
  );
}
