// Admin Panel → Activity: every entry of the audit log in words, newest first, through filters that combine; whether
// the log is intact; and an export of what the filters show.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SessionInfo } from '../../../common/contract.ts';
import { ActivityFiltersBar } from './activity-filters.tsx';
import { ActivityPagination } from './activity-pagination.tsx';
import { ActivityTable } from './activity-table.tsx';
import { ExportButton } from './export-button.tsx';
import { LogVerification } from './log-verification.tsx';
import { NO_FILTERS, useActivityList, type FirstPageCall, type PersonChoice } from './use-activity-list.ts';

export function ActivityPage({ person, firstPage }: { session: SessionInfo; person: PersonChoice | null; firstPage: FirstPageCall | null }) {
  const list = useActivityList({ ...NO_FILTERS, person }, firstPage);
  const entries = list.page?.entries ?? [];
  return (
    <Box component="main" sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Activity
        </Typography>
        <ExportButton filters={list.filters} />
      </Stack>
      <LogVerification />
      <Paper variant="outlined">
        <ActivityFiltersBar filters={list.filters} onChange={list.actions.setFilters} />
        <Box sx={{ height: 4 }}>{list.loading && <LinearProgress aria-label="Loading activity" />}</Box>
        {list.error && (
          <Alert severity="error" sx={{ m: 2 }}>
            {list.error}
          </Alert>
        )}
        <ActivityTable entries={entries} />
        {list.page && entries.length === 0 && (
          <Typography sx={{ p: 4, textAlign: 'center' }} color="text.secondary">
            No activity matches these filters
          </Typography>
        )}
        <ActivityPagination list={list} />
      </Paper>
    </Box>
  );
}
