// Limits "forgot password" requests so nobody can flood a mailbox or the mail server. Counted per typed address
// whether or not an account exists (so the limit itself reveals nothing), plus one cap for the whole app.
//
// "Source": both transports are local (an Electron window, or a browser tab holding this launch's key), and a
// new window or tab key is free to get, so a per-window count would be easy to dodge. The app-wide
// cap is the honest per-source limit for a single-machine app. The BI tool allowed 3/s per email and 50/h per source.
import { throttled } from '../auth/throttled.ts';

export const PER_ADDRESS_MIN_INTERVAL_MS = 30_000;
export const PER_ADDRESS_PER_HOUR = 5;
export const APP_WIDE_PER_HOUR = 50;
const HOUR = 60 * 60 * 1000;

export class ResetRequestThrottle {
  private readonly byAddress = new Map<string, number[]>();
  private appWide: number[] = [];

  /**
   * Records a request, or throws THROTTLED saying how long to wait (that limit is per typed address, so it says
   * nothing about anyone else). Returns false past the app-wide cap: nothing may be sent, but the caller answers
   * as usual, so a flood by someone else is never blamed on a real person.
   */
  take(address: string, now: number): boolean {
    const recent = (this.byAddress.get(address) ?? []).filter((t) => now - t < HOUR);
    this.appWide = this.appWide.filter((t) => now - t < HOUR);
    let waitMs = 0;
    const last = recent[recent.length - 1];
    if (last !== undefined && now - last < PER_ADDRESS_MIN_INTERVAL_MS) waitMs = PER_ADDRESS_MIN_INTERVAL_MS - (now - last);
    const first = recent[0];
    if (first !== undefined && recent.length >= PER_ADDRESS_PER_HOUR) waitMs = Math.max(waitMs, first + HOUR - now);
    if (waitMs > 0) throw throttled('Too many reset requests.', waitMs / 1000);
    recent.push(now);
    this.byAddress.set(address, recent);
    if (this.byAddress.size > 1000) this.forgetOld(now); // addresses from long ago need not stay in memory
    if (this.appWide.length >= APP_WIDE_PER_HOUR) return false;
    this.appWide.push(now);
    return true;
  }

  private forgetOld(now: number): void {
    for (const [address, times] of this.byAddress) if (times.every((t) => now - t >= HOUR)) this.byAddress.delete(address);
  }
}
