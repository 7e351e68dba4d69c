// How dates read in the UI.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatLastLogin(iso: string | null): string {
  return iso === null ? 'Never' : dateTime.format(new Date(iso));
}
