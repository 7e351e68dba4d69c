// The per-tab keys browser mode hands out for a spent launch ticket. The tab keeps its key in sessionStorage
// (scoped to the tab and to this origin, port included) and sends it with every API call; the session token
// never leaves this process: it sits in the key's slot here, so nothing the browser stores can be replayed
// without the key.
import { createHash, randomBytes } from 'node:crypto';
import { MemorySessionSlot, type SessionSlot } from '../core/api/session-slot.ts';

const digest = (key: string) => createHash('sha256').update(key).digest('base64url');

export class BridgeKeys {
  // Looked up by hash: a Map's timing then says nothing about any real key.
  private readonly slots = new Map<string, MemorySessionSlot>();

  issue(): string {
    const key = randomBytes(32).toString('base64url');
    this.slots.set(digest(key), new MemorySessionSlot());
    return key;
  }

  slotFor(key: string): SessionSlot | undefined {
    return this.slots.get(digest(key));
  }

  has(key: string): boolean {
    return this.slots.has(digest(key));
  }
}
