// Each Roster window has its own session slot (who is signed in there), keyed by its webContents id and
// forgotten when the window closes, so a new window starts signed out.
import type { Dispatch } from '../core/api/dispatcher.ts';
import { MemorySessionSlot, type SessionSlot } from '../core/api/session-slot.ts';

export class WindowSessions {
  private readonly slots = new Map<number, MemorySessionSlot>();

  /** Starts tracking a window Roster created; only tracked windows may call main. */
  add(webContentsId: number): void {
    if (!this.slots.has(webContentsId)) this.slots.set(webContentsId, new MemorySessionSlot());
  }

  has(webContentsId: number): boolean {
    return this.slots.has(webContentsId);
  }

  slotFor(webContentsId: number): SessionSlot | undefined {
    return this.slots.get(webContentsId);
  }

  /** A window closed: end its sign-in (so the session cannot be reused) and stop serving its id. */
  async close(webContentsId: number, dispatch: Dispatch): Promise<void> {
    const slot = this.slots.get(webContentsId);
    this.slots.delete(webContentsId);
    if (slot?.get()) await dispatch('signOut', {}, slot);
  }
}
