import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const CATEGORIES = ['stretching', 'aquatic', 'yoga', 'relaxation', 'back-school'];

test('the home page lists routines in all five categories', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Routines' })).toBeVisible();
	for (const category of CATEGORIES) {
		const section = page.locator(`section[data-category="${category}"]`);
		await expect(section).toBeVisible();
		await expect(section.locator('article')).not.toHaveCount(0);
		// Every card shows a duration for each of its levels.
		await expect(section.locator('.level').first()).toHaveText(/Level 1: \d+ (min|s)/);
	}
	await expectNoAxeViolations(page);
});

test('a routine opens with its per-level dosage table', async ({ page }) => {
	await page.goto('/');
	await page.locator('section[data-category="stretching"] article a').first().click();
	await expect(page).toHaveURL(/\/routines\/[a-z0-9-]+$/);
	const tables = page.locator('table.dosage');
	await expect(tables.first()).toBeVisible();
	const levelCount = await page.locator('#level option').count();
	await expect(tables).toHaveCount(levelCount);
	// Dosage cells carry real numbers, e.g. "2 × 30 s each side".
	await expect(tables.first().locator('tbody tr').first().locator('td').nth(2)).toHaveText(/\d/);
	await expect(page.getByRole('heading', { name: 'Safety' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('an unknown routine is a 404, not a crash', async ({ page }) => {
	const response = await page.goto('/routines/no-such-routine');
	expect(response?.status()).toBe(404);
});
