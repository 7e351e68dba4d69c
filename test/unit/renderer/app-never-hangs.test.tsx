// @vitest-environment jsdom
// The app shell never hangs: when main cannot be asked where we are (getStatus fails) or sign-out fails, the
// admin sees what happened and a Retry, not an endless spinner. The app's real screens, over a scripted window.roster
// (App itself only adds the theme and a style cache jsdom cannot hold).
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import type { SessionInfo } from '../../../common/contract.ts';
import { SnackbarProvider } from '../../../renderer/src/components/snackbar-provider.tsx';
import { Screens } from '../../../renderer/src/screens.tsx';
import { installFakeRoster } from './fake-roster.ts';

afterEach(cleanup);

const signedOut = { ok: true as const, value: { needsFirstAdmin: false, session: null, emailConfigured: false } };

test('getStatus failing shows why and a Retry; Retry that succeeds shows the sign-in page', async () => {
  let bridgeUp = false;
  const { calls } = installFakeRoster((method) => {
    if (method !== 'getStatus') throw new Error(`unexpected ${method}`);
    return bridgeUp ? signedOut : new TypeError('Failed to fetch');
  });
  render(
    <SnackbarProvider>
      <Screens />
    </SnackbarProvider>,
  );
  expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('Roster could not load: Failed to fetch'));
  expect(screen.queryByLabelText('Loading')).toBeNull();
  bridgeUp = true;
  fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
  expect(calls).toEqual(['getStatus', 'getStatus']);
});

test('sign-out failing says so with a Retry, and the admin stays where they were until it works', async () => {
  const admin: SessionInfo = { userId: 1, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org', role: 'user', mustChangePassword: false };
  let signOutWorks = false;
  let signedIn = true;
  installFakeRoster((method) => {
    if (method === 'getStatus') return signedIn ? { ok: true, value: { needsFirstAdmin: false, session: admin, emailConfigured: false } } : signedOut;
    if (method === 'signOut') {
      if (!signOutWorks) return new TypeError('Failed to fetch');
      signedIn = false;
      return { ok: true, value: null };
    }
    if (method === 'ownSessions') return { ok: true, value: [] }; // the Account page lists the person's sessions
    throw new Error(`unexpected ${method}`);
  });
  render(
    <SnackbarProvider>
      <Screens />
    </SnackbarProvider>,
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
  expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('Signing out did not work: Failed to fetch'));
  expect(screen.getByRole('heading', { name: 'Account' })).toBeTruthy();
  signOutWorks = true;
  fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
});
