// The Policies page's state: the idle policy's view from main, and the preview of whom it would deactivate now for
// the number of days typed (asked again a moment after the typing stops; an older answer never replaces a newer).
import { useCallback, useEffect, useState } from 'react';
import type { IdlePolicyPreview, IdlePolicyView } from '../../../common/idle-policy.ts';
import { call } from '../api.ts';

const PREVIEW_AFTER_MS = 300;

export function useIdlePolicy() {
  const [view, setView] = useState<IdlePolicyView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setView(await call('getIdlePolicy', {}));
      setLoadError(null);
    } catch (err) {
      setLoadError((err as Error).message);
    }
  }, []);
  useEffect(() => {
    // reload sets state only once main has answered, not synchronously in the effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
    void reload();
  }, [reload]);
  return { view, setView, loadError, reload };
}

/** Whom the policy would deactivate now with `days` (null: the typed value is not a valid number of days). */
export function useIdlePreview(days: number | null, refreshKey: number) {
  const [answer, setAnswer] = useState<{ days: number; preview: IdlePolicyPreview | null; error: string | null } | null>(null);
  useEffect(() => {
    if (days === null) return;
    let current = true;
    const timer = setTimeout(() => {
      call('previewIdlePolicy', { days }).then(
        (preview) => current && setAnswer({ days, preview, error: null }),
        (err: unknown) => current && setAnswer({ days, preview: null, error: (err as Error).message }),
      );
    }, PREVIEW_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [days, refreshKey]);
  // An answer for other days than those typed now is not shown (it would name the wrong people).
  const fresh = answer && answer.days === days ? answer : null;
  return { preview: fresh?.preview ?? null, error: fresh?.error ?? null };
}
