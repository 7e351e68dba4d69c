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
import { PAGE_SIZES } from '../../../common/rules.ts';
import type { PeopleList, PageSize } from '../hooks/use-people-list.ts';

const peopleFound = (n: number) => `${n} ${n === 1 ? 'person' : 'people'} found`;

export function PeoplePagination({ list }: { list: PeopleList }) {
  const { page, total, pageSize } = list;
  const pages = total === null ? null : Math.max(1, Math.ceil(total / pageSize));
  const index = page?.pageIndex ?? 0;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', px: 2, py: 1, flexWrap: 'wrap', borderTop: 1, borderColor: 'divider' }}>
      <Typography variant="body2" role="status" sx={{ flexGrow: 1 }} data-testid="people-count">
        {total === null ? 'Counting…' : peopleFound(total)}
      </Typography>
      <TextField
        select
        label="Rows per page"
        size="small"
        margin="none"
        fullWidth={false}
        value={pageSize}
        onChange={(e) => list.setPageSize(Number(e.target.value) as PageSize)}
        sx={{ width: 130 }}
      >
        {PAGE_SIZES.map((n) => (
          <MenuItem key={n} value={n}>
            {n}
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2" data-testid="page-number" sx={{ minWidth: 96, textAlign: 'center' }}>
        Page {index + 1}
        {pages !== null && ` of ${pages}`}
      </Typography>
      <div>
        <IconButton aria-label="First page" onClick={list.first} disabled={!page?.hasPrevious}>
          <FirstPageIcon />
        </IconButton>
        <IconButton aria-label="Previous page" onClick={list.previous} disabled={!page?.hasPrevious}>
          <KeyboardArrowLeft />
        </IconButton>
        <IconButton aria-label="Next page" onClick={list.next} disabled={!page?.hasNext}>
          <KeyboardArrowRight />
        </IconButton>
        <IconButton aria-label="Last page" onClick={list.last} disabled={!page?.hasNext}>
          <LastPageIcon />
        </IconButton>
      </div>
    </Stack>
  );
}
