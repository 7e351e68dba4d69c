// While a bulk action or its undo runs, how far it is: main is asked every 200 ms (the work is on its own worker,
// so main answers at once), and the dialog shows it.
import { useEffect, useState } from 'react';
import type { BulkProgress } from '../../../common/bulk.ts';
import { call } from '../api.ts';

const EVERY_MS = 200;

export function useBulkProgress(running: boolean): BulkProgress | null {
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const timer = setInterval(() => {
      void call('bulkProgress', {}).then(
        (p) => !stopped && setProgress(p),
        () => {}, // the next tick asks again; the action's own answer reports any failure
      );
    }, EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      setProgress(null);
    };
  }, [running]);
  return progress;
}
