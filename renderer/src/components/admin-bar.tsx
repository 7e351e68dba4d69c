// The Admin Panel's menu bar: People, Activity, Email, Backups and Policies.
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { ShellView } from './top-bar.tsx';

export function AdminBar({ view, go }: { view: ShellView; go: (v: ShellView) => void }) {
  return (
    <Tabs value={view === 'account' ? 'people' : view} onChange={(_, v: ShellView) => go(v)} aria-label="Admin Panel" sx={{ px: 2, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <Tab label="People" value="people" />
      <Tab label="Activity" value="activity" />
      <Tab label="Email" value="email" />
      <Tab label="Backups" value="backups" />
      <Tab label="Policies" value="policies" />
    </Tabs>
  );
}
