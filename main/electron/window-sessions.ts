// Each Roster window has its own session slot (who is signed in there), keyed by its webContents id and
// forgotten when the window closes, so a new window starts signed out.
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

  forget(webContentsId: number): void {
    this.slots.delete(webContentsId);
  }
}
