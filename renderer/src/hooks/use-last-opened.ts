// A shared menu closes with a fade: while it fades it must keep showing (and stay anchored to) the row it was
// open for, though that row's "open" value is already null.
import { useState } from 'react';

export function useLastOpened<T>(open: T | null): T | null {
  const [last, setLast] = useState(open);
  if (open !== null && open !== last) {
    setLast(open); // adjusting state while rendering: React re-renders at once, before anything is drawn
    return open;
  }
  return last;
}
