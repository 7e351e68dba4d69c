// The People admin: Active/Deactivated tabs, search, sortable table, paging, and the dialogs for each action.
import AddIcon from '@mui/icons-material/Add';
import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Person, SessionInfo, Tab as TabName } from '../../../common/contract.ts';
import { PeoplePagination } from '../components/people-pagination.tsx';
import { PeopleTable } from '../components/people-table.tsx';
import type { PersonAction } from '../components/person-actions-menu.tsx';
import { AddPersonDialog } from '../dialogs/add-person-dialog.tsx';
import { DeactivateDialog } from '../dialogs/deactivate-dialog.tsx';
import { EditDetailsDialog } from '../dialogs/edit-details-dialog.tsx';
import { ReactivateDialog } from '../dialogs/reactivate-dialog.tsx';
import { ResendInviteDialog } from '../dialogs/resend-invite-dialog.tsx';
import { ResetPasswordDialog } from '../dialogs/reset-password-dialog.tsx';
import { RevokeInviteDialog } from '../dialogs/revoke-invite-dialog.tsx';
import { usePeopleList } from '../hooks/use-people-list.ts';

type DialogAction = Exclude<PersonAction, 'viewActivity'>;
type OpenDialog = { kind: 'add' } | { kind: DialogAction; person: Person } | null;

const tabLabel = (label: string, count: number | undefined) => (count === undefined ? label : `${label} (${count})`);

export function PeoplePage({ onViewActivity }: { session: SessionInfo; onViewActivity: (person: Person) => void }) {
  const list = usePeopleList();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  const rows = list.page?.rows ?? [];

  return (
    <Box component="main" sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          People
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'add' })}>
          Add person
        </Button>
      </Stack>
      <Paper variant="outlined">
        <Stack direction="row" sx={{ alignItems: 'center', px: 2, gap: 2, flexWrap: 'wrap', borderBottom: 1, borderColor: 'divider' }}>
          <Tabs value={list.tab} onChange={(_, t: TabName) => list.setTab(t)} aria-label="Account status" sx={{ flexGrow: 1 }}>
            <Tab value="active" label={tabLabel('Active', list.tabCounts?.active)} />
            <Tab value="deactivated" label={tabLabel('Deactivated', list.tabCounts?.deactivated)} />
          </Tabs>
          <TextField
            label="Search people"
            type="search"
            size="small"
            margin="dense"
            fullWidth={false}
            value={list.search}
            onChange={(e) => list.setSearch(e.target.value)}
            slotProps={{
              htmlInput: { maxLength: 200 },
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchIcon fontSize="small" />
                  </InputAdornment>
                ),
              },
            }}
            sx={{ width: 280 }}
          />
        </Stack>
        <Box sx={{ height: 4 }}>{list.loading && <LinearProgress aria-label="Loading people" />}</Box>
        {list.error && (
          <Alert severity="error" sx={{ m: 2 }}>
            {list.error}
          </Alert>
        )}
        <PeopleTable
          rows={rows}
          sort={list.sort}
          direction={list.direction}
          onSort={list.sortBy}
          onAction={(kind, person) => (kind === 'viewActivity' ? onViewActivity(person) : setDialog({ kind, person }))}
          onChanged={list.refresh}
        />
        {list.page && rows.length === 0 && (
          <Typography sx={{ p: 4, textAlign: 'center' }} color="text.secondary">
            {list.query ? `No one matches “${list.query}”` : list.tab === 'deactivated' ? 'No deactivated people' : 'No one here yet'}
          </Typography>
        )}
        <PeoplePagination list={list} />
      </Paper>

      {dialog?.kind === 'add' && <AddPersonDialog onClose={close} onAdded={list.refresh} />}
      {dialog && dialog.kind !== 'add' && <ActionDialog kind={dialog.kind} person={dialog.person} onClose={close} onSettled={list.refresh} />}
    </Box>
  );
}

function ActionDialog({ kind, ...props }: { kind: DialogAction; person: Person; onClose: () => void; onSettled: () => void }) {
  switch (kind) {
    case 'edit':
      return <EditDetailsDialog {...props} />;
    case 'reset':
      return <ResetPasswordDialog {...props} />;
    case 'deactivate':
      return <DeactivateDialog {...props} />;
    case 'reactivate':
      return <ReactivateDialog {...props} />;
    case 'resendInvite':
      return <ResendInviteDialog {...props} />;
    case 'revokeInvite':
      return <RevokeInviteDialog {...props} />;
  }
}
