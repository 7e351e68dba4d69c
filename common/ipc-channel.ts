// The IPC channel each contract method travels on in Electron; shared by main's registration and the preload.
import type { MethodName } from './method-names.ts';

export const IPC_CHANNEL_PREFIX = 'roster:';

export const ipcChannel = (method: MethodName): string => `${IPC_CHANNEL_PREFIX}${method}`;
