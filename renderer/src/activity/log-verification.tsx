// Whether the log can be trusted: "Log verified" with what was checked, or the first entry where the chain breaks,
// or what is wrong with the head record kept outside the database. Checked when the page first opens; again on demand.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { useCallback, useEffect, useState } from 'react';
import type { LogVerification as Verdict } from '../../../common/activity.ts';
import { call } from '../api.ts';
import { formatPreciseTime } from '../format.ts';

export function describeVerdict(v: Verdict): { severity: 'success' | 'warning' | 'error'; title: string; detail: string } {
  const checked = `${v.entries.toLocaleString()} ${v.entries === 1 ? 'entry' : 'entries'} checked ${formatPreciseTime(v.checkedAt)}`;
  if (v.brokenAt) return { severity: 'error', title: `The log's chain breaks at entry ${v.brokenAt.id}`, detail: `${v.brokenAt.reason} Entries from there on cannot be trusted.` };
  if (v.anchor.state === 'mismatch') return { severity: 'error', title: 'The log does not match its head record', detail: `${v.anchor.detail} (${checked}.)` };
  const head = v.head ? ` Newest entry ${v.head.id}, hash ${v.head.hash.slice(0, 16)}…` : '';
  if (v.anchor.state === 'missing') return { severity: 'warning', title: 'Chain intact, no head record', detail: `${checked}. ${v.anchor.detail ?? ''} Roster starts a new one at its next start.${head}` };
  return { severity: 'success', title: 'Log verified', detail: `${checked}: the chain is intact and matches the head record kept outside the database.${head}` };
}

export function LogVerification() {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const check = useCallback(async (recheck: boolean) => {
    setChecking(true);
    try {
      setVerdict(await call('verifyActivityLog', { recheck }));
      setFailure(null);
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setChecking(false);
    }
  }, []);
  // Checking starts when the page opens: its "Checking…" state is set by the check itself.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
  useEffect(() => void check(false), [check]);

  const again = (
    <Button color="inherit" size="small" onClick={() => void check(true)} disabled={checking}>
      Check again
    </Button>
  );
  if (failure) return <Alert severity="error" action={again} sx={{ mb: 2 }}>The log could not be checked: {failure}</Alert>;
  if (!verdict) {
    return (
      <Alert severity="info" icon={<CircularProgress size={18} aria-label="Checking the log" />} sx={{ mb: 2 }} data-testid="log-verification">
        Checking the log's hash chain…
      </Alert>
    );
  }
  const { severity, title, detail } = describeVerdict(verdict);
  return (
    <Alert severity={severity} action={again} sx={{ mb: 2 }} data-testid="log-verification">
      <strong>{checking ? 'Checking again…' : title}</strong> {detail}
    </Alert>
  );
}
