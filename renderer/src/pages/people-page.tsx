// The People list: every account, a page at a time, from main.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { PeoplePage as Page, SessionInfo } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { formatLastLogin } from '../format.ts';

export function PeoplePage(_props: { session: SessionInfo }) {
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('listPeople', { tab: 'active', pageSize: 25 }).then(setPage, (e: Error) => setError(e.message));
  }, []);
  return (
    <Box sx={{ p: 3 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        People
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      <TableContainer component={Paper} variant="outlined">
        <Table aria-label="People">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Email</TableCell>
              <TableCell>Role</TableCell>
              <TableCell>Last login</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page?.rows.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{p.firstName} {p.lastName}</TableCell>
                <TableCell>{p.email}</TableCell>
                <TableCell>{p.role === 'admin' ? 'Admin' : 'User'}</TableCell>
                <TableCell>{formatLastLogin(p.lastLoginAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
