// Export CSV of what the filters show, through the one Export CSV button every list uses.
import { useCallback } from 'react';
import { call } from '../api.ts';
import { ExportCsvButton } from '../components/export-csv-button.tsx';
import { filterInput, type ActivityFilters } from './use-activity-list.ts';

export function ExportButton({ filters }: { filters: ActivityFilters }) {
  const run = useCallback(() => call('exportActivity', filterInput(filters)), [filters]);
  return <ExportCsvButton run={run} noun="entries" />;
}
