// Export CSV of what the filters show: under Electron main asks where to save and writes the file; in browser mode
// main answers with a one-time download link, opened here at once (it works once, for 60 seconds).
import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import { useState } from 'react';
import type { ExportOutcome } from '../../../common/activity.ts';
import { call } from '../api.ts';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { filterInput, type ActivityFilters } from './use-activity-list.ts';

function download(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export function ExportButton({ filters }: { filters: ActivityFilters }) {
  const notify = useSnackbar();
  const [busy, setBusy] = useState(false);
  const exportCsv = async () => {
    setBusy(true);
    try {
      const outcome: ExportOutcome = await call('exportActivity', filterInput(filters));
      if (outcome.kind === 'download') {
        download(outcome.url);
        notify('The export is downloading as a CSV file.');
      } else if (outcome.kind === 'saved') {
        notify(`Exported ${outcome.rows.toLocaleString()} entries to ${outcome.path}.`);
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
}
