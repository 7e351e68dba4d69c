// Where `npm run screenshots` writes the README's images (never `npm test`: it leaves git status clean).
import path from 'node:path';
import { ROOT } from '../e2e/roster-app.ts';

export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
