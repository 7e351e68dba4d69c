// Automatic backups (on/off, how often, how many to keep) and the folder backups go to. The folder is checked in
// main (exists, is a folder, writable); under Electron it can be picked with the system's folder dialog.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { z } from 'zod';
import { backupSettingsInput, type BackupSettings, type BackupsView } from '../../../common/backups.ts';
import { ApiError, call } from '../api.ts';
import { FormField } from '../components/form-field.tsx';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { useForm } from '../hooks/use-form.ts';

const INTERVALS = [
  { hours: 1, label: 'Every hour' },
  { hours: 6, label: 'Every 6 hours' },
  { hours: 12, label: 'Every 12 hours' },
  { hours: 24, label: 'Every day' },
  { hours: 168, label: 'Every week' },
];

type Values = { automatic: boolean; intervalHours: string; keep: string; folder: string };
const toValues = (s: BackupSettings): Values => ({ automatic: s.automatic, intervalHours: String(s.intervalHours), keep: String(s.keep), folder: s.folder });
const asNumber = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN);
const toInput = (v: Values): BackupSettings => ({ ...v, intervalHours: asNumber(v.intervalHours), keep: asNumber(v.keep) });
// The same schema main uses, on the form's text values.
const schema = z.preprocess((v) => toInput(v as Values), backupSettingsInput);

export function BackupSettingsForm({ view, onSaved }: { view: BackupsView; onSaved: (v: BackupsView) => void }) {
  const form = useForm<Values>(toValues(view.settings));
  const notify = useSnackbar();
  const intervals = INTERVALS.some((i) => String(i.hours) === form.values.intervalHours)
    ? INTERVALS
    : [...INTERVALS, { hours: Number(form.values.intervalHours), label: `Every ${form.values.intervalHours} hours` }];

  const save = async () => {
    const next = await form.submit(schema, (v) => call('saveBackupSettings', toInput(v)));
    if (next) {
      form.reset(toValues(next.settings));
      onSaved(next);
      notify('Backup settings saved.');
    }
  };

  const chooseFolder = async () => {
    try {
      const { path } = await call('choosePath', { kind: 'folder' });
      if (path) form.set('folder', path);
    } catch (err) {
      notify(err instanceof ApiError ? err.message : String(err), 'error');
    }
  };

  return (
    <form
      noValidate
      aria-label="Backup settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Typography variant="h6" component="h2" gutterBottom>
        Settings
      </Typography>
      <FormControlLabel
        control={<Switch checked={form.values.automatic} onChange={(e) => form.set('automatic', e.target.checked)} disabled={form.submitting} />}
        label="Back up automatically"
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ sm: 2 }} useFlexGap sx={{ alignItems: 'flex-start' }}>
        <TextField
          select
          id="field-intervalHours"
          label="How often"
          value={form.values.intervalHours}
          onChange={(e) => form.set('intervalHours', e.target.value)}
          error={!!form.fieldErrors.intervalHours}
          helperText={form.fieldErrors.intervalHours ?? 'Also shortly after start, when the newest backup is older than this.'}
          disabled={form.submitting || !form.values.automatic}
          fullWidth
        >
          {intervals.map((i) => (
            <MenuItem key={i.hours} value={String(i.hours)}>
              {i.label}
            </MenuItem>
          ))}
        </TextField>
        <FormField
          form={form}
          name="keep"
          label="Automatic backups to keep"
          inputMode="numeric"
          fullWidth
          disabled={!form.values.automatic}
          helperText="The oldest are deleted after each automatic backup. Backups you make yourself are never deleted."
        />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} useFlexGap sx={{ alignItems: 'flex-start', mt: 1 }}>
        <FormField
          form={form}
          name="folder"
          label="Backup folder"
          fullWidth
          placeholder={view.defaultFolder}
          helperText={`Leave empty for ${view.defaultFolder}. Another disk is safer: a backup on the same disk is lost with it.`}
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
        {view.canChoosePaths && (
          <Button variant="outlined" onClick={() => void chooseFolder()} disabled={form.submitting} sx={{ mt: 2, flexShrink: 0 }}>
            Choose…
          </Button>
        )}
      </Stack>
      {form.formError && <Alert severity="error" role="alert" sx={{ mt: 1 }}>{form.formError}</Alert>}
      <Button type="submit" variant="contained" sx={{ mt: 2 }} disabled={form.submitting}>
        Save settings
      </Button>
    </form>
  );
}
