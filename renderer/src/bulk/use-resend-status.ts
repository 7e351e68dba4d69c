// After Resend invites: how the new invites are going out, asked of main every 500 ms while emails are still queued
// (they go out one at a time in the background), then left as it ended.
import { useEffect, useState } from 'react';
import type { ResendStatus } from '../../../common/bulk.ts';
import { call } from '../api.ts';

const EVERY_MS = 500;

export function useResendStatus(first: ResendStatus): [ResendStatus, (s: ResendStatus) => void] {
  const [status, setStatus] = useState(first);
  const sending = status.byEmail && status.pending > 0;
  useEffect(() => {
    if (!sending) return;
    let stopped = false;
    const timer = setInterval(() => {
      void call('resendInvitesStatus', { batchId: first.batchId }).then(
        (s) => !stopped && setStatus(s),
        () => {}, // asked again at the next tick; main keeps sending whatever happens here
      );
    }, EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [sending, first.batchId]);
  return [status, setStatus];
}
