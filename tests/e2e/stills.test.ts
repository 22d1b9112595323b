import { expect, test, type Locator, type Page } from '@playwright/test';
import { saveScreen } from './fit';

/**
 * The catalogue's and the dosage tables' pictures: each has its size set before it loads
 * (so nothing moves when it arrives), the ones further down wait until scrolled near, and
 * they are decoration beside a title that already says what they show.
 */

test.use({ viewport: { width: 390, height: 844 } });

/** Where each element sits in the page (not the viewport), to compare before and after loading. */
function pagePositions(items: Locator): Promise<number[]> {
	return items.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top + window.scrollY)));
}

const loaded = (img: Locator): Promise<boolean> => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0);

/** Scrolls each picture into view, as a person reading down the page would, and waits for it. */
async function scrollThrough(page: Page, images: Locator): Promise<void> {
	for (const img of await images.all()) {
		await img.scrollIntoViewIfNeeded();
		await expect.poll(() => loaded(img), { timeout: 10_000 }).toBe(true);
	}
	await page.evaluate(() => window.scrollTo(0, 0));
}

test('every routine card shows a still that takes its place before it loads, loading lazily below the first cards', async ({ page }) => {
	await page.goto('/');
	const cards = page.locator('article.card');
	const count = await cards.count();
	expect(count).toBeGreaterThan(5);
	const stills = cards.locator('img.still');
	await expect(stills).toHaveCount(count);

	for (const [i, img] of (await stills.all()).entries()) {
		await expect(img).toHaveAttribute('alt', '');
		await expect(img).toHaveAttribute('width', /^\d+$/);
		await expect(img).toHaveAttribute('height', /^\d+$/);
		await expect(img).toHaveAttribute('loading', i < 3 ? 'eager' : 'lazy');
		// Its box has its final shape already: as wide as the card, 16:9.
		const box = await img.boundingBox();
		expect(box && box.height > 0 && Math.abs(box.width / box.height - 16 / 9) < 0.02).toBe(true);
	}
	// The title, not the picture, names the card.
	await expect(cards.first().getByRole('heading', { level: 3 }).getByRole('link')).toBeVisible();
	// A relaxation routine without clips shows the calm picture; an exercise routine its first pose.
	await expect(page.locator('article[data-routine="progressive-muscle-relaxation"] img.still')).toHaveAttribute('src', /relaxation\.svg$/);
	await expect(page.locator('article[data-routine="morning-mobility"] img.still')).toHaveAttribute('src', /pelvic-tilt\.webp$/);

	// Far down the page, a picture has not been fetched before the person scrolls near it.
	expect(await loaded(stills.last())).toBe(false);

	const headings = cards.locator('h3');
	const before = await pagePositions(headings);
	await scrollThrough(page, stills);
	expect(await pagePositions(headings)).toEqual(before);
	await saveScreen(page, 'pages/stills', 'home-390', false);

	// The whole card opens the routine: a tap on the picture too (the title's link covers the card).
	const second = stills.nth(1);
	const id = await cards.nth(1).getAttribute('data-routine');
	await second.scrollIntoViewIfNeeded();
	const box = await second.boundingBox();
	if (!box) throw new Error('no box for the second picture');
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	await expect(page).toHaveURL(new RegExp(`/routines/${id}$`));
});

test('the dosage table shows each step’s still beside its name, without moving the table as they load', async ({ page }) => {
	await page.goto('/routines/back-school-lesson-1');
	const table = page.locator('table.dosage').first();
	const rows = table.locator('tbody tr');
	const stills = table.locator('img.still');
	// Every exercise and every talk with a picture has one; the rests and the plain talks do not.
	expect(await stills.count()).toBeGreaterThanOrEqual(3);
	expect(await stills.count()).toBeLessThan(await rows.count());
	for (const img of await stills.all()) {
		await expect(img).toHaveAttribute('alt', '');
		await expect(img).toHaveAttribute('loading', 'lazy');
		await expect(img).toHaveAttribute('width', /^\d+$/);
		await expect(img).toHaveAttribute('height', /^\d+$/);
	}
	await expect(rows.filter({ hasText: 'Pelvic tilt' }).first().locator('img.still')).toHaveAttribute('src', /pelvic-tilt\.webp$/);

	const before = await pagePositions(rows);
	await scrollThrough(page, stills);
	expect(await pagePositions(rows)).toEqual(before);
	await table.scrollIntoViewIfNeeded();
	await saveScreen(page, 'pages/stills', 'dosage-390', false);
});
