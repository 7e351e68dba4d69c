// The Admin Panel's menu bar: People, Email and Backups.
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { ShellView } from './top-bar.tsx';

export function AdminBar({ view, go }: { view: ShellView; go: (v: ShellView) => void }) {
  return (
    <Tabs value={view === 'email' || view === 'backups' ? view : 'people'} onChange={(_, v: ShellView) => go(v)} aria-label="Admin Panel" sx={{ px: 2, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <Tab label="People" value="people" />
      <Tab label="Email" value="email" />
      <Tab label="Backups" value="backups" />
    </Tabs>
  );
}
