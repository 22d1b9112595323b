/**
 * The sleep timer on the relaxation players: the fade and the pause, the optional wake-up
 * chime, what the history keeps, and the choices remembered on the device.
 *
 * Minutes timers are driven with Playwright's clock: the sleep timer reads the page's
 * performance.now(), which page.clock moves, while the track player's session follows the
 * <audio> element's own position, which it does not. "At the end of the session" is driven
 * by placing the track near its end, as the other relaxation tests do.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './screened';
import { expectNoAxeViolations } from './axe';

// Breathing relaxation, level 1: 365 s of session, the track runs on a few seconds more.
const URL = '/play/breathing-relaxation?level=1';
const SESSION_S = 365;
const MEDIA_WAIT = { timeout: 20_000 };

test.slow();

/** Every play() of a media element, muted or not, in order: the chime's included. */
async function recordPlays(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const plays: { src: string; muted: boolean }[] = [];
		Object.assign(window, { __plays: plays });
		const original = HTMLMediaElement.prototype.play;
		HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
			plays.push({ src: this.currentSrc || this.src, muted: this.muted });
			return original.call(this);
		};
	});
}

/** Plays of the wake-up chime, as 'muted' (prepared in the Start press) or 'heard'. */
const chimePlays = (page: Page) =>
	page.evaluate(() =>
		(window as unknown as { __plays: { src: string; muted: boolean }[] }).__plays
			.filter((p) => p.src.includes('/sounds/wake-chime.'))
			.map((p) => (p.muted ? 'muted' : 'heard'))
	);

const track = (page: Page) =>
	page.evaluate(() => {
		const a = document.querySelector('audio');
		return { volume: a?.volume ?? -1, paused: a?.paused ?? null, time: a?.currentTime ?? -1 };
	});

async function chooseSleep(page: Page, timer: string, end: 'drift' | 'chime'): Promise<void> {
	await page.getByTestId('more-button').click();
	await page.getByLabel('Stop playing').selectOption(timer);
	await page.getByLabel(end === 'chime' ? 'Bring me back gently (soft chime)' : 'Let me drift off (fade out)').check();
	await page.getByTestId('more-sheet').getByRole('button', { name: 'Close' }).click();
}

async function start(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Playing', MEDIA_WAIT);
}

test('a sleep timer fades the track out, pauses the session where it was, and records it without asking', async ({ page }) => {
	await page.clock.install();
	await recordPlays(page);
	await page.goto(URL);
	await chooseSleep(page, '10', 'drift');
	await start(page);
	// Into the second step, so that the kept place is one a reload offers (the first step's
	// start is no different from starting afresh).
	await page.evaluate(() => {
		const a = document.querySelector('audio');
		if (a) a.currentTime = 52;
	});
	await expect(page.getByTestId('group-title')).toHaveText('Belly breathing');
	await expect(page.getByTestId('sleep-left')).toHaveText(/^(10:00|9:5\d)$/);
	await expect(page.getByTestId('sleep-announcement')).toHaveText(/minutes left on the sleep timer/);
	expect((await track(page)).volume).toBe(1);

	// 20 s before it runs out, two thirds of the way into the 30 s fade: (20/30)² ≈ 0.44 of
	// the volume, and less as (real) time goes on, but still playing.
	await page.clock.fastForward('09:40');
	await expect(page.getByText('Fading out:')).toBeVisible();
	await expect(page.getByTestId('sleep-announcement')).toHaveText('Sleep timer: fading out.');
	await expect.poll(async () => (await track(page)).volume).toBeLessThan(0.45);
	const fading = await track(page);
	expect(fading.volume).toBeGreaterThan(0);
	expect(fading.paused).toBe(false);
	await expect.poll(async () => (await track(page)).volume).toBeLessThan(fading.volume);

	await page.clock.fastForward('00:25');
	await expect(page.getByTestId('session-state')).toHaveText('Paused');
	const after = await track(page);
	expect(after.paused).toBe(true);
	// Back to full for whenever the person carries on; the pause keeps it silent until then.
	expect(after.volume).toBe(1);
	// Nothing asked of someone asleep: the player stays, ready to resume.
	await expect(page.getByRole('button', { name: 'Resume' })).toBeEnabled();
	await expect(page.getByTestId('after-check-in')).toHaveCount(0);
	// "Let me drift off": the chime was made ready in the Start press, and never heard.
	expect(await chimePlays(page)).toEqual(['muted']);

	// The session is in the history as ended by the sleep timer, with the minutes played.
	await page.goto('/history');
	const row = page.getByTestId('sessions-table').getByRole('row').nth(1);
	await expect(row).toContainText('Sleep timer ran out');
	await expect(row).toContainText('Check-in skipped');
	// And the place is kept: the player offers to carry on.
	await page.goto(URL);
	await expect(page.getByTestId('resume-offer')).toContainText('step 2: Belly breathing');
});

test('"bring me back gently" plays the chime when the sleep timer runs out', async ({ page }) => {
	await page.clock.install();
	await recordPlays(page);
	await page.goto(URL);
	await chooseSleep(page, '20', 'chime');
	await start(page);
	await expect.poll(() => chimePlays(page)).toEqual(['muted']);
	await expectNoAxeViolations(page);
	await page.clock.fastForward('20:01');
	await expect(page.getByTestId('session-state')).toHaveText('Paused');
	await expect.poll(() => chimePlays(page)).toEqual(['muted', 'heard']);
	const chime = await page.evaluate(() =>
		[...document.querySelectorAll('audio')].some((a) => a.src.includes('/sounds/wake-chime.'))
	);
	// The chime is an element of its own, not in the page: the track stays the page's one <audio>.
	expect(chime).toBe(false);
});

test('"at the end of the session" fades the last seconds and then chimes', async ({ page }) => {
	await recordPlays(page);
	await page.goto(URL);
	await chooseSleep(page, 'end', 'chime');
	await start(page);
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Paused');
	await page.evaluate((t) => {
		const a = document.querySelector('audio');
		if (a) a.currentTime = t;
	}, SESSION_S - 15);
	// 15 s of the 30 s fade left: a quarter of the volume.
	await expect.poll(async () => (await track(page)).volume).toBeCloseTo(0.25, 1);
	await expect(page.getByTestId('sleep-left')).toHaveText('0:15');
	expect(await chimePlays(page)).toEqual(['muted']);
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect.poll(() => chimePlays(page), { timeout: 30_000 }).toEqual(['muted', 'heard']);
	// The session finished by itself: the check-in waits, silently, for whenever they look.
	// It comes once the track has played its (silenced) closing words out, a few seconds on.
	await expect(page.getByTestId('after-check-in')).toBeVisible(MEDIA_WAIT);
});

test('the sleep choices are remembered on the device and shared with the live player', async ({ page }) => {
	await page.goto(URL);
	await chooseSleep(page, '45', 'chime');
	await page.reload();
	await page.getByTestId('more-button').click();
	await expect(page.getByLabel('Stop playing')).toHaveValue('45');
	await expect(page.getByLabel('Bring me back gently (soft chime)')).toBeChecked();
	await page.goto(`${URL}&track=off`);
	await page.getByTestId('more-button').click();
	await expect(page.getByLabel('Stop playing')).toHaveValue('45');
	await expect(page.getByLabel('Bring me back gently (soft chime)')).toBeChecked();
	await expectNoAxeViolations(page);
	// Cancelling on the dim screen turns it off, and that is remembered too.
	await page.goto(URL);
	await start(page);
	await page.getByRole('button', { name: 'Cancel sleep timer' }).click();
	await expect(page.getByTestId('sleep-left')).toHaveCount(0);
	await page.reload();
	await page.getByTestId('more-button').click();
	await expect(page.getByLabel('Stop playing')).toHaveValue('off');
});

/** The length of every Web Audio buffer started, in order: how the live player's sounds are seen. */
async function recordBufferStarts(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const starts: number[] = [];
		Object.assign(window, { __starts: starts });
		const original = AudioBufferSourceNode.prototype.start;
		AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<AudioBufferSourceNode['start']>) {
			starts.push(this.buffer?.duration ?? -1);
			return original.apply(this, args);
		};
	});
}

for (const end of ['drift', 'chime'] as const) {
	test(`the live player (no track) fades and pauses on its sleep timer too, with ${end === 'chime' ? 'the chime' : 'no chime'}`, async ({ page }) => {
		await page.clock.install();
		await recordBufferStarts(page);
		// A long session: the live player's own clock is the page's, which fast-forwarding moves too.
		await page.goto('/play/progressive-muscle-relaxation?level=1&track=off');
		await page.getByTestId('more-button').click();
		await page.getByLabel('Stop playing').selectOption('10');
		if (end === 'chime') await page.getByLabel('Bring me back gently (soft chime)').check();
		await page.getByTestId('more-sheet').getByRole('button', { name: 'Close' }).click();
		await page.getByRole('button', { name: 'Start' }).click();
		await expect(page.getByTestId('session-state')).toHaveText(/Get ready|Playing/);
		await expect(page.getByTestId('sleep-left')).toHaveText(/^(10:00|9:5\d)$/);
		await page.clock.fastForward('09:45');
		await expect(page.getByText('Fading out:')).toBeVisible();
		await expectNoAxeViolations(page);
		// The chime is known by its length: decoded here the way the audio port decodes it.
		const chimeS = await page.evaluate(async () => {
			const data = await (await fetch('/media/sounds/wake-chime.webm')).arrayBuffer();
			return (await new OfflineAudioContext(1, 1, 48_000).decodeAudioData(data)).duration;
		});
		const chimes = () =>
			page.evaluate((d) => (window as unknown as { __starts: number[] }).__starts.filter((s) => Math.abs(s - d) < 0.005).length, chimeS);
		expect(await chimes()).toBe(0);
		await page.clock.fastForward('00:20');
		await expect(page.getByTestId('session-state')).toHaveText('Paused');
		await expect(page.getByTestId('after-check-in')).toHaveCount(0);
		await expect(page.getByTestId('sleep-left')).toHaveText('10:00');
		if (end === 'chime') await expect.poll(chimes).toBe(1);
		else expect(await chimes()).toBe(0);
	});
}
