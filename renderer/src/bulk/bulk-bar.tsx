// The bar above the People table while people are ticked: how many, "Select all N matching" (the whole view, even
// 1,000,000 people, sent to main as the view itself), the actions for this tab, and Export CSV of the selection.
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import { BULK_ACTIONS, type BulkAction } from '../../../common/bulk.ts';
import type { Tab } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { ExportCsvButton } from '../components/export-csv-button.tsx';
import { BULK_WORDS, count } from './bulk-wording.ts';
import { selectedCount, toInput, type PeopleSelection } from './selection.ts';

interface Props {
  selection: PeopleSelection;
  tab: Tab;
  /** The view's total, once counted: offered as "Select all N matching" while only some are ticked. */
  total: number | null;
  /** Every row on the page is ticked (the moment to offer the whole view). */
  pageTicked: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onAction: (action: BulkAction) => void;
}

export const BulkBar = memo(function BulkBar({ selection, tab, total, pageTicked, onSelectAll, onClear, onAction }: Props) {
  const n = selectedCount(selection);
  const offerAll = selection.kind === 'ids' && pageTicked && total !== null && total > n;
  const exportSelection = () => {
    const input = toInput(selection);
    if (!input) throw new Error('Select someone first.');
    return call('exportSelectedPeople', { selection: input });
  };
  return (
    <Stack
      direction="row"
      component="section"
      aria-label="Selected people"
      sx={{ alignItems: 'center', gap: 1, px: 2, py: 1, flexWrap: 'wrap', bgcolor: 'action.selected', borderBottom: 1, borderColor: 'divider' }}
    >
      <Typography role="status" sx={{ fontWeight: 600, mr: 1 }}>
        {selection.kind === 'all' && selection.except.size === 0 ? `All ${count(n)} selected` : `${count(n)} selected`}
      </Typography>
      {offerAll && (
        <Button size="small" onClick={onSelectAll}>
          Select all {count(total)} matching
        </Button>
      )}
      <Button size="small" onClick={onClear}>
        Clear selection
      </Button>
      <Stack direction="row" sx={{ gap: 1, ml: 'auto', flexWrap: 'wrap' }}>
        {BULK_ACTIONS.filter((a) => BULK_WORDS[a].tabs.includes(tab)).map((a) => (
          // One colour for all: the confirmation marks the destructive ones (red on the bar's tint failed contrast).
          <Button key={a} size="small" variant="outlined" onClick={() => onAction(a)}>
            {BULK_WORDS[a].button}
          </Button>
        ))}
        <ExportCsvButton run={exportSelection} noun="people" />
      </Stack>
    </Stack>
  );
});
