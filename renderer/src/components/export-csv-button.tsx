// "Export CSV" for any list: under Electron main asks where to save and writes the file; in browser mode main
// answers with a one-time download link, opened here at once (it works once, for 60 seconds).
import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import { memo, useState } from 'react';
import type { ExportOutcome } from '../../../common/activity.ts';
import { downloadFile } from './download-file.ts';
import { useSnackbar } from './snackbar-provider.tsx';

export interface ExportCsvButtonProps {
  /** Asks main for the export of what is on screen now. */
  run: () => Promise<ExportOutcome>;
  /** What the rows are, for the message after saving ("people", "entries"). */
  noun: string;
}

export const ExportCsvButton = memo(function ExportCsvButton({ run, noun }: ExportCsvButtonProps) {
  const notify = useSnackbar();
  const [busy, setBusy] = useState(false);
  const exportCsv = async () => {
    setBusy(true);
    try {
      const outcome = await run();
      if (outcome.kind === 'download') {
        downloadFile(outcome.url);
        notify('The export is downloading as a CSV file.');
      } else if (outcome.kind === 'saved') {
        notify(`Exported ${outcome.rows.toLocaleString()} ${noun} to ${outcome.path}.`);
      }
    } catch (err) {
      notify((err as Error).message, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void exportCsv()} disabled={busy}>
      {busy ? 'Exporting…' : 'Export CSV'}
    </Button>
  );
});
