// Electron's preload: puts exactly the contract's methods on window.roster, each one an IPC call to main.
// Only names are imported (no zod, nothing from main): main validates every payload itself.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel } from '../common/ipc-channel.ts';
import { METHOD_NAMES } from '../common/method-names.ts';

// Each function forwards only its input; the renderer never gets ipcRenderer or a way to name a channel.
const api = Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]));

contextBridge.exposeInMainWorld('roster', api);
