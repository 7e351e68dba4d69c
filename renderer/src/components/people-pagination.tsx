// Under the People table: how many were found, rows per page, the page number, and first/previous/next/last.
import FirstPageIcon from '@mui/icons-material/FirstPage';
import KeyboardArrowLeft from '@mui/icons-material/KeyboardArrowLeft';
import KeyboardArrowRight from '@mui/icons-material/KeyboardArrowRight';
import LastPageIcon from '@mui/icons-material/LastPage';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { PeoplePage } from '../../../common/contract.ts';
import { PAGE_SIZES } from '../../../common/rules.ts';
import type { PageSize, PeopleListActions } from '../hooks/use-people-list.ts';
import { PAGE_MENU_PROPS } from './menu-options.ts';

/** How long the list may stay open after a choice when the rows are late (or did not come). */
const CLOSE_AT_THE_LATEST_MS = 300;

/**
 * Uncontrolled value (it keeps its own, as the search box does), so a choice re-draws it once rather than a second
 * time for the page's new state. After a choice the list stays open until the rows of that size are on screen
 * (at most CLOSE_AT_THE_LATEST_MS): closing it (its fade, the focus going back) ran while the request was in flight
 * and held up the answer. Escape, a click outside or choosing the same size close it at once.
 */
const RowsPerPage = memo(function RowsPerPage(props: { initial: PageSize; shown: PageSize; setPageSize: (size: PageSize) => void }) {
  const { initial, shown, setPageSize } = props;
  const [open, setOpen] = useState(false);
  const chosen = useRef<PageSize | null>(null);
  const choosing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const close = useCallback(() => {
    chosen.current = null;
    clearTimeout(timer.current);
    setOpen(false);
  }, []);
  useEffect(() => {
    if (chosen.current !== null && shown === chosen.current) close();
  }, [shown, close]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <TextField
      select
      label="Rows per page"
      size="small"
      margin="none"
      fullWidth={false}
      defaultValue={initial}
      onChange={(e) => {
        chosen.current = Number(e.target.value) as PageSize;
        setPageSize(chosen.current);
        timer.current = setTimeout(close, CLOSE_AT_THE_LATEST_MS);
        // MUI asks to close right after this, in the same event: that one request is let pass.
        choosing.current = true;
        queueMicrotask(() => (choosing.current = false));
      }}
      slotProps={{
        select: {
          open,
          onOpen: () => setOpen(true),
          onClose: () => !choosing.current && close(),
          MenuProps: PAGE_MENU_PROPS,
        },
      }}
      sx={{ width: 130 }}
    >
      {PAGE_SIZES.map((n) => (
        <MenuItem key={n} value={n} disableTouchRipple>
          {n}
        </MenuItem>
      ))}
    </TextField>
  );
});

/**
 * Re-drawn only when one of them turns on or off, not with every page. No ripple on a click (the keyboard focus
 * ripple stays): drawing it ran before the click itself and delayed the page's request by a few milliseconds.
 */
const PAGE_BUTTONS = [
  { label: 'First page', icon: <FirstPageIcon />, go: 'first', needs: 'hasPrevious' },
  { label: 'Previous page', icon: <KeyboardArrowLeft />, go: 'previous', needs: 'hasPrevious' },
  { label: 'Next page', icon: <KeyboardArrowRight />, go: 'next', needs: 'hasNext' },
  { label: 'Last page', icon: <LastPageIcon />, go: 'last', needs: 'hasNext' },
] as const;

const PageButtons = memo(function PageButtons(props: { hasPrevious: boolean; hasNext: boolean; actions: PeopleListActions }) {
  return (
    <div>
      {PAGE_BUTTONS.map((b) => (
        <IconButton key={b.go} aria-label={b.label} disableTouchRipple onClick={props.actions[b.go]} disabled={!props[b.needs]}>
          {b.icon}
        </IconButton>
      ))}
    </div>
  );
});

const peopleFound = (n: number) => `${n} ${n === 1 ? 'person' : 'people'} found`;

interface Props {
  /** The page on screen and the size it was fetched with. */
  page: PeoplePage | null;
  shownPageSize: PageSize;
  /** The size the list starts with; the rows-per-page box then keeps the admin's choice itself. */
  initialPageSize: PageSize;
  total: number | null;
  actions: PeopleListActions;
}

export const PeoplePagination = memo(function PeoplePagination({ page, shownPageSize, initialPageSize, total, actions }: Props) {
  const pages = total === null ? null : Math.max(1, Math.ceil(total / shownPageSize));
  const index = page?.pageIndex ?? 0;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', px: 2, py: 1, flexWrap: 'wrap', borderTop: 1, borderColor: 'divider' }}>
      <Typography variant="body2" role="status" sx={{ flexGrow: 1 }} data-testid="people-count">
        {total === null ? 'Counting…' : peopleFound(total)}
      </Typography>
      <RowsPerPage initial={initialPageSize} shown={shownPageSize} setPageSize={actions.setPageSize} />
      <Typography variant="body2" data-testid="page-number" sx={{ minWidth: 96, textAlign: 'center' }}>
        Page {index + 1}
        {pages !== null && ` of ${pages}`}
      </Typography>
      <PageButtons hasPrevious={!!page?.hasPrevious} hasNext={!!page?.hasNext} actions={actions} />
    </Stack>
  );
});
