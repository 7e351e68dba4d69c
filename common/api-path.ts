// The HTTP path each contract method travels on in browser mode; shared by the loopback server and the web preload
// (the browser-mode counterpart of ipc-channel.ts).
import type { MethodName } from './method-names.ts';

export const API_PATH_PREFIX = '/api/';

export const apiPath = (method: MethodName): string => `${API_PATH_PREFIX}${method}`;

const API_PATH = new RegExp(`^${API_PATH_PREFIX}([A-Za-z]{1,64})$`);

/** The method a request path names, when it has the shape of one (whether it exists is the dispatcher's call). */
export function methodInApiPath(pathname: string): string | null {
  return API_PATH.exec(pathname)?.[1] ?? null;
}

/** Browser mode only: a CSV file to import, sent as the request body (the API's JSON bodies are limited to 64 KiB). */
export const IMPORT_UPLOAD_PATH = '/upload/import';
/** The header carrying the chosen file's name (URI-encoded), for the dialog and the log. */
export const FILE_NAME_HEADER = 'x-file-name';
