// Which URLs and IPC senders count as Roster itself inside Electron.
import { describe, expect, it } from 'vitest';
import { APP_START_URL, isTrustedAppUrl, isTrustedSender } from '../../../main/electron/app-origin.ts';

describe('isTrustedAppUrl', () => {
  it.each([
    ['app://roster/index.html', true],
    ['app://roster/', true],
    ['app://roster/assets/index-abc.js?x=1#top', true],
    [APP_START_URL, true],
    ['app://evil/index.html', false],
    ['app://roster.evil.example/index.html', false],
    ['app://ROSTER/index.html', false], // Chromium lower-cases standard hosts; anything else is not ours
    ['app://roster:8080/index.html', false],
    ['app://user:pw@roster/index.html', false],
    ['app:///roster/index.html', false],
    ['https://roster/index.html', false],
    ['http://127.0.0.1:4870/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['about:blank', false],
    ['data:text/html,<h1>hi</h1>', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isTrustedAppUrl(url)).toBe(expected);
  });

  it('refuses a missing URL', () => {
    expect(isTrustedAppUrl(undefined)).toBe(false);
    expect(isTrustedAppUrl(null)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const good = { frameUrl: 'app://roster/index.html', isMainFrame: true, isKnownWindow: true };

  it('serves the main frame of a Roster window showing app://roster', () => {
    expect(isTrustedSender(good)).toBe(true);
  });

  it.each([
    ['an iframe inside the window', { ...good, isMainFrame: false }],
    ['a window Roster did not create', { ...good, isKnownWindow: false }],
    ['a frame that navigated elsewhere', { ...good, frameUrl: 'https://evil.example/' }],
    ['another app:// host', { ...good, frameUrl: 'app://evil/index.html' }],
    ['a frame that is gone', { ...good, frameUrl: undefined }],
  ])('refuses %s', (_label, facts) => {
    expect(isTrustedSender(facts)).toBe(false);
  });
});
