// Step 2: which column holds which field. Roster's guess from the header comes first; each change asks main to
// judge every row again, and the counts below say what the mapping gives.
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, type ImportField, type ImportMapping, type ImportPreview } from '../../../common/people-import.ts';
import { VerdictSummary } from './verdict-summary.tsx';

const DELIMITER_NAMES = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' } as const;
const NONE = -1;

export function ColumnsStep({ preview, busy, onChange }: { preview: ImportPreview; busy: boolean; onChange: (m: ImportMapping) => void }) {
  const set = (field: ImportField, column: number) => {
    const next = { ...preview.mapping, [field]: column === NONE ? null : column };
    // A column read for one field only: taking it for this field frees it from the other.
    for (const other of IMPORT_FIELDS) if (other !== field && next[other] === next[field] && next[field] !== null) next[other] = null;
    onChange(next);
  };
  return (
    <Stack spacing={2}>
      <Typography>
        <strong>{preview.fileName}</strong>: {preview.rows.toLocaleString()} rows, cells separated by {DELIMITER_NAMES[preview.delimiter]}. Check which column holds
        each field.
      </Typography>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        {IMPORT_FIELDS.map((field) => (
          <ColumnSelect key={field} field={field} headers={preview.headers} value={preview.mapping[field]} disabled={busy} onChange={(c) => set(field, c)} />
        ))}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Without a role column, everyone is added as a User.
      </Typography>
      <VerdictSummary counts={preview.counts} rows={preview.rows} />
    </Stack>
  );
}

function ColumnSelect({ field, headers, value, disabled, onChange }: { field: ImportField; headers: string[]; value: number | null; disabled: boolean; onChange: (column: number) => void }) {
  const id = useId();
  return (
    <FormControl size="small" sx={{ minWidth: 200 }}>
      <InputLabel id={id}>{IMPORT_FIELD_LABELS[field]}</InputLabel>
      <Select labelId={id} label={IMPORT_FIELD_LABELS[field]} value={value ?? NONE} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        <MenuItem value={NONE}>
          <em>Not in the file</em>
        </MenuItem>
        {headers.map((h, i) => (
          <MenuItem key={i} value={i}>
            {`Column ${i + 1}: ${h || '(no header)'}`}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
