// Asks main where we are (first run, signed out, signed in) and shows the right page; a failure shows a Retry.
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RestoreResult } from '../../common/backups.ts';
import type { Person, SessionInfo, Status } from '../../common/contract.ts';
import { call, onSessionEnded } from './api.ts';
import { AdminBar } from './components/admin-bar.tsx';
import { CenteredCard } from './components/centered-card.tsx';
import { ProblemNotice } from './components/problem-notice.tsx';
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
import { PoliciesPage } from './policies/policies-page.tsx';
import { RedeemCodePage } from './pages/redeem-code-page.tsx';
import { SignInPage, type SignedOutView } from './pages/sign-in-page.tsx';
import { noticeAfterSessionEnded, restoredNotice } from './session-notice.ts';
import { useAttempts } from './hooks/use-attempts.ts';

export function Screens() {
  const [status, setStatus] = useState<Status | null>(null);
  const [signedOutView, setSignedOutView] = useState<SignedOutView>('signIn');
  const [view, setView] = useState<ShellView>('people');
  // Activity opened from a person's row menu starts filtered to them; from the Admin Panel tab, unfiltered. Its
  // first page is asked for by the click itself, so main works on it while the page is drawn.
  const [activityFor, setActivityFor] = useState<ActivityOpening>({ person: null, firstPage: null, opened: 0 });
  const openActivity = useCallback((person: PersonChoice | null) => {
    const firstPage = firstPageCall(person);
    setActivityFor((a) => ({ person, firstPage, opened: a.opened + 1 }));
    setView('activity');
  }, []);
  const go = useCallback((next: ShellView) => (next === 'activity' ? openActivity(null) : setView(next)), [openActivity]);
  // Stable, so the People table's rows need not re-render for it.
  const viewActivity = useCallback((p: Person) => openActivity({ id: p.id, name: `${p.firstName} ${p.lastName}`, email: p.email }), [openActivity]);
  const [notice, setNotice] = useState<string | null>(null);
  const { problem, attempt } = useAttempts();

  const refresh = useCallback(() => attempt('Roster could not load', async () => setStatus(await call('getStatus', {}))), [attempt]);
  // Set from the admin's own Sign out until the next sign-in: a call still in flight then (a filter's count, say)
  // answers UNAUTHENTICATED, and that is no news to tell them as "Your session has ended".
  const signingOut = useRef(false);
  useEffect(() => {
    void refresh();
    return onSessionEnded(() => {
      if (signingOut.current) return;
      setNotice(noticeAfterSessionEnded);
      void refresh();
    });
  }, [refresh]);

  const signedIn = (session: SessionInfo) => {
    signingOut.current = false;
    setNotice(null);
    setView(session.role === 'admin' ? 'people' : 'account');
    setStatus((s) => (s ? { ...s, needsFirstAdmin: false, session } : s));
  };
  const restored = (result: RestoreResult) => {
    setNotice(restoredNotice(result));
    setSignedOutView('signIn');
    void refresh();
  };
  const signOut = () => {
    signingOut.current = true;
    void attempt('Signing out did not work', async () => {
      await call('signOut', {}).catch((err: unknown) => {
        signingOut.current = false;
        throw err;
      });
      setSignedOutView('signIn');
      void refresh();
    });
  };

  if (!status) {
    if (problem) {
      return (
        <CenteredCard title="Roster could not start">
          <ProblemNotice problem={problem} />
        </CenteredCard>
      );
    }
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <CircularProgress aria-label="Loading" />
      </Box>
    );
  }
  return (
    <>
      {problem && <ProblemNotice problem={problem} />}
      <Page status={status} view={view} go={go} activityFor={activityFor} onViewActivity={viewActivity} signedOutView={signedOutView} goSignedOut={setSignedOutView} notice={notice} onSignedIn={signedIn} onSignOut={signOut} onRestored={restored} />
    </>
  );
}

interface ActivityOpening {
  person: PersonChoice | null;
  firstPage: FirstPageCall | null;
  opened: number;
}

interface PageProps {
  status: Status;
  view: ShellView;
  go: (view: ShellView) => void;
  activityFor: ActivityOpening;
  onViewActivity: (person: Person) => void;
  signedOutView: SignedOutView;
  goSignedOut: (view: SignedOutView) => void;
  notice: string | null;
  onSignedIn: (session: SessionInfo) => void;
  onSignOut: () => void;
  onRestored: (result: RestoreResult) => void;
}

function Page({ status, view, go, activityFor, onViewActivity, signedOutView, goSignedOut, notice, onSignedIn, onSignOut, onRestored }: PageProps) {
  if (status.needsFirstAdmin) return <FirstRunPage onDone={onSignedIn} />;
  const session = status.session;
  if (!session) {
    if (signedOutView === 'forgotPassword') return <ForgotPasswordPage go={goSignedOut} onSignedIn={onSignedIn} />;
    if (signedOutView === 'redeemCode') return <RedeemCodePage go={goSignedOut} onSignedIn={onSignedIn} />;
    return <SignInPage onSignedIn={onSignedIn} go={goSignedOut} notice={notice} />;
  }
  if (session.mustChangePassword) return <ChoosePasswordPage session={session} onDone={onSignedIn} onSignOut={onSignOut} />;

  const adminView = session.role === 'admin' && view !== 'account';
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <TopBar session={session} go={go} onSignOut={onSignOut} />
      {adminView && <AdminBar view={view} go={go} />}
      {adminView && view === 'people' && <PeoplePage session={session} onViewActivity={onViewActivity} />}
      {adminView && view === 'activity' && <ActivityPage key={activityFor.opened} session={session} person={activityFor.person} firstPage={activityFor.firstPage} />}
      {adminView && view === 'email' && <EmailSettingsPage session={session} />}
      {adminView && view === 'backups' && <BackupsPage session={session} onRestored={onRestored} />}
      {adminView && view === 'policies' && <PoliciesPage />}
      {!adminView && <AccountPage session={session} onSignOut={onSignOut} />}
    </Box>
  );
}
