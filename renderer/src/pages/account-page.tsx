// The signed-in person's own page: who they are, Change password, where they are signed in, and Sign out.
// Non-admins land here.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { SessionInfo } from '../../../common/contract.ts';
import { ChangePasswordForm } from '../components/change-password-form.tsx';
import { OwnSessions } from '../components/own-sessions.tsx';
import { fullName, roleLabel } from '../format.ts';

export function AccountPage({ session, onSignOut }: { session: SessionInfo; onSignOut: () => void }) {
  const facts: [string, string][] = [
    ['Name', fullName(session)],
    ['Email', session.email],
    ['Role', roleLabel(session.role)],
  ];
  return (
    <Box component="main" sx={{ p: 3, maxWidth: 640, mx: 'auto' }}>
      <Typography variant="h5" component="h1" gutterBottom>
        Account
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 }}>
          {facts.map(([term, value]) => (
            <Box key={term} sx={{ display: 'contents' }}>
              <Typography component="dt" color="text.secondary">
                {term}
              </Typography>
              <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }} data-testid={`account-${term.toLowerCase()}`}>
                {value}
              </Typography>
            </Box>
          ))}
        </Box>
        <Divider sx={{ my: 3 }} />
        <Typography variant="h6" component="h2">
          Change password
        </Typography>
        <ChangePasswordForm />
        <Divider sx={{ my: 3 }} />
        <OwnSessions />
        <Divider sx={{ my: 3 }} />
        <Button variant="outlined" onClick={onSignOut}>
          Sign out
        </Button>
      </Paper>
    </Box>
  );
}
