// The top bar: product name on the left, the profile dropdown (Admin Panel for admins, Account, Sign out) on the right.
import AppBar from '@mui/material/AppBar';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { SessionInfo } from '../../../common/contract.ts';

export type ShellView = 'account' | 'people' | 'activity' | 'email' | 'backups' | 'policies';

export const initials = (s: Pick<SessionInfo, 'firstName' | 'lastName'>) =>
  `${s.firstName.charAt(0)}${s.lastName.charAt(0)}`.toUpperCase();

export function TopBar({ session, go, onSignOut }: { session: SessionInfo; go: (v: ShellView) => void; onSignOut: () => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const close = () => setAnchor(null);
  return (
    <AppBar position="static" color="default" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
      <Toolbar>
        <Typography variant="h6" component="div" sx={{ fontWeight: 700, flexGrow: 1 }}>
          Roster
        </Typography>
        <Button
          id="profile-button"
          aria-label={`Profile menu for ${session.firstName} ${session.lastName}`}
          aria-haspopup="menu"
          aria-controls={anchor ? 'profile-menu' : undefined}
          aria-expanded={anchor ? 'true' : undefined}
          onClick={(e) => setAnchor(e.currentTarget)}
          startIcon={<Avatar sx={{ width: 32, height: 32, fontSize: 12, fontWeight: 600, letterSpacing: 0, bgcolor: 'primary.main' }}>{initials(session)}</Avatar>}
          color="inherit"
          sx={{ textTransform: 'none' }}
        >
          {session.firstName} {session.lastName}
        </Button>
        <Menu id="profile-menu" anchorEl={anchor} open={!!anchor} onClose={close} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
          <Box sx={{ px: 2, py: 1 }}>
            <ListItemText primary={`${session.firstName} ${session.lastName}`} secondary={session.email} />
          </Box>
          <Divider />
          {session.role === 'admin' && (
            <MenuItem onClick={() => { close(); go('people'); }}>Admin Panel</MenuItem>
          )}
          <MenuItem onClick={() => { close(); go('account'); }}>Account</MenuItem>
          <MenuItem onClick={() => { close(); onSignOut(); }}>Sign out</MenuItem>
        </Menu>
      </Toolbar>
    </AppBar>
  );
}
