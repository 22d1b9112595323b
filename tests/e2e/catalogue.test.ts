import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { completeScreening } from './screened';

const CATEGORIES = ['stretching', 'aquatic', 'yoga', 'relaxation', 'back-school'];

/** Every routine card on the page. */
const cards = (page: Page): Locator => page.locator('article.card');

/** Ids of every routine linked from the home page, whatever the content holds. */
async function routineIds(page: Page): Promise<string[]> {
	await page.goto('/');
	const hrefs = await page.locator('article.card h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	expect(hrefs.length).toBeGreaterThan(0);
	return hrefs.map((href) => href.replace(/^\/routines\//, ''));
}

/** Minutes on a level chip ("Level 2: 11 min ✓" → 11; "45 s" → 1 as the filter rounds). */
function chipMinutes(text: string): number {
	const m = /: (\d+) (min|s)/.exec(text);
	if (!m) throw new Error(`no duration in "${text}"`);
	return m[2] === 'min' ? Number(m[1]) : Math.round(Number(m[1]) / 60);
}

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
	const count = await cards(page).count();
	await expect(page.getByRole('status')).toHaveText(`${count} routines`);
	await expectNoAxeViolations(page);
});

test('filters narrow the list as they change, and reset restores it', async ({ page }) => {
	await page.goto('/');
	const all = await cards(page).count();
	const status = page.getByTestId('routine-count');
	await expect(status).toHaveText(`${all} routines`);
	// With JavaScript the form applies on change, so its submit button is not needed.
	await expect(page.getByRole('button', { name: 'Show routines' })).toHaveCount(0);

	// In water: only routines done in the pool, and the focus stays on the control.
	const inWater = page.getByRole('checkbox', { name: 'In water' });
	await inWater.focus();
	await page.keyboard.press('Space');
	await expect(page).toHaveURL(/\/\?position=in-water$/);
	await expect(inWater).toBeChecked();
	await expect(inWater).toBeFocused();
	await expect(page.locator('article.card[data-routine="pool-back-programme"]')).toBeVisible();
	const wet = await cards(page).count();
	expect(wet).toBeLessThan(all);
	for (const card of await cards(page).all()) await expect(card.locator('.positions')).toContainText('In water');
	await expect(status).toHaveText(wet === 1 ? '1 routine matches' : `${wet} routines match`);
	// Only categories with a match are shown.
	await expect(page.locator('section[data-category="aquatic"]')).toBeVisible();
	await expect(page.locator('section[data-category="relaxation"]')).toHaveCount(0);

	// Reset brings every routine back and clears the controls.
	await page.getByRole('link', { name: 'Reset filters' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(cards(page)).toHaveCount(all);
	await expect(inWater).not.toBeChecked();
	await expect(status).toHaveText(`${all} routines`);
});

test('a duration band keeps routines with a level of that length, and filters combine', async ({ page }) => {
	await page.goto('/');
	const all = await cards(page).count();
	const status = page.getByTestId('routine-count');
	// A duration band: every card left has a level of that length, marked on the card.
	await page.getByRole('radio', { name: 'Up to 10 min' }).check();
	await expect(page).toHaveURL(/\?duration=up-to-10$/);
	await expect(status).toHaveText(/match/);
	const short = await cards(page).count();
	expect(short).toBeGreaterThan(0);
	expect(short).toBeLessThan(all);
	for (const card of await cards(page).all()) {
		const fits = card.locator('.level.fits');
		await expect(fits).not.toHaveCount(0);
		for (const chip of await fits.all()) expect(chipMinutes((await chip.textContent()) ?? '')).toBeLessThanOrEqual(10);
		// Every level still shows its duration, not just the ones that fit.
		await expect(card.locator('.level').first()).toHaveText(/Level 1: \d+ (min|s)/);
	}

	// Adding a category narrows further; a select applies on change too.
	await page.getByLabel('Category').selectOption('relaxation');
	await expect(page).toHaveURL(/\?category=relaxation&duration=up-to-10$/);
	await expect(page.locator('section.category')).toHaveCount(1);
	await expect(page.locator('section[data-category="relaxation"]')).toBeVisible();
});

test('the filtered home page has no accessibility violations', async ({ page }) => {
	await page.goto('/?duration=21-30&position=in-water&position=lying');
	await expect(page.getByTestId('routine-count')).toHaveText(/match/);
	await expect(page.locator('.level.fits')).not.toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('a filter nothing matches says so and offers a reset', async ({ page }) => {
	await page.goto('/?category=relaxation&position=in-water');
	await expect(page.getByTestId('routine-count')).toHaveText('No routines match these filters');
	await expect(cards(page)).toHaveCount(0);
	await page.getByTestId('no-match').getByRole('link', { name: 'reset all filters' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(cards(page)).not.toHaveCount(0);
	await expect(page.getByLabel('Category')).toHaveValue('');
	await expect(page.getByRole('checkbox', { name: 'In water' })).not.toBeChecked();
});

test('a bookmarked filter opens with its controls set', async ({ page }) => {
	await page.goto('/?category=aquatic&level=2&duration=21-30&position=in-water&equipment=pool');
	await expect(page.getByLabel('Category')).toHaveValue('aquatic');
	await expect(page.getByLabel('Level', { exact: true })).toHaveValue('2');
	await expect(page.getByLabel('Equipment')).toHaveValue('pool');
	await expect(page.getByRole('radio', { name: '21 to 30 min' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'In water' })).toBeChecked();
	await expect(page.locator('article.card[data-routine="pool-back-programme"]')).toBeVisible();
	// Only level 2 can fit when level 2 is chosen.
	await expect(page.locator('article.card[data-routine="pool-back-programme"] .level.fits')).toHaveText(/^Level 2:/);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the filter form works as a plain GET form', async ({ page }) => {
		await page.goto('/');
		const all = await cards(page).count();
		await page.getByRole('checkbox', { name: 'In water' }).check();
		await page.getByRole('button', { name: 'Show routines' }).click();
		await expect(page).toHaveURL(/position=in-water/);
		const wet = await cards(page).count();
		expect(wet).toBeGreaterThan(0);
		expect(wet).toBeLessThan(all);
		await expect(page.getByRole('checkbox', { name: 'In water' })).toBeChecked();
		// Empty "any" fields in the query are ignored, not matched.
		await expect(page.getByLabel('Category')).toHaveValue('');
		await page.getByRole('link', { name: 'Reset filters' }).click();
		await expect(cards(page)).toHaveCount(all);
	});
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

test('every routine’s page renders with a dosage table and a handout link per level', async ({ page }) => {
	const ids = await routineIds(page);
	test.setTimeout(60_000 + ids.length * 10_000);
	for (const id of ids) {
		const response = await page.goto(`/routines/${id}`);
		expect(response?.status(), id).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
		const levels = await page.locator('#level option').count();
		expect(levels, id).toBeGreaterThan(0);
		const tables = page.locator('table.dosage');
		await expect(tables).toHaveCount(levels);
		for (const table of await tables.all()) {
			await expect(table.locator('tbody tr')).not.toHaveCount(0);
			await expect(table.locator('tbody tr').first().locator('td').nth(2)).toHaveText(/\d/);
		}
		await expect(page.getByTestId('handout-link')).toHaveCount(levels);
	}
});

test('every routine’s level 1 compiles and starts in the player', async ({ page }) => {
	// Any number of routines: allow each its own share of time on a slow, shared machine.
	const ids = await routineIds(page);
	test.setTimeout(60_000 + ids.length * 25_000);
	await completeScreening(page);
	for (const id of ids) {
		const response = await page.goto(`/play/${id}?level=1`);
		expect(response?.status(), id).toBe(200);
		const state = page.getByTestId('session-state');
		await expect(state, id).toHaveText('Ready');
		// Hydration may finish after load: press until the engine confirms the start.
		await expect(async () => {
			if ((await state.textContent()) === 'Ready') await page.getByRole('button', { name: 'Start', exact: true }).click();
			await expect(state).not.toHaveText('Ready', { timeout: 1000 });
		}, id).toPass({ timeout: 15_000 });
	}
});

test('an unknown routine is a 404, not a crash', async ({ page }) => {
	const response = await page.goto('/routines/no-such-routine');
	expect(response?.status()).toBe(404);
});
