// Placeholder until this page is built.
import type { SessionInfo } from '../../../common/contract.ts';

export function EmailSettingsPage(_props: { session: SessionInfo }) {
  return null;
}
