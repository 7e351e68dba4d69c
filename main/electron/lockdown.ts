// Locks a window's web contents and the session down: no navigation away from app://roster, no new windows,
// no <webview>, and every permission (camera, notifications, ...) refused. Roster needs none of them.
import type { Session, WebContents } from 'electron';
import { isTrustedAppUrl } from './app-origin.ts';

type Contents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

export function lockDownWebContents(contents: Contents): void {
  const refuseUnlessApp = (event: { preventDefault(): void }, url: string) => {
    if (!isTrustedAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseUnlessApp);
  contents.on('will-redirect', refuseUnlessApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function lockDownSession(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
