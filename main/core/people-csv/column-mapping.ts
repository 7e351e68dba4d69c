// Which column holds which field, guessed from the header row with the names spreadsheets and other directories
// use (Google Workspace, Entra, Keycloak exports); the admin corrects it in the dialog when the guess is wrong.
import type { ImportField, ImportMapping } from '../../../common/people-import.ts';

/** Header names per field, compared without case, spaces, dashes, underscores or dots. */
export const HEADER_SYNONYMS: Record<ImportField, string[]> = {
  firstName: ['firstname', 'givenname', 'forename', 'first', 'given', 'prenom', 'vorname'],
  lastName: ['lastname', 'surname', 'familyname', 'last', 'family', 'nom', 'nachname'],
  email: ['email', 'emailaddress', 'mail', 'primaryemail', 'userprincipalname', 'login', 'username'],
  role: ['role', 'userrole', 'accessrole', 'type'],
};

export const normaliseHeader = (h: string) =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-_.]+/g, '');

/**
 * The first column whose header is a synonym of the field, each column used once. A header repeated (two "Email"
 * columns) maps its first occurrence; the admin can pick the other.
 */
export function suggestMapping(headers: string[]): ImportMapping {
  const names = headers.map(normaliseHeader);
  const used = new Set<number>();
  const pick = (field: ImportField): number | null => {
    for (const synonym of HEADER_SYNONYMS[field]) {
      const i = names.findIndex((n, idx) => n === synonym && !used.has(idx));
      if (i !== -1) {
        used.add(i);
        return i;
      }
    }
    return null;
  };
  // Email first: "username" is a last resort for it, never a name.
  const email = pick('email');
  return { firstName: pick('firstName'), lastName: pick('lastName'), email, role: pick('role') };
}
