// Under the Activity table: how many entries match, entries per page, the page number, first/previous/next/last.
import FirstPageIcon from '@mui/icons-material/FirstPage';
import KeyboardArrowLeft from '@mui/icons-material/KeyboardArrowLeft';
import KeyboardArrowRight from '@mui/icons-material/KeyboardArrowRight';
import LastPageIcon from '@mui/icons-material/LastPage';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { PAGE_SIZES } from '../../../common/rules.ts';
import type { ActivityList, PageSize } from './use-activity-list.ts';

const entriesFound = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'entry' : 'entries'}`;

export function ActivityPagination({ list }: { list: ActivityList }) {
  const { page, total, pageSize } = list;
  const pages = total === null ? null : Math.max(1, Math.ceil(total / pageSize));
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', px: 2, py: 1, flexWrap: 'wrap', borderTop: 1, borderColor: 'divider' }}>
      <Typography variant="body2" role="status" sx={{ flexGrow: 1 }} data-testid="activity-count">
        {total === null ? 'Counting…' : entriesFound(total)}
      </Typography>
      <TextField
        select
        label="Entries per page"
        size="small"
        margin="none"
        fullWidth={false}
        value={pageSize}
        onChange={(e) => list.actions.setPageSize(Number(e.target.value) as PageSize)}
        sx={{ width: 140 }}
      >
        {PAGE_SIZES.map((n) => (
          <MenuItem key={n} value={n}>
            {n}
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2" data-testid="activity-page-number" sx={{ minWidth: 96, textAlign: 'center' }}>
        Page {(page?.pageIndex ?? 0) + 1}
        {pages !== null && ` of ${pages.toLocaleString()}`}
      </Typography>
      <div>
        <IconButton aria-label="Newest entries" onClick={list.actions.first} disabled={!page?.hasPrevious}>
          <FirstPageIcon />
        </IconButton>
        <IconButton aria-label="Newer entries" onClick={list.actions.previous} disabled={!page?.hasPrevious}>
          <KeyboardArrowLeft />
        </IconButton>
        <IconButton aria-label="Older entries" onClick={list.actions.next} disabled={!page?.hasNext}>
          <KeyboardArrowRight />
        </IconButton>
        <IconButton aria-label="Oldest entries" onClick={list.actions.last} disabled={!page?.hasNext}>
          <LastPageIcon />
        </IconButton>
      </div>
    </Stack>
  );
}
