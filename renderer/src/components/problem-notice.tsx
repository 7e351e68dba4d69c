// What went wrong in the app shell, said plainly, with the one button that tries again.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { Problem } from '../hooks/use-attempts.ts';

export function ProblemNotice({ problem }: { problem: Problem }) {
  return (
    <Alert
      severity="error"
      role="alert"
      sx={{ borderRadius: 0 }}
      action={
        <Button color="inherit" size="small" onClick={problem.retry}>
          Retry
        </Button>
      }
    >
      {problem.message}
    </Alert>
  );
}
