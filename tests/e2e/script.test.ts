import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

interface VttCue {
	readonly from: string;
	readonly to: string;
	readonly lines: readonly string[];
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
			return { from, to, lines: text, text: text.join(' ') };
		});
}

const unescape = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const seconds = (vttTime: string): number => {
	const [h = 0, m = 0, s = 0] = vttTime.split(':').map(Number);
	return Math.floor(h * 3600 + m * 60 + s);
};

/**
 * The captions file says what the script page says: the same words in the same order, each
 * spoken line as one or more captions in a row (at most two lines of 42 characters each),
 * the first of them at the time the page shows for that line.
 */
async function expectCaptionsMatchScript(page: Page, cues: readonly VttCue[]): Promise<void> {
	const rows = page.locator('tbody tr');
	const said = (await rows.locator('td:nth-child(2)').allTextContents()).map((t) => t.trim());
	const times = (await rows.locator('td:first-child').allTextContents()).map((t) => {
		const [m = '0', s = '0'] = t.trim().split(':');
		return Number(m) * 60 + Number(s);
	});
	for (const cue of cues) {
		expect(cue.lines.length, cue.text).toBeLessThanOrEqual(2);
		for (const line of cue.lines) expect(unescape(line).length, line).toBeLessThanOrEqual(42);
	}
	let next = 0;
	said.forEach((line, i) => {
		const first = cues[next];
		expect(first, `no caption for “${line}”`).toBeDefined();
		expect(seconds(first?.from ?? ''), `time of “${line}”`).toBe(times[i]);
		let shown = '';
		while (shown.length < line.length && next < cues.length) {
			shown = [shown, unescape(cues[next]?.text ?? '')].filter(Boolean).join(' ');
			next++;
		}
		expect(shown).toBe(line);
	});
	expect(next, 'captions after the last spoken line').toBe(cues.length);
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
	// Same words, same order, each line at the time the page shows.
	await expectCaptionsMatchScript(page, cues);

	// The level links switch the script.
	await page.getByRole('navigation', { name: 'Script levels' }).getByRole('link', { name: 'Level 2' }).click();
	await expect(page).toHaveURL(/script\?level=2$/);
	await expect(page.getByRole('link', { name: 'Level 2', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('a relaxation routine’s script follows its session recording, and a level that does not exist is a clear 404', async ({ page, request }) => {
	await page.goto('/routines/progressive-muscle-relaxation/script?level=1');
	await expect(page.getByText(/as in the session recording/)).toBeVisible();
	const cues = await fetchVtt(request, '/routines/progressive-muscle-relaxation/captions.vtt?level=1');
	await expectCaptionsMatchScript(page, cues);
	const missing = await request.get('/routines/progressive-muscle-relaxation/captions.vtt?level=99');
	expect(missing.status()).toBe(404);
	const page404 = await page.goto('/routines/progressive-muscle-relaxation/script?level=99');
	expect(page404?.status()).toBe(404);
	await expect(page.getByText(/levels 1 to \d+/)).toBeVisible();
});

test('a back-school talk is captioned a little at a time, and Chromium reads every caption of the file', async ({ page, request }) => {
	await page.goto('/routines/back-school-lesson-1/script');
	const href = (await page.getByTestId('vtt-link').getAttribute('href')) ?? '';
	const cues = await fetchVtt(request, href);
	await expectCaptionsMatchScript(page, cues);
	// The talks run to hundreds of characters (more than two lines' worth): each is several captions.
	const said = await page.locator('tbody tr td:nth-child(2)').allTextContents();
	const talks = said.filter((t) => t.trim().length > 84);
	expect(talks.length).toBeGreaterThanOrEqual(5);
	expect(cues.length).toBeGreaterThanOrEqual(said.length + talks.length);

	const parsed = await page.evaluate(async (src) => {
		const video = document.createElement('video');
		const track = document.createElement('track');
		track.kind = 'captions';
		track.src = src;
		track.default = true;
		video.append(track);
		document.body.append(video);
		track.track.mode = 'hidden';
		await new Promise((resolve, reject) => {
			track.addEventListener('load', resolve);
			track.addEventListener('error', reject);
		});
		const list = [...(track.track.cues ?? [])] as VTTCue[];
		return { count: list.length, mostLines: Math.max(...list.map((c) => c.text.split('\n').length)) };
	}, href);
	expect(parsed.count).toBe(cues.length);
	expect(parsed.mostLines).toBeLessThanOrEqual(2);
});
