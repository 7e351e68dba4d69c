// Admin Panel → Policies: rules Roster applies on its own. One so far: deactivating idle accounts (off by default).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { IdlePolicySection } from './idle-policy-section.tsx';
import { useIdlePolicy } from './use-idle-policy.ts';

export function PoliciesPage() {
  const { view, setView, loadError } = useIdlePolicy();
  return (
    <Box component="main" sx={{ p: 3, maxWidth: 1000 }}>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        Policies
      </Typography>
      {loadError && <Alert severity="error">{loadError}</Alert>}
      {!view && !loadError && <CircularProgress aria-label="Loading policies" />}
      {view && (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <IdlePolicySection view={view} onChanged={setView} />
        </Paper>
      )}
    </Box>
  );
}
