// Which Chromium the end-to-end tests drive: Debian's where installed, Playwright's own elsewhere.
import fs from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const chromiumLaunchOptions = fs.existsSync(DEBIAN_CHROMIUM)
  ? {
      executablePath: DEBIAN_CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    }
  : {};
