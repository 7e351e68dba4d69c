// The People admin: Active/Deactivated tabs, search, sortable table, paging, and the dialogs for each action.
import AddIcon from '@mui/icons-material/Add';
import SearchIcon from '@mui/icons-material/Search';
import UploadFileIcon from '@mui/icons-material/UploadFile';
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
import { lazy, memo, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { ExportOutcome } from '../../../common/activity.ts';
import type { Person, SessionInfo, Tab as TabName } from '../../../common/contract.ts';
import type { TabCounts } from '../people-loader.ts';
import { SEARCH_MAX_LENGTH } from '../../../common/rules.ts';
import { call } from '../api.ts';
import { ExportCsvButton } from '../components/export-csv-button.tsx';
import { PeoplePagination } from '../components/people-pagination.tsx';
import { PeopleTable } from '../components/people-table.tsx';
import type { PersonAction } from '../components/person-actions-menu.tsx';
import { AddPersonDialog } from '../dialogs/add-person-dialog.tsx';
import { PersonConfirmDialog } from '../dialogs/person-confirm-dialog.tsx';
import { EditDetailsDialog } from '../dialogs/edit-details-dialog.tsx';
import { ResendInviteDialog } from '../dialogs/resend-invite-dialog.tsx';
import { ResetPasswordDialog } from '../dialogs/reset-password-dialog.tsx';
import { INITIAL_VIEW, usePeopleList } from '../hooks/use-people-list.ts';
import { UNDO_OFFER_MS, type BulkAction, type BulkResult, type ResendStatus, type UndoResult } from '../../../common/bulk.ts';
import { BulkBar } from '../bulk/bulk-bar.tsx';
import { BulkDialog } from '../bulk/bulk-dialog.tsx';
import { resultMessage } from '../bulk/bulk-wording.ts';
import { pageState, toInput } from '../bulk/selection.ts';
import { ResendInvitesDialog, ResendNotice } from '../bulk/resend-invites-result.tsx';
import { UndoDialog } from '../bulk/undo-dialog.tsx';
import { usePeopleSelection } from '../bulk/use-people-selection.ts';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { PeopleFilterSelect } from '../people/people-filter-select.tsx';

// Loaded when first opened: the People page's own bundle (and its first paint) does not carry the import steps.
const ImportDialog = lazy(() => import('../import/import-dialog.tsx').then((m) => ({ default: m.ImportDialog })));

type DialogAction = Exclude<PersonAction, 'viewActivity'>;
type OpenDialog =
  | { kind: 'add' }
  | { kind: 'import' }
  | { kind: DialogAction; person: Person }
  | { kind: 'bulk'; action: BulkAction; selection: NonNullable<ReturnType<typeof toInput>> }
  | { kind: 'undo'; undoing: Promise<UndoResult> }
  | { kind: 'resend'; result: BulkResult; invites: ResendStatus; confirmed: number }
  | null;

const NO_ROWS: Person[] = [];

export function PeoplePage({ onViewActivity }: { session: SessionInfo; onViewActivity: (person: Person) => void }) {
  const list = usePeopleList();
  const { actions, shown } = list;
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = useCallback(() => setDialog(null), []);
  const openAction = useCallback(
    (kind: PersonAction, person: Person) => (kind === 'viewActivity' ? onViewActivity(person) : setDialog({ kind, person })),
    [onViewActivity],
  );
  const openAdd = useCallback(() => setDialog({ kind: 'add' }), []);
  const openImport = useCallback(() => setDialog({ kind: 'import' }), []);
  const rows = shown?.page.rows ?? NO_ROWS;
  const notify = useSnackbar();
  const { selection, actions: select } = usePeopleSelection(list.view);
  const openBulk = useCallback(
    (action: BulkAction) => {
      const input = toInput(selection);
      if (input) setDialog({ kind: 'bulk', action, selection: input });
    },
    [selection],
  );
  const bulkDone = useCallback(
    (result: BulkResult, confirmed: number) => {
      select.clear();
      // Resend invites: its own dialog follows, with the emails' progress or the codes to download once.
      if (result.invites) {
        setDialog({ kind: 'resend', result, invites: result.invites, confirmed });
        return;
      }
      setDialog(null);
      const { bulkId } = result;
      // Undo for 10 s: main reverts exactly whom this changed, if no one changed them since.
      notify(resultMessage(result, confirmed), 'success', bulkId === null ? undefined : { label: 'Undo', durationMs: UNDO_OFFER_MS, onClick: () => setDialog({ kind: 'undo', undoing: call('undoBulk', { bulkId }) }) });
    },
    [notify, select],
  );
  // A resend whose dialog was closed while its emails were still going out: counted above the list until done.
  const [sending, setSending] = useState<ResendStatus | null>(null);
  const resendClosed = useCallback((still: ResendStatus | null) => {
    setDialog(null);
    setSending(still);
  }, []);
  const stopFollowing = useCallback(() => setSending(null), []);
  const selectAll = useCallback(() => {
    if (shown && list.total !== null) select.selectAll(shown.view, list.total);
  }, [shown, list.total, select]);
  // Export writes the view on screen; read when the button is pressed, so the heading is not drawn again per keystroke.
  const onScreen = useRef(list.view);
  useEffect(() => {
    onScreen.current = shown?.view ?? list.view;
  });
  const exportView = useCallback(() => {
    const { tab, query, filter, sort, direction } = onScreen.current;
    return call('exportPeople', { tab, query, filter, sort, direction });
  }, []);

  return (
    <Box component="main" sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <PeopleHeading onAdd={openAdd} onImport={openImport} onExport={exportView} />
      <Paper variant="outlined">
        <Stack direction="row" sx={{ alignItems: 'center', px: 2, gap: 2, flexWrap: 'wrap', borderBottom: 1, borderColor: 'divider' }}>
          <PeopleTabs tab={list.view.tab} counts={list.tabCounts} setTab={actions.setTab} />
          <PeopleFilterSelect filter={list.view.filter} counts={list.filterCounts} setFilter={actions.setFilter} />
          <SearchField setSearch={actions.setSearch} />
        </Stack>
        <Box sx={{ height: 4 }}>{list.loading && <LinearProgress aria-label="Loading people" />}</Box>
        {list.error && (
          <Alert severity="error" sx={{ m: 2 }}>
            {list.error}
          </Alert>
        )}
        {sending && <ResendNotice key={sending.batchId} first={sending} onDismiss={stopFollowing} />}
        {selection.kind !== 'none' && (
          <BulkBar
            selection={selection}
            tab={list.view.tab}
            total={list.total}
            pageTicked={rows.length > 0 && pageState(selection, rows) === 'all'}
            onSelectAll={selectAll}
            onClear={select.clear}
            onAction={openBulk}
          />
        )}
        <PeopleTable
          rows={rows}
          sort={list.view.sort}
          direction={list.view.direction}
          onSort={actions.sortBy}
          onAction={openAction}
          onChanged={actions.refresh}
          selection={selection}
          onTick={select.tick}
        />
        {shown && rows.length === 0 && (
          <Typography sx={{ p: 4, textAlign: 'center' }} color="text.secondary">
            {shown.view.filter
              ? `No one here matches this filter${shown.view.query ? ` and “${shown.view.query}”` : ''}`
              : shown.view.query
                ? `No one matches “${shown.view.query}”`
                : shown.view.tab === 'deactivated'
                  ? 'No deactivated people'
                  : 'No one here yet'}
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
      {dialog?.kind === 'import' && (
        <Suspense fallback={null}>
          <ImportDialog onClose={close} onImported={actions.refresh} />
        </Suspense>
      )}
      {dialog?.kind === 'bulk' && <BulkDialog action={dialog.action} selection={dialog.selection} onClose={close} onDone={bulkDone} onSettled={actions.refresh} />}
      {dialog?.kind === 'resend' && <ResendInvitesDialog result={dialog.result} invites={dialog.invites} confirmed={dialog.confirmed} onClose={resendClosed} />}
      {dialog?.kind === 'undo' && <UndoDialog undoing={dialog.undoing} onClose={close} onSettled={actions.refresh} />}
      {dialog && 'person' in dialog && <ActionDialog kind={dialog.kind} person={dialog.person} onClose={close} onSettled={actions.refresh} />}
    </Box>
  );
}

// The parts above the table, each drawn again only when what it shows changes (not with every page of rows).

const PeopleHeading = memo(function PeopleHeading({ onAdd, onImport, onExport }: { onAdd: () => void; onImport: () => void; onExport: () => Promise<ExportOutcome> }) {
  return (
    <Stack direction="row" sx={{ alignItems: 'center', mb: 2, gap: 1 }}>
      <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
        People
      </Typography>
      <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={onImport}>
        Import CSV
      </Button>
      <ExportCsvButton run={onExport} noun="people" />
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

function ActionDialog({ kind, ...props }: { kind: DialogAction; person: Person; onClose: () => void; onSettled: () => void }) {
  switch (kind) {
    case 'edit':
      return <EditDetailsDialog {...props} />;
    case 'reset':
      return <ResetPasswordDialog {...props} />;
    case 'deactivate':
    case 'reactivate':
    case 'revokeInvite':
    case 'unlock':
    case 'signOutEverywhere':
      return <PersonConfirmDialog kind={kind} {...props} />;
    case 'resendInvite':
      return <ResendInviteDialog {...props} />;
  }
}
