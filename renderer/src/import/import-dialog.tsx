// Admin Panel → People → Import CSV: a stepper from the file to the people added. Nothing is written before the
// last step's "Import"; closing before then leaves Roster as it was.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import { useId, useState } from 'react';
import { DialogError } from '../components/dialog-parts.tsx';
import { ColumnsStep } from './columns-step.tsx';
import { FileStep } from './file-step.tsx';
import { ImportStep } from './import-step.tsx';
import { RowsStep } from './rows-step.tsx';
import { STEPS, useImport } from './use-import.ts';

export function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const titleId = useId();
  const im = useImport();
  const { step, preview, status } = im;
  const [closing, setClosing] = useState(false);
  const writing = status?.phase === 'writing';
  const codesWaiting = status?.codes === 'available';
  const finished = status && status.phase !== 'writing';
  const close = () => {
    // The codes are shown once: closing without them asks first.
    if (codesWaiting && !closing) {
      setClosing(true);
      return;
    }
    im.close();
    if (finished) onImported();
    onClose();
  };
  const stepIndex = STEPS.findIndex((s) => s.step === step);
  return (
    <Dialog open onClose={writing ? undefined : close} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>Import people from a CSV file</DialogTitle>
      <DialogContent>
        <Stepper activeStep={stepIndex} sx={{ mb: 3 }}>
          {STEPS.map((s) => (
            <Step key={s.step} completed={STEPS.findIndex((x) => x.step === s.step) < stepIndex || (s.step === 'import' && !!finished)}>
              <StepLabel>{s.label}</StepLabel>
            </Step>
          ))}
        </Stepper>
        <Box sx={{ minHeight: 4, mb: 1 }}>{im.busy && <LinearProgress aria-label={im.busy} />}</Box>
        {im.busy && (
          <Typography variant="body2" color="text.secondary" role="status">
            {im.busy}
          </Typography>
        )}
        {step === 'file' && <FileStep busy={!!im.busy} onFile={(f) => void im.chooseFile(f)} />}
        {step === 'columns' && preview && <ColumnsStep preview={preview} busy={!!im.busy} onChange={(m) => void im.remap(m)} />}
        {step === 'rows' && preview && <RowsStep preview={preview} onError={im.setError} />}
        {step === 'import' && preview && <ImportStep preview={preview} status={status} onCodesTaken={im.codesTaken} onRefresh={() => void im.refresh()} onRetry={() => void im.retry()} />}
        <DialogError message={im.error} />
        {closing && codesWaiting && (
          <DialogError message="The invite codes have not been downloaded, and they cannot be shown again. Close anyway? (Resend invite gives anyone a new one.)" />
        )}
      </DialogContent>
      <DialogActions>
        {!finished && step !== 'file' && (
          <Button onClick={() => im.setStep(STEPS[stepIndex - 1]?.step ?? 'file')} disabled={!!im.busy || writing || !!status}>
            Back
          </Button>
        )}
        <Button onClick={close} disabled={writing} color={closing && codesWaiting ? 'error' : 'primary'}>
          {finished ? (closing && codesWaiting ? 'Close without the codes' : 'Close') : 'Cancel'}
        </Button>
        {(step === 'columns' || step === 'rows') && (
          <Button variant="contained" onClick={() => im.setStep(step === 'columns' ? 'rows' : 'import')} disabled={!!im.busy}>
            Next
          </Button>
        )}
        {step === 'import' && !status && preview && (
          <Button variant="contained" onClick={() => void im.confirm()} loading={!!im.busy} disabled={preview.counts.add === 0}>
            {`Import ${preview.counts.add.toLocaleString()} ${preview.counts.add === 1 ? 'person' : 'people'}`}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
