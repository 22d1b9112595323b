import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

interface VttCue {
	readonly from: string;
	readonly to: string;
	readonly text: string;
}

/** Fetches a WebVTT file and reads its cues (the file's own syntax, checked on the way). */
async function fetchVtt(request: APIRequestContext, href: string): Promise<VttCue[]> {
	const res = await request.get(href);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toMatch(/^text\/vtt/);
	const body = await res.text();
	expect(body.startsWith('WEBVTT\n')).toBe(true);
	return body
		.trim()
		.split('\n\n')
		.filter((block) => block.includes('-->'))
		.map((block) => {
			const [, timing = '', ...text] = block.split('\n');
			const [from = '', to = ''] = timing.split(' --> ');
			expect(from).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
			expect(to > from).toBe(true);
			return { from, to, text: text.join(' ') };
		});
}

test('the routine page links what is said at each level; the page lists it and the WebVTT file matches', async ({ page, request }) => {
	await page.goto('/routines/morning-mobility');
	const links = page.getByTestId('script-link');
	await expect(links).toHaveCount(await page.locator('#level option').count());
	await links.first().click();
	await expect(page).toHaveURL(/\/routines\/morning-mobility\/script\?level=1$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('What is said');
	const rows = page.locator('tbody tr');
	const count = await rows.count();
	expect(count).toBeGreaterThan(10);
	await expectNoAxeViolations(page);

	const href = (await page.getByTestId('vtt-link').getAttribute('href')) ?? '';
	const cues = await fetchVtt(request, href);
	expect(cues).toHaveLength(count);
	// Same words, same order, and the first line at the time the page shows.
	const said = (await rows.locator('td:nth-child(2)').allTextContents()).map((t) => t.trim());
	expect(cues.map((c) => c.text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))).toEqual(said);
	const firstTime = ((await rows.first().locator('td').first().textContent()) ?? '').trim();
	const [m = '0', s = '0'] = firstTime.split(':');
	expect(cues[0]?.from.slice(3, 8)).toBe(`${m.padStart(2, '0')}:${s}`);

	// The level links switch the script.
	await page.getByRole('navigation', { name: 'Script levels' }).getByRole('link', { name: 'Level 2' }).click();
	await expect(page).toHaveURL(/script\?level=2$/);
	await expect(page.getByRole('link', { name: 'Level 2', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('a relaxation routine’s script follows its session recording, and a level that does not exist is a clear 404', async ({ page, request }) => {
	await page.goto('/routines/progressive-muscle-relaxation/script?level=1');
	await expect(page.getByText(/as in the session recording/)).toBeVisible();
	const rows = await page.locator('tbody tr').count();
	const cues = await fetchVtt(request, '/routines/progressive-muscle-relaxation/captions.vtt?level=1');
	expect(cues).toHaveLength(rows);
	const missing = await request.get('/routines/progressive-muscle-relaxation/captions.vtt?level=99');
	expect(missing.status()).toBe(404);
	const page404 = await page.goto('/routines/progressive-muscle-relaxation/script?level=99');
	expect(page404?.status()).toBe(404);
	await expect(page.getByText(/levels 1 to \d+/)).toBeVisible();
});
