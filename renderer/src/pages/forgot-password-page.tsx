// Placeholder until this page is built.
import type { SessionInfo } from '../../../common/contract.ts';
import type { SignedOutView } from './sign-in-page.tsx';

export function ForgotPasswordPage(_props: { go: (v: SignedOutView) => void; onSignedIn: (s: SessionInfo) => void }) {
  return null;
}
