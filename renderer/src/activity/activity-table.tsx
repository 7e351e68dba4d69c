// The Activity table: when (local time, how long ago beside it, UTC on hover), what happened in words with what
// changed, who acted and whom it concerned.
import GlobalStyles from '@mui/material/GlobalStyles';
import type { Theme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { memo } from 'react';
import type { ActivityEntry, ActivityPerson } from '../../../common/activity.ts';
import { describeEntry, systemActor } from '../../../common/activity-wording.ts';
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

const TABLE_CLASS = 'activity-table';

/**
 * The table's look as one set of rules, written once: rows are plain elements with class names, so a new page of
 * entries computes no styles (a MUI TableCell and Typography per cell did, and that was most of a page's drawing
 * time; see the People table's people-table-styles.tsx). The values are MUI's small body cell, body2 and caption.
 */
const ActivityTableStyles = memo(function ActivityTableStyles() {
  return (
    <GlobalStyles
      styles={(theme: Theme) => {
        const border =
          theme.palette.mode === 'light'
            ? theme.lighten(theme.alpha(theme.palette.divider, 1), 0.88)
            : theme.darken(theme.alpha(theme.palette.divider, 1), 0.68);
        return {
          [`.${TABLE_CLASS}`]: {
            tableLayout: 'fixed',
            '& > tbody > tr > td': {
              ...theme.typography.body2,
              verticalAlign: 'top',
              borderBottom: `1px solid ${border}`,
              padding: '6px 16px',
              color: theme.palette.text.primary,
              overflowWrap: 'anywhere',
            },
            '& .activity-line': { margin: 0 },
            '& .activity-aside': { ...theme.typography.caption, display: 'block', color: theme.palette.text.secondary },
            '& .activity-changes': { ...theme.typography.caption, margin: '4px 0 0', paddingLeft: 20 },
          },
        };
      }}
    />
  );
});

function Who({ person, system }: { person: ActivityPerson | null; system?: string | null }) {
  if (!person) return system ? <p className="activity-line">{system}</p> : <span className="activity-aside">—</span>;
  return (
    <>
      <p className="activity-line">{person.name}</p>
      <span className="activity-aside">{person.email}</span>
    </>
  );
}

const Entry = memo(function Entry({ entry, now }: { entry: ActivityEntry; now: number }) {
  const { sentence, changes } = describeEntry(entry);
  return (
    <tr data-entry={entry.id}>
      <td title={`${entry.at} (UTC)`}>
        <p className="activity-line">{formatPreciseTime(entry.at)}</p>
        <span className="activity-aside">{timeAgo(entry.at, now)}</span>
      </td>
      <td>
        <p className="activity-line">{sentence}</p>
        {changes.length > 0 && (
          <ul className="activity-changes" aria-label="Changes">
            {changes.map((c) => (
              <li key={c.label}>
                {c.label}: {c.from ? <>{c.from} → {c.to}</> : c.to}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <Who person={entry.actor} system={systemActor(entry)} />
      </td>
      <td>
        <Who person={entry.target} />
      </td>
    </tr>
  );
});

export const ActivityTable = memo(function ActivityTable({ entries }: { entries: ActivityEntry[] }) {
  // "how long ago" is as of this drawing; a new page of entries draws again.
  // eslint-disable-next-line react-hooks/purity -- see above
  const now = Date.now();
  return (
    <>
      <ActivityTableStyles />
      <Table aria-label="Activity" size="small" className={TABLE_CLASS}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '18%', fontWeight: 600 }}>When</TableCell>
            <TableCell sx={{ fontWeight: 600 }}>What happened</TableCell>
            <TableCell sx={{ width: '18%', fontWeight: 600 }}>Who</TableCell>
            <TableCell sx={{ width: '18%', fontWeight: 600 }}>Concerning</TableCell>
          </TableRow>
        </TableHead>
        <tbody className="MuiTableBody-root">
          {entries.map((e) => (
            <Entry key={e.id} entry={e} now={now} />
          ))}
        </tbody>
      </Table>
    </>
  );
});
