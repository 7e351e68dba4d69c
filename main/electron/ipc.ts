// Registers every contract method on ipcMain through ONE wrapper: check the sender is Roster's own window,
// then hand the untouched payload to the dispatcher (which validates it) with that window's session slot.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../common/errors.ts';
import { ipcChannel } from '../../common/ipc-channel.ts';
import { METHOD_NAMES, type MethodName } from '../../common/method-names.ts';
import type { Dispatch } from '../core/api/dispatcher.ts';
import { isTrustedSender, type SenderFacts } from './app-origin.ts';
import type { WindowSessions } from './window-sessions.ts';

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: Dispatch;
  windows: WindowSessions;
}

export const FORBIDDEN_SENDER: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: "Refused: this request did not come from Roster's own window." },
};

/** What the sender check needs to know about an IPC event, read defensively (the frame may be gone). */
export function senderFacts(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, windows: WindowSessions): SenderFacts {
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  return {
    frameUrl: frame?.url,
    isMainFrame: !!frame && frame.parent === null && frame.processId === main.processId && frame.frameToken === main.frameToken,
    isKnownWindow: windows.has(event.sender.id),
  };
}

/** Registers all methods; returns the function that removes them again. */
export function registerIpc({ ipcMain, dispatch, windows }: IpcDeps): () => void {
  const serve = (method: MethodName) => async (event: IpcMainInvokeEvent, payload: unknown) => {
    const slot = windows.slotFor(event.sender.id);
    if (!slot || !isTrustedSender(senderFacts(event, windows))) return FORBIDDEN_SENDER;
    return dispatch(method, payload, slot);
  };
  for (const method of METHOD_NAMES) ipcMain.handle(ipcChannel(method), serve(method));
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(ipcChannel(method));
  };
}
