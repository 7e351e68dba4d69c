// The app's top level: asks main where we are (first run, signed out, signed in) and shows the right page.
import { CacheProvider } from '@emotion/react';
import CssBaseline from '@mui/material/CssBaseline';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { ThemeProvider } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RestoreResult } from '../../common/backups.ts';
import type { Person, SessionInfo, Status } from '../../common/contract.ts';
import { call, onSessionEnded } from './api.ts';
import { AdminBar } from './components/admin-bar.tsx';
import { SnackbarProvider } from './components/snackbar-provider.tsx';
import { TopBar, type ShellView } from './components/top-bar.tsx';
import { ChoosePasswordPage } from './pages/choose-password-page.tsx';
import { FirstRunPage } from './pages/first-run-page.tsx';
import { AccountPage } from './pages/account-page.tsx';
import { ActivityPage } from './activity/activity-page.tsx';
import { firstPageCall, type FirstPageCall, type PersonChoice } from './activity/use-activity-list.ts';
import { BackupsPage } from './backups/backups-page.tsx';
import { EmailSettingsPage } from './pages/email-settings-page.tsx';
import { ForgotPasswordPage } from './pages/forgot-password-page.tsx';
import { PeoplePage } from './pages/people-page.tsx';
import { RedeemCodePage } from './pages/redeem-code-page.tsx';
import { SignInPage, type SignedOutView } from './pages/sign-in-page.tsx';
import { createStyleCache } from './style-cache.ts';
import { makeTheme } from './theme.ts';

const styleCache = createStyleCache();
const RESTORED = 'Roster was restored from';

export function App() {
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const theme = useMemo(() => makeTheme(dark ? 'dark' : 'light'), [dark]);
  return (
    <CacheProvider value={styleCache}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <SnackbarProvider>
          <Screens />
        </SnackbarProvider>
      </ThemeProvider>
    </CacheProvider>
  );
}

function Screens() {
  const [status, setStatus] = useState<Status | null>(null);
  const [signedOutView, setSignedOutView] = useState<SignedOutView>('signIn');
  const [view, setView] = useState<ShellView>('people');
  // Activity opened from a person's row menu starts filtered to them; from the Admin Panel tab, unfiltered. Its
  // first page is asked for by the click itself, so main works on it while the page is drawn.
  const [activityFor, setActivityFor] = useState<{ person: PersonChoice | null; firstPage: FirstPageCall | null; opened: number }>({ person: null, firstPage: null, opened: 0 });
  const openActivity = useCallback((person: PersonChoice | null) => {
    const firstPage = firstPageCall(person);
    setActivityFor((a) => ({ person, firstPage, opened: a.opened + 1 }));
    setView('activity');
  }, []);
  const go = (next: ShellView) => (next === 'activity' ? openActivity(null) : setView(next));
  const [notice, setNotice] = useState<string | null>(null);
  // Stable, so the People table's rows need not re-render for it.
  const viewActivity = useCallback((p: Person) => openActivity({ id: p.id, name: `${p.firstName} ${p.lastName}`, email: p.email }), [openActivity]);

  const refresh = useCallback(() => call('getStatus', {}).then(setStatus), []);
  useEffect(() => {
    void refresh();
    return onSessionEnded(() => {
      // After a restore every call ends this way; the restore's own notice says more.
      setNotice((n) => (n?.startsWith(RESTORED) ? n : 'Your session has ended. Please sign in again.'));
      void refresh();
    });
  }, [refresh]);

  const signedIn = (session: SessionInfo) => {
    setNotice(null);
    setView(session.role === 'admin' ? 'people' : 'account');
    setStatus((s) => (s ? { ...s, needsFirstAdmin: false, session } : s));
  };
  const restored = (result: RestoreResult) => {
    setNotice(`${RESTORED} ${result.restoredFrom}. Everyone has been signed out: sign in again. The database it replaced was saved as ${result.savedCurrentAs}.`);
    setSignedOutView('signIn');
    void refresh();
  };
  const signOut = async () => {
    await call('signOut', {});
    setSignedOutView('signIn');
    await refresh();
  };

  if (!status) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <CircularProgress aria-label="Loading" />
      </Box>
    );
  }
  if (status.needsFirstAdmin) return <FirstRunPage onDone={signedIn} />;
  const session = status.session;
  if (!session) {
    if (signedOutView === 'forgotPassword') return <ForgotPasswordPage go={setSignedOutView} onSignedIn={signedIn} />;
    if (signedOutView === 'redeemCode') return <RedeemCodePage go={setSignedOutView} onSignedIn={signedIn} />;
    return <SignInPage onSignedIn={signedIn} go={setSignedOutView} notice={notice} />;
  }
  if (session.mustChangePassword) return <ChoosePasswordPage session={session} onDone={signedIn} onSignOut={signOut} />;

  const adminView = session.role === 'admin' && view !== 'account';
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <TopBar session={session} go={go} onSignOut={signOut} />
      {adminView && <AdminBar view={view} go={go} />}
      {adminView && view === 'people' && (
        <PeoplePage
          session={session}
          onViewActivity={viewActivity}
        />
      )}
      {adminView && view === 'activity' && <ActivityPage key={activityFor.opened} session={session} person={activityFor.person} firstPage={activityFor.firstPage} />}
      {adminView && view === 'email' && <EmailSettingsPage session={session} />}
      {adminView && view === 'backups' && <BackupsPage session={session} onRestored={restored} />}
      {!adminView && <AccountPage session={session} onSignOut={signOut} />}
    </Box>
  );
}
