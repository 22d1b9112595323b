import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

/** Ids of every routine linked from the home page, whatever the content holds. */
async function routineIds(page: Page): Promise<string[]> {
	await page.goto('/');
	const hrefs = await page.locator('article.card h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	expect(hrefs.length).toBeGreaterThan(0);
	return hrefs.map((href) => href.replace(/^\/routines\//, ''));
}

/** Step titles of one level, as the routine page's dosage table lists them (leaves the page open). */
async function stepTitles(page: Page, id: string, level: number): Promise<string[]> {
	await page.goto(`/routines/${id}`);
	const cells = page.locator(`table.dosage[data-level="${level}"] tbody tr td:nth-child(2)`);
	return (await cells.allTextContents()).map((t) => t.trim());
}

async function imagesLoaded(page: Page): Promise<void> {
	await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
	const broken = await page.locator('.handout img').evaluateAll((imgs) =>
		imgs.filter((img) => (img as HTMLImageElement).naturalWidth === 0).map((img) => img.getAttribute('src'))
	);
	expect(broken, 'pictures that failed to load').toEqual([]);
}

/** Pages in a PDF from Chromium: one "/Type /Page" object per page ("/Pages" is the tree). */
function pdfPageCount(pdf: Buffer): number {
	return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

test('the routine page links a handout per level, and it opens with a Print button', async ({ page }) => {
	await page.goto('/routines/morning-mobility');
	const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
	const links = page.getByTestId('handout-link');
	await expect(links).toHaveCount(await page.locator('#level option').count());
	await links.nth(1).click();
	await expect(page).toHaveURL(/\/routines\/morning-mobility\/handout\?level=2$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByText(/^Level 2 of \d+:/)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'How often' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'What you need' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Stop and get help if' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Level 2', exact: true })).toHaveAttribute('aria-current', 'page');

	// The Print button calls the browser's print.
	await page.evaluate(() => {
		Object.assign(window, { __printed: 0 });
		window.print = () => {
			(window as unknown as { __printed: number }).__printed++;
		};
	});
	await page.getByRole('button', { name: 'Print this handout' }).click();
	expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
	await imagesLoaded(page);
	await expectNoAxeViolations(page);
});

test('every routine’s handout has every step of each level in order, with pictures that load', async ({ page }) => {
	// Any number of routines and levels: allow each routine its own share of time.
	const ids = await routineIds(page);
	test.setTimeout(60_000 + ids.length * 40_000);
	// Print media stays on across navigations: every check below is of the printed page.
	for (const id of ids) {
		await page.goto(`/routines/${id}`);
		const levels = await page.locator('table.dosage').evaluateAll((tables) =>
			tables.map((t) => Array.from(t.querySelectorAll('tbody tr td:nth-child(2)'), (td) => td.textContent?.trim() ?? ''))
		);
		expect(levels.length, id).toBeGreaterThan(0);
		await page.emulateMedia({ media: 'print' });
		for (const [i, titles] of levels.entries()) {
			const where = `${id} level ${i + 1}`;
			await page.goto(`/routines/${id}/handout?level=${i + 1}`);
			const headings = page.locator('.handout article.step h3');
			await expect(headings, where).toHaveText(titles.map((t, n) => `${n + 1}. ${t}`));
			await expect(headings.last(), where).toBeVisible();
			await expect(page.locator('.handout [data-testid="dosage"]:empty'), where).toHaveCount(0);
			// Every picture has a text alternative: exercise name and position, or the image's own.
			const alts = await page.locator('.handout img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('alt') ?? ''));
			expect(alts.filter((alt) => alt.length < 4), where).toEqual([]);
			await imagesLoaded(page);
		}
		await page.emulateMedia({ media: 'screen' });
	}
});

test('a long handout prints to several A4 pages with no site chrome', async ({ page }) => {
	const titles = await stepTitles(page, 'yoga-back-to-health', 4);
	const exercises = await page.locator('table.dosage[data-level="4"] tbody tr').count();
	expect(exercises).toBeGreaterThan(15);

	await page.goto('/routines/yoga-back-to-health/handout?level=4');
	await expect(page.getByRole('button', { name: 'Print this handout' })).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	// Print hides the site's header, footer and the screen-only tools.
	await expect(page.locator('header.site')).toBeHidden();
	await expect(page.locator('footer.site')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print this handout' })).toBeHidden();
	await expect(page.getByRole('link', { name: /Back to/ })).toBeHidden();
	// Every exercise name (and every other step) is on the printed page.
	const handout = page.locator('.handout');
	for (const title of new Set(titles)) {
		await expect(handout.locator('article.step h3').filter({ hasText: title }).first()).toBeVisible();
	}
	const pictures = page.locator('.handout img');
	await expect(pictures).not.toHaveCount(0);
	await expect(pictures.first()).toHaveAttribute('alt', /, (standing|seated|lying|kneeling|in water)$/);
	await imagesLoaded(page);
	// Exercises are kept whole across page breaks.
	expect(await page.locator('.handout article.step').first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');

	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	expect(pdf.length).toBeGreaterThan(100_000);
	const pages = pdfPageCount(pdf);
	expect(pages).toBeGreaterThanOrEqual(Math.ceil(exercises / 8));
	expect(pages).toBeGreaterThan(3);
});

test('the handout page has no accessibility violations, and a missing level is a 404', async ({ page }) => {
	await page.goto('/routines/back-school-lesson-1/handout?level=1');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await imagesLoaded(page);
	await expectNoAxeViolations(page);
	expect((await page.goto('/routines/back-school-lesson-1/handout?level=99'))?.status()).toBe(404);
	expect((await page.goto('/routines/no-such-routine/handout?level=1'))?.status()).toBe(404);
});
