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
import { memo, useCallback, useState } from 'react';
import type { Person, SessionInfo, Tab as TabName } from '../../../common/contract.ts';
import type { TabCounts } from '../people-loader.ts';
import { SEARCH_MAX_LENGTH } from '../../../common/rules.ts';
import { PeoplePagination } from '../components/people-pagination.tsx';
import { PeopleTable } from '../components/people-table.tsx';
import type { PersonAction } from '../components/person-actions-menu.tsx';
import { AddPersonDialog } from '../dialogs/add-person-dialog.tsx';
import { PersonConfirmDialog } from '../dialogs/person-confirm-dialog.tsx';
import { EditDetailsDialog } from '../dialogs/edit-details-dialog.tsx';
import { ResendInviteDialog } from '../dialogs/resend-invite-dialog.tsx';
import { ResetPasswordDialog } from '../dialogs/reset-password-dialog.tsx';
import { INITIAL_VIEW, usePeopleList } from '../hooks/use-people-list.ts';

type OpenDialog = { kind: 'add' } | { kind: PersonAction; person: Person } | null;

const NO_ROWS: Person[] = [];

export function PeoplePage(_props: { session: SessionInfo }) {
  const list = usePeopleList();
  const { actions, shown } = list;
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = useCallback(() => setDialog(null), []);
  const openAction = useCallback((kind: PersonAction, person: Person) => setDialog({ kind, person }), []);
  const openAdd = useCallback(() => setDialog({ kind: 'add' }), []);
  const rows = shown?.page.rows ?? NO_ROWS;

  return (
    <Box component="main" sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <PeopleHeading onAdd={openAdd} />
      <Paper variant="outlined">
        <Stack direction="row" sx={{ alignItems: 'center', px: 2, gap: 2, flexWrap: 'wrap', borderBottom: 1, borderColor: 'divider' }}>
          <PeopleTabs tab={list.view.tab} counts={list.tabCounts} setTab={actions.setTab} />
          <SearchField setSearch={actions.setSearch} />
        </Stack>
        <Box sx={{ height: 4 }}>{list.loading && <LinearProgress aria-label="Loading people" />}</Box>
        {list.error && (
          <Alert severity="error" sx={{ m: 2 }}>
            {list.error}
          </Alert>
        )}
        <PeopleTable rows={rows} sort={list.view.sort} direction={list.view.direction} onSort={actions.sortBy} onAction={openAction} onChanged={actions.refresh} />
        {shown && rows.length === 0 && (
          <Typography sx={{ p: 4, textAlign: 'center' }} color="text.secondary">
            {shown.view.query ? `No one matches “${shown.view.query}”` : shown.view.tab === 'deactivated' ? 'No deactivated people' : 'No one here yet'}
          </Typography>
        )}
        <PeoplePagination
          page={shown?.page ?? null}
          shownPageSize={shown?.view.pageSize ?? list.view.pageSize}
          initialPageSize={INITIAL_VIEW.pageSize}
          total={list.total}
          actions={actions}
        />
      </Paper>

      {dialog?.kind === 'add' && <AddPersonDialog onClose={close} onAdded={actions.refresh} />}
      {dialog && dialog.kind !== 'add' && <ActionDialog kind={dialog.kind} person={dialog.person} onClose={close} onSettled={actions.refresh} />}
    </Box>
  );
}

// The parts above the table, each drawn again only when what it shows changes (not with every page of rows).

const PeopleHeading = memo(function PeopleHeading({ onAdd }: { onAdd: () => void }) {
  return (
    <Stack direction="row" sx={{ alignItems: 'center', mb: 2 }}>
      <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
        People
      </Typography>
      <Button variant="contained" startIcon={<AddIcon />} onClick={onAdd}>
        Add person
      </Button>
    </Stack>
  );
});

const tabLabel = (label: string, count: number | undefined) => (count === undefined ? label : `${label} (${count})`);

const PeopleTabs = memo(function PeopleTabs({ tab, counts, setTab }: { tab: TabName; counts: TabCounts | null; setTab: (t: TabName) => void }) {
  return (
    <Tabs value={tab} onChange={(_, t: TabName) => setTab(t)} aria-label="Account status" sx={{ flexGrow: 1 }}>
      {/* No ripple on a click (as on the page buttons): it delayed the request; the keyboard focus ripple stays. */}
      <Tab value="active" label={tabLabel('Active', counts?.active)} disableTouchRipple />
      <Tab value="deactivated" label={tabLabel('Deactivated', counts?.deactivated)} disableTouchRipple />
    </Tabs>
  );
});

/** Uncontrolled: the box keeps what is typed, so a keystroke sends the search without re-drawing the box. */
const SearchField = memo(function SearchField({ setSearch }: { setSearch: (text: string) => void }) {
  return (
    <TextField
      label="Search people"
      type="search"
      size="small"
      margin="dense"
      fullWidth={false}
      defaultValue=""
      onChange={(e) => setSearch(e.target.value)}
      slotProps={{
        htmlInput: { maxLength: SEARCH_MAX_LENGTH },
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
  );
});

function ActionDialog({ kind, ...props }: { kind: PersonAction; person: Person; onClose: () => void; onSettled: () => void }) {
  switch (kind) {
    case 'edit':
      return <EditDetailsDialog {...props} />;
    case 'reset':
      return <ResetPasswordDialog {...props} />;
    case 'deactivate':
    case 'reactivate':
    case 'revokeInvite':
      return <PersonConfirmDialog kind={kind} {...props} />;
    case 'resendInvite':
      return <ResendInviteDialog {...props} />;
  }
}
