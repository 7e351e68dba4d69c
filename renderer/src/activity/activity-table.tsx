// The Activity table: when (local time, how long ago beside it, UTC on hover), what happened in words with what
// changed, who acted and whom it concerned.
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ActivityEntry, ActivityPerson } from '../../../common/activity.ts';
import { describeEntry } from '../../../common/activity-wording.ts';
import { formatPreciseTime } from '../format.ts';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function timeAgo(iso: string, now = Date.now()): string {
  const diff = Date.parse(iso) - now;
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  return 'just now';
}

function Who({ person }: { person: ActivityPerson | null }) {
  if (!person) return <Typography variant="body2" color="text.secondary">—</Typography>;
  return (
    <>
      <Typography variant="body2">{person.name}</Typography>
      <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        {person.email}
      </Typography>
    </>
  );
}

function Entry({ entry, now }: { entry: ActivityEntry; now: number }) {
  const { sentence, changes } = describeEntry(entry);
  return (
    <TableRow>
      <TableCell title={`${entry.at} (UTC)`}>
        <Typography variant="body2">{formatPreciseTime(entry.at)}</Typography>
        <Typography variant="caption" color="text.secondary">
          {timeAgo(entry.at, now)}
        </Typography>
      </TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>
        <Typography variant="body2">{sentence}</Typography>
        {changes.length > 0 && (
          <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }} aria-label="Changes">
            {changes.map((c) => (
              <Typography component="li" variant="caption" key={c.label} sx={{ display: 'list-item' }}>
                {c.label}: {c.from ? <>{c.from} → {c.to}</> : c.to}
              </Typography>
            ))}
          </Box>
        )}
      </TableCell>
      <TableCell>
        <Who person={entry.actor} />
      </TableCell>
      <TableCell>
        <Who person={entry.target} />
      </TableCell>
    </TableRow>
  );
}

export function ActivityTable({ entries }: { entries: ActivityEntry[] }) {
  const now = Date.now();
  return (
    <Table aria-label="Activity" size="small" sx={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '18%', fontWeight: 600 }}>When</TableCell>
          <TableCell sx={{ fontWeight: 600 }}>What happened</TableCell>
          <TableCell sx={{ width: '18%', fontWeight: 600 }}>Who</TableCell>
          <TableCell sx={{ width: '18%', fontWeight: 600 }}>Concerning</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((e) => (
          <Entry key={e.id} entry={e} now={now} />
        ))}
      </TableBody>
    </Table>
  );
}
