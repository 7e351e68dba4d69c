// How dates read in the UI.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatLastLogin(iso: string | null): string {
  return iso === null ? 'Never' : dateTime.format(new Date(iso));
}

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

export const roleLabel = (role: 'user' | 'admin') => (role === 'admin' ? 'Admin' : 'User');
