// The list of backups: when, what kind, how big, how many people, and what the integrity check said.
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlined';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { BackupEntry, BackupKind } from '../../../common/backups.ts';
import { formatDateTime, formatPreciseTime, formatSize } from '../format.ts';

const KIND_LABEL: Record<BackupKind, string> = { auto: 'Automatic', manual: 'Made by hand', 'before-restore': 'Saved before a restore' };

function Integrity({ entry }: { entry: BackupEntry }) {
  const [icon, text] =
    entry.integrity === 'ok'
      ? [<CheckCircleOutlineIcon key="i" color="success" fontSize="small" aria-hidden />, 'OK']
      : entry.integrity === 'damaged'
        ? [<ErrorOutlineIcon key="i" color="error" fontSize="small" aria-hidden />, 'Damaged']
        : [<HelpOutlineIcon key="i" color="action" fontSize="small" aria-hidden />, 'Not checked'];
  const detail = entry.integrityDetail ?? (entry.checkedAt ? `Checked ${formatDateTime(entry.checkedAt)}` : 'Verify runs the integrity check on this copy.');
  return (
    <Tooltip title={detail}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
        {icon}
        <Typography variant="body2">{text}</Typography>
      </Stack>
    </Tooltip>
  );
}

interface Props {
  backups: BackupEntry[];
  busy: boolean;
  onVerify: (b: BackupEntry) => void;
  onRestore: (b: BackupEntry) => void;
}

export function BackupsTable({ backups, busy, onVerify, onRestore }: Props) {
  if (backups.length === 0) return <Typography sx={{ p: 2 }} color="text.secondary">No backups yet.</Typography>;
  return (
    <Table size="small" aria-label="Backups">
      <TableHead>
        <TableRow>
          <TableCell>Taken</TableCell>
          <TableCell>Kind</TableCell>
          <TableCell align="right">Size</TableCell>
          <TableCell align="right">People</TableCell>
          <TableCell>Integrity</TableCell>
          <TableCell align="right">Actions</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {backups.map((b) => {
          const when = formatPreciseTime(b.takenAt);
          return (
            <TableRow key={b.path} hover>
              <TableCell>
                <Tooltip title={b.path}>
                  <span>{when}</span>
                </Tooltip>
              </TableCell>
              <TableCell>{KIND_LABEL[b.kind]}</TableCell>
              <TableCell align="right">{formatSize(b.sizeBytes)}</TableCell>
              <TableCell align="right">{b.people === null ? '—' : b.people.toLocaleString()}</TableCell>
              <TableCell>
                <Integrity entry={b} />
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                <Button size="small" onClick={() => onVerify(b)} disabled={busy} aria-label={`Verify the backup of ${when}`}>
                  Verify
                </Button>
                <Button size="small" onClick={() => onRestore(b)} disabled={busy} aria-label={`Restore the backup of ${when}`}>
                  Restore…
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
