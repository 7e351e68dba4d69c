// Deactivate (the row's "Remove"), Reactivate, Revoke invite, Unlock and Sign out everywhere: one confirm dialog,
// fed by one row of data each.
import DialogContentText from '@mui/material/DialogContentText';
import type { ReactNode } from 'react';
import type { Person } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { formatDateTime, fullName } from '../format.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

export type PersonConfirmation = 'deactivate' | 'reactivate' | 'revokeInvite' | 'unlock' | 'signOutEverywhere';

interface Confirmation {
  title: (name: string) => string;
  confirmLabel: string;
  destructive: boolean;
  body: (person: Person, name: string) => ReactNode;
  /** The one call to main; its refusal is shown in the dialog. */
  run: (person: Person) => Promise<unknown>;
  /** The snackbar once main has done it. */
  done: (name: string) => string;
}

const CONFIRMATIONS: Record<PersonConfirmation, Confirmation> = {
  // Their sessions end at once; nothing of theirs is deleted.
  deactivate: {
    title: (name) => `Deactivate ${name}?`,
    confirmLabel: 'Deactivate',
    destructive: true,
    body: (_, name) => `${name} won't be able to log in anymore.`,
    run: (person) => call('deactivatePerson', { id: person.id }),
    done: (name) => `${name} has been deactivated.`,
  },
  // They keep their role and can sign in again.
  reactivate: {
    title: (name) => `Reactivate ${name}?`,
    confirmLabel: 'Reactivate',
    destructive: false,
    body: (person, name) => `${name} will be able to sign in again with their current password, as ${person.role === 'admin' ? 'an Admin' : 'a User'}.`,
    run: (person) => call('reactivatePerson', { id: person.id }),
    done: (name) => `${name} has been reactivated.`,
  },
  // The code they were sent stops working.
  revokeInvite: {
    title: (name) => `Revoke ${name}'s invite?`,
    confirmLabel: 'Revoke invite',
    destructive: true,
    body: (person, name) =>
      `The invite sent to ${person.email} will stop working and ${name} moves to Deactivated. Nothing is deleted; you can reactivate them and resend an invite later.`,
    run: (person) => call('revokeInvite', { id: person.id }),
    done: (name) => `${name}'s invite has been revoked.`,
  },
  // The throttle forgets the failed attempts at their address: the next right password gets in.
  unlock: {
    title: (name) => `Unlock ${name}?`,
    confirmLabel: 'Unlock',
    destructive: false,
    body: (person, name) =>
      `Too many failed sign-ins for ${person.email} are holding ${name} back${person.lockedUntil ? ` until ${formatDateTime(person.lockedUntil)}` : ''}. Unlock only if you know those attempts were theirs.`,
    run: (person) => call('unlockPerson', { id: person.id }),
    done: (name) => `${name} can sign in again.`,
  },
  // Every window they have open asks them to sign in again; their password stays.
  signOutEverywhere: {
    title: (name) => `Sign ${name} out everywhere?`,
    confirmLabel: 'Sign out everywhere',
    destructive: true,
    body: (_, name) => `Every window and browser where ${name} is signed in will ask them to sign in again. Their password does not change.`,
    run: (person) => call('signOutEverywhere', { id: person.id }),
    done: (name) => `${name} has been signed out everywhere.`,
  },
};

interface Props {
  kind: PersonConfirmation;
  person: Person;
  onClose: () => void;
  onSettled: () => void;
}

export function PersonConfirmDialog({ kind, person, onClose, onSettled }: Props) {
  const notify = useSnackbar();
  const c = CONFIRMATIONS[kind];
  const name = fullName(person);
  return (
    <ConfirmDialog
      title={c.title(name)}
      confirmLabel={c.confirmLabel}
      destructive={c.destructive}
      onClose={onClose}
      onSettled={onSettled}
      onConfirm={async () => {
        await c.run(person);
        notify(c.done(name));
        onClose();
      }}
    >
      <DialogContentText>{c.body(person, name)}</DialogContentText>
    </ConfirmDialog>
  );
}
