import type { Page } from '@playwright/test';
import { expect, test } from './screened';
import { expectNoAxeViolations } from './axe';

// Breathing relaxation, level 1: settling in 0–50 s, belly breathing 50–130 s, breathing at
// your own pace 130–190 s, body scan 190–290 s (feet and legs first), quiet rest, coming back.
const URL = '/play/breathing-relaxation?level=1';
// The track may sit in "Loading…" (buffering) for a while on a busy machine before it plays.
const MEDIA_WAIT = { timeout: 20_000 };

const audioTime = (page: Page) => page.evaluate(() => document.querySelector('audio')?.currentTime ?? -1);
const audioPaused = (page: Page) => page.evaluate(() => document.querySelector('audio')?.paused ?? null);
const seekAudio = (page: Page, s: number) =>
	page.evaluate((t) => {
		const a = document.querySelector('audio');
		if (a) a.currentTime = t;
	}, s);

async function startPlaying(page: Page): Promise<void> {
	await page.goto(URL);
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Playing', MEDIA_WAIT);
}

test('the session track plays in an <audio> element and the screen follows it', async ({ page }) => {
	await startPlaying(page);
	await expect(page.getByTestId('group-title')).toHaveText('Settling in');
	await expect.poll(() => audioTime(page), { timeout: 15_000 }).toBeGreaterThan(1);
	// What is said is on screen while it is said: at 1 s the count-in, at 10 s the settling-in talk.
	await page.getByRole('button', { name: 'Pause' }).click();
	await seekAudio(page, 1);
	await expect(page.getByTestId('cue-text')).toContainText('Get ready');
	await seekAudio(page, 10);
	await expect(page.getByTestId('cue-text')).toContainText('Find a comfortable position');
	const src = await page.evaluate(() => document.querySelector('audio')?.currentSrc ?? '');
	expect(src).toMatch(/\/media\/tracks\/breathing-relaxation-1\.(webm|m4a)\?v=[0-9a-f]{12}$/);
	await expectNoAxeViolations(page);
});

test('the group shown is derived from the track position', async ({ page }) => {
	await startPlaying(page);
	// Paused, so the position stays where the test puts it on a slow machine.
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Paused');
	await seekAudio(page, 195);
	await expect(page.getByTestId('group-title')).toHaveText('Body scan');
	await expect(page.getByTestId('phase')).toHaveText('Feet and legs');
	// What is being said: the feet-and-legs cue, shown a part at a time as it is spoken.
	await expect(page.getByTestId('cue-text')).toContainText(/feet and legs|Notice how they feel/);
	await seekAudio(page, 62);
	await expect(page.getByTestId('group-title')).toHaveText('Belly breathing');
	await expect(page.getByText('Step 2 of 6')).toBeVisible();
	// Time goes on from there, on the track's clock.
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect.poll(() => audioTime(page), { timeout: 15_000 }).toBeGreaterThan(63);
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page.getByTestId('group-title')).toHaveText('Breathing at your own pace');
	expect(await audioTime(page)).toBeGreaterThanOrEqual(130);
});

test('lock-screen (Media Session) controls pause, resume, skip and seek the track', async ({ page }) => {
	await page.addInitScript(() => {
		const handlers: Record<string, ((d: object) => void) | null> = {};
		Object.assign(window, { __ms: handlers });
		const ms = navigator.mediaSession;
		const original = ms.setActionHandler.bind(ms);
		ms.setActionHandler = (action, handler) => {
			handlers[action] = handler as ((d: object) => void) | null;
			original(action, handler);
		};
	});
	await page.goto(URL);
	const press = (action: string, details: object = {}) =>
		page.evaluate(([a, d]) => (window as unknown as { __ms: Record<string, (x: object) => void> }).__ms[a as string]?.({ action: a, ...(d as object) }), [action, details] as const);
	await expect.poll(() => page.evaluate(() => Object.keys((window as unknown as { __ms: object }).__ms).length), { timeout: 30_000 }).toBeGreaterThan(5);
	await press('play');
	await expect(page.getByTestId('session-state')).toHaveText('Playing', MEDIA_WAIT);
	await expect.poll(() => audioPaused(page)).toBe(false);
	expect(await page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe('Settling in');

	await press('nexttrack');
	await expect(page.getByTestId('group-title')).toHaveText('Belly breathing');
	expect(await audioTime(page)).toBeGreaterThanOrEqual(50);
	await expect.poll(() => page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe('Belly breathing');

	await press('pause');
	await expect(page.getByTestId('session-state')).toHaveText('Paused');
	expect(await audioPaused(page)).toBe(true);
	expect(await page.evaluate(() => navigator.mediaSession.playbackState)).toBe('paused');

	await press('seekto', { seekTime: 200 });
	await expect(page.getByTestId('group-title')).toHaveText('Body scan');
	expect(await audioTime(page)).toBeCloseTo(200, 0);

	await press('seekbackward', { seekOffset: 15 });
	await expect(page.getByTestId('group-title')).toHaveText('Breathing at your own pace');

	await press('play');
	await expect(page.getByTestId('session-state')).toHaveText('Playing', MEDIA_WAIT);
	await expect.poll(() => audioTime(page), { timeout: 15_000 }).toBeGreaterThan(185.5);

	// More than 3 s into a group, "previous" goes back to its start; the track is moved as
	// the button is pressed. Paused first, so the place does not move on while the test reads it.
	await press('pause');
	await press('seekto', { seekTime: 150 });
	const afterPrevious = await page.evaluate(() => {
		(window as unknown as { __ms: Record<string, (x: object) => void> }).__ms.previoustrack?.({ action: 'previoustrack' });
		return document.querySelector('audio')?.currentTime ?? -1;
	});
	expect(afterPrevious).toBe(130);
	await expect(page.getByTestId('group-title')).toHaveText('Breathing at your own pace');
});

test('a pause the app did not make (a call) pauses the session, and play carries on from there', async ({ page }) => {
	await startPlaying(page);
	await seekAudio(page, 70);
	await expect(page.getByTestId('group-title')).toHaveText('Belly breathing');
	await page.evaluate(() => document.querySelector('audio')?.pause());
	await expect(page.getByTestId('session-state')).toHaveText('Paused');
	const at = await audioTime(page);
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Playing', MEDIA_WAIT);
	await expect.poll(() => audioTime(page), { timeout: 15_000 }).toBeGreaterThan(at + 0.5);
	expect(await audioTime(page)).toBeLessThan(at + 20);
});

test('the closing words play out to the end of the track before the check-in takes the player away', async ({ page }) => {
	// The timeline ends at 365 s with its last cue, "Session complete. Well done.", whose words
	// and bell the track holds after that point.
	const sessionEndS = 365;
	await page.addInitScript(() => {
		const ended: string[] = [];
		Object.assign(window, { __ended: ended });
		// Media events do not bubble; capturing on the document still sees them.
		document.addEventListener('ended', (e) => ended.push(e.target instanceof HTMLMediaElement ? e.target.currentSrc : ''), true);
	});
	await startPlaying(page);
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Paused');
	await seekAudio(page, sessionEndS - 1.5);
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Finished', MEDIA_WAIT);
	// The session has finished, and the player is still there, playing the closing words.
	const during = await page.evaluate(() => {
		const a = document.querySelector('audio');
		return { paused: a?.paused ?? null, time: a?.currentTime ?? -1, checkIn: document.querySelector('[data-testid="after-check-in"]') !== null };
	});
	expect(during.paused).toBe(false);
	expect(during.time).toBeGreaterThanOrEqual(sessionEndS);
	expect(during.checkIn).toBe(false);
	await expect(page.getByTestId('after-check-in')).toBeVisible(MEDIA_WAIT);
	const ended = await page.evaluate(() => (window as unknown as { __ended: string[] }).__ended);
	expect(ended).toEqual([expect.stringMatching(/\/media\/tracks\/breathing-relaxation-1\.(webm|m4a)\?v=[0-9a-f]{12}$/)]);
});

test('a reload offers to carry on at the same group', async ({ page }) => {
	await startPlaying(page);
	await seekAudio(page, 200);
	await expect(page.getByTestId('group-title')).toHaveText('Body scan');
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Paused');
	await page.reload();
	const offer = page.getByTestId('resume-offer');
	await expect(offer).toContainText('step 4: Body scan');
	await expectNoAxeViolations(page);
	// The track is placed at the start of the saved group as the button is pressed.
	const placedAt = await page.evaluate(() => {
		const button = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="resume-offer"] button')].find((b) =>
			b.textContent?.includes('Carry on')
		);
		button?.click();
		return document.querySelector('audio')?.currentTime ?? -1;
	});
	expect(placedAt).toBe(190);
	await expect(page.getByTestId('group-title')).toHaveText('Body scan');
	await expect(page.getByTestId('session-state')).toHaveText('Playing', MEDIA_WAIT);
	await expect.poll(() => audioTime(page), { timeout: 15_000 }).toBeGreaterThan(190.5);
});

test('keyboard: space pauses and resumes, N skips to the next group', async ({ page }) => {
	await startPlaying(page);
	await page.locator('body').press('n');
	await expect(page.getByTestId('group-title')).toHaveText('Belly breathing');
	await page.locator('body').press(' ');
	await expect(page.getByTestId('session-state')).toHaveText('Paused');
	await page.locator('body').press(' ');
	await expect(page.getByTestId('session-state')).toHaveText('Playing', MEDIA_WAIT);
});

test('without a track (?track=off) the live player runs the routine', async ({ page }) => {
	await page.goto(`${URL}&track=off`);
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByTestId('session-state')).toHaveText(/Get ready|Playing/);
	await expect(page.getByText('Step 1 of 6')).toBeVisible();
	await expect(page.locator('audio')).toHaveCount(0);
});
