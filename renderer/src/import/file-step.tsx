// Step 1: the file. In browser mode the page's own file chooser (the file is sent to main, which reads it); under
// Electron the system's picker, shown by main, which opens the file itself.
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRef } from 'react';
import { IMPORT_LIMITS } from '../../../common/people-import.ts';
import { uploadsFiles } from '../api.ts';

export function FileStep({ busy, onFile }: { busy: boolean; onFile: (file?: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const pick = () => (uploadsFiles() ? input.current?.click() : onFile());
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Typography>
        A CSV file with a header row and a row per person: first name, last name, email and, if you like, role (User or Admin). Commas, semicolons
        or tabs between the cells; saved as UTF-8 (“CSV UTF-8” in spreadsheet programs).
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Up to {IMPORT_LIMITS.rows.toLocaleString()} rows and {IMPORT_LIMITS.bytes / 1024 / 1024} MB. Nothing is added until you confirm.
      </Typography>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/plain"
        hidden
        aria-label="CSV file to import"
        data-testid="import-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button variant="contained" startIcon={<UploadFileIcon />} onClick={pick} loading={busy} autoFocus>
        Choose a CSV file…
      </Button>
    </Stack>
  );
}
