// Step 3: every row with its verdict, a page at a time (a file may have a million), filtered by verdict.
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Stack from '@mui/material/Stack';
import { useEffect, useState } from 'react';
import { VERDICT_LABELS, type ImportPreview, type ImportRowsPage, type Verdict } from '../../../common/people-import.ts';
import { call } from '../api.ts';
import { VerdictSummary } from './verdict-summary.tsx';

const PAGE = 50;

export function RowsStep({ preview, onError }: { preview: ImportPreview; onError: (message: string) => void }) {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState<ImportRowsPage | null>(null);
  useEffect(() => {
    let live = true;
    call('importRows', { importId: preview.importId, verdict, offset: page * PAGE, limit: PAGE }).then(
      (r) => live && setRows(r),
      (err: unknown) => live && onError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [preview, verdict, page, onError]);
  const choose = (v: Verdict | null) => {
    setVerdict(v);
    setPage(0);
  };
  return (
    <Stack spacing={1}>
      <VerdictSummary counts={preview.counts} rows={preview.rows} selected={verdict} onSelect={choose} />
      <Table size="small" aria-label="Rows of the file">
        <TableHead>
          <TableRow>
            <TableCell>Line</TableCell>
            <TableCell>First name</TableCell>
            <TableCell>Last name</TableCell>
            <TableCell>Email</TableCell>
            <TableCell>Role</TableCell>
            <TableCell>Verdict</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows?.rows.map((r) => (
            <TableRow key={r.line}>
              <TableCell>{r.line}</TableCell>
              <TableCell>{r.firstName}</TableCell>
              <TableCell>{r.lastName}</TableCell>
              <TableCell sx={{ wordBreak: 'break-all' }}>{r.email}</TableCell>
              <TableCell>{r.role}</TableCell>
              <TableCell>
                {VERDICT_LABELS[r.verdict]}
                {r.reason && (
                  <>
                    <br />
                    <small>{r.reason}</small>
                  </>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={rows?.total ?? 0}
        page={page}
        rowsPerPage={PAGE}
        rowsPerPageOptions={[PAGE]}
        onPageChange={(_, p) => setPage(p)}
      />
    </Stack>
  );
}
