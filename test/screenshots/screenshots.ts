// Where `npm run screenshots` writes the README's images (never `npm test`: it leaves git status clean).
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from '../e2e/roster-app.ts';

export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

/** Waits for MUI's open/close transitions to finish, so no shot catches a dialog or menu half-faded, then saves it. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
