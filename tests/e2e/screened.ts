/**
 * Limber asks its red-flag questions before any routine plays. Tests about the player
 * start from a person who has answered them with nothing to report: import `test` from
 * here instead of '@playwright/test'.
 */
import { expect, test as base, type Page } from '@playwright/test';

export async function completeScreening(page: Page): Promise<void> {
	await page.goto('/screening');
	await page.getByRole('button', { name: 'None of these apply: continue' }).click();
	await expect(page.getByTestId('safety-clear')).toBeVisible();
}

export const test = base.extend({
	page: async ({ page }, use) => {
		await completeScreening(page);
		await use(page);
	}
});

export { expect };
