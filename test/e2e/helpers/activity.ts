// Shared steps for the Activity e2e test and its README screenshot.
import type { Page } from '@playwright/test';
import { expect } from '../roster-app.ts';

/** Grace is added, her email corrected, made an Admin, then removed; Alan is added: through the API the People page calls. */
export async function peopleActionsByApi(page: Page) {
  const done = await page.evaluate(async () => {
    const r = window.roster;
    const grace = await r.addPerson({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@old.test' });
    if (!grace.ok) return grace;
    const id = grace.value.person.id;
    for (const step of [
      () => r.editPerson({ id, firstName: 'Grace', lastName: 'Hopper', email: 'grace@new.test' }),
      () => r.setRole({ id, role: 'admin', expectedRole: 'user' }),
      () => r.deactivatePerson({ id }),
      () => r.addPerson({ firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com' }),
    ]) {
      const result = await step();
      if (!result.ok) return result;
    }
    return { ok: true };
  });
  expect(done).toEqual({ ok: true });
  await page.reload(); // the People page shows what was done
}
