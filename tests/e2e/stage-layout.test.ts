/**
 * The session screen at every viewport a session is followed on, in every phase: one
 * stage that does not scroll, with the picture, the countdown, the state word, the step
 * name and the primary controls inside the viewport and clear of one another, digits
 * readable from the mat, and nothing axe objects to. A screenshot of each viewport and
 * phase goes to reports/screens/ for a reviewer.
 *
 * Time is frozen with Playwright's clock (the player's session clock is performance.now),
 * so a "running" phase holds still for the checks; phases are reached by seeking the
 * engine through the player's ?bench hook rather than by waiting.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './screened';
import { expectNoAxeViolations } from './axe';
import { checkStage, checkTalkPicture, normalText, readCaptionInPage, screenshot, VIEWPORTS, type Viewport } from './stage-checks';

interface Engine {
	readonly state: string;
	readonly timeline: {
		readonly durationMs: number;
		readonly segments: readonly { kind: string; startMs: number; endMs: number; phase: string | null; repCount: number; rep: number; side: string | null }[];
		readonly cues: readonly { atMs: number; text: string }[];
	};
	seek(ms: number): boolean;
	pause(): boolean;
}
type Hooked = Window & { __limber: { engine: Engine; stage: { tick(): void } } };

/** Freeze the page's time where it is now: the session "runs" but its position holds. */
async function freeze(page: Page): Promise<void> {
	// A little ahead: pauseAt refuses a moment that has passed by the time it arrives (on a
	// loaded machine that can take seconds), so it tries again from the new now.
	for (let attempt = 0; ; attempt++) {
		const now = await page.evaluate(() => Date.now());
		try {
			await page.clock.pauseAt(now + 2000);
			return;
		} catch (error) {
			if (attempt >= 4) throw error;
		}
	}
}

/** Seek to the middle of the first segment that passes `test` (evaluated in the page). */
async function seekTo(page: Page, kind: string, extra: 'phase' | 'side' | 'any' = 'any'): Promise<void> {
	await page.evaluate(
		([k, x]) => {
			const engine = (window as unknown as Hooked).__limber.engine;
			const seg = engine.timeline.segments.find(
				(s) => s.kind === k && (x === 'any' || (x === 'phase' ? s.phase !== null && s.repCount > 1 && s.rep === 2 : s.side === 'right'))
			);
			if (!seg) throw new Error(`no ${k} segment`);
			engine.seek(Math.round((seg.startMs + seg.endMs) / 2));
		},
		[kind, extra] as const
	);
}

async function startPlayer(page: Page, url: string): Promise<void> {
	await page.clock.install();
	await page.goto(url);
	await expect(page.getByTestId('session-state')).toHaveText('Ready');
	await expect.poll(() => page.evaluate(() => Boolean((window as unknown as Partial<Hooked>).__limber))).toBe(true);
	await freeze(page);
	// force: Playwright waits for an element to be still over two animation frames, and a
	// frozen clock has none; the button's visibility is checked by the layout checks instead.
	await page.getByRole('button', { name: 'Start' }).click({ force: true });
	await expect(page.getByTestId('session-state')).toHaveText('Get ready');
	// Off the controls: a pointer resting on them keeps them shown, as it should.
	await page.mouse.move(2, Math.round(page.viewportSize()!.height * 0.3));
}

for (const viewport of VIEWPORTS) {
	test.describe(`session screen at ${viewport.name}`, () => {
		test.use({ viewport: { width: viewport.width, height: viewport.height }, keepControlsShown: false });

		test('the exercise player in every phase', async ({ page }) => {
			test.slow();
			await startPlayer(page, '/play/morning-mobility?level=1&bench');
			await expect(page.getByTestId('state-word')).toContainText('Get ready');
			await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
			await phase(page, viewport, 'get-ready', { controls: true });

			await seekTo(page, 'work', 'phase');
			await expect(page.getByTestId('counters')).toContainText('Rep 2 of');
			await phase(page, viewport, 'exercise', { controls: true });

			// Without input the controls go; they are inert and invisible, the readout stays.
			// (Time moved on by the clock can make the video wait a moment, which shows them
			// again for a while; the poll gives it the seconds a person would.)
			await expect
				.poll(async () => {
					await page.clock.runFor(1500);
					return page.locator('.controls').evaluate((el) => el.hasAttribute('inert'));
				}, { timeout: 20_000 })
				.toBe(true);
			await phase(page, viewport, 'exercise-controls-hidden', { controls: false });
			// The first tap only brings them back: the session is still running.
			await page.getByTestId('stage-readout').click({ force: true });
			await expect(page.locator('.controls')).not.toHaveAttribute('inert');
			await expect(page.getByTestId('session-state')).toHaveText('Playing');

			await seekTo(page, 'switch');
			await expect(page.getByTestId('state-word')).toContainText('Switch sides');
			await phase(page, viewport, 'switch-sides', { controls: true });

			await seekTo(page, 'rest');
			await expect(page.getByTestId('state-word')).toContainText('Rest');
			await expect(page.getByRole('button', { name: 'Skip rest' })).toBeVisible();
			await phase(page, viewport, 'rest', { controls: true });

			await page.getByRole('button', { name: 'Pause' }).click({ force: true });
			await expect(page.getByTestId('state-word')).toContainText('Paused');
			await phase(page, viewport, 'paused', { controls: true });

			// The end: the check-in on one screen with the way out.
			await page.evaluate(() => {
				const engine = (window as unknown as Hooked).__limber.engine;
				engine.seek(engine.timeline.durationMs - 300);
			});
			await page.clock.resume();
			await page.getByRole('button', { name: 'Resume' }).click();
			await expect(page.getByTestId('after-check-in')).toBeVisible({ timeout: 15_000 });
			await screenshot(page, viewport, 'end');
			await checkStage(page, viewport, { parts: [] });
			await expectNoAxeViolations(page);
		});

		test('a back-school talk', async ({ page }) => {
			test.slow();
			await startPlayer(page, '/play/back-school-lesson-1?level=1&bench');
			// The longest talk of the lesson.
			await page.evaluate(() => {
				const engine = (window as unknown as Hooked).__limber.engine;
				const talks = engine.timeline.segments.filter((s) => s.kind === 'education');
				const longest = talks.reduce((a, b) => (b.endMs - b.startMs > a.endMs - a.startMs ? b : a));
				engine.seek(longest.startMs + 1000);
			});
			await expect(page.getByTestId('state-word')).toContainText('Talk');
			await expect(page.getByTestId('talk-text')).toBeVisible();
			// The talk's own picture, not an exercise pose.
			const picture = page.getByTestId('talk-picture').locator('img');
			await expect(picture).toHaveAttribute('alt', /.{20,}/);
			await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
			await phase(page, viewport, 'talk', { controls: true });
			// The talk's text scrolls inside its panel; the page never does.
			const panel = await page.getByTestId('talk-text').evaluate((el) => {
				const box = el.closest('.notes') as HTMLElement;
				return { scroll: box.scrollHeight, client: box.clientHeight, overflow: getComputedStyle(box).overflowY };
			});
			expect(['auto', 'scroll']).toContain(panel.overflow);
			await checkTalkPicture(page, viewport);

			// What is said, page by page, at both caption sizes: every line inside its box and
			// every word of the cue shown, in order.
			await walkCaptions(page, viewport, 'normal');
			await page.getByTestId('more-button').click({ force: true });
			await page.getByLabel('Large captions').check({ force: true });
			await page.keyboard.press('Escape');
			await expect(page.getByTestId('more-sheet')).toBeHidden();
			await expect(page.getByTestId('caption')).toHaveClass(/large/);
			await walkCaptions(page, viewport, 'large');
			await page.evaluate(() => (window as unknown as Hooked).__limber.engine.seek(60_000));
			await page.evaluate(() => (window as unknown as Hooked).__limber.stage.tick());
			await screenshot(page, viewport, 'talk-large-captions');
			await checkTalkPicture(page, viewport, { largeCaptions: true });
		});

		test('the relaxation player', async ({ page }) => {
			await page.goto('/play/breathing-relaxation?level=1');
			await page.getByRole('button', { name: 'Start', exact: true }).click();
			await expect(page.getByTestId('session-state')).toHaveText('Playing', { timeout: 20_000 });
			await phase(page, viewport, 'relaxation-playing', { controls: true, picture: '[data-testid="relaxation-art"]', name: '[data-testid="group-title"]', frozen: false });
			// The controls may have hidden meanwhile: a pointer move brings them back, as for a person.
			await revealControls(page);
			await page.getByRole('button', { name: 'Pause' }).click();
			await expect(page.getByTestId('session-state')).toHaveText('Paused');
			await phase(page, viewport, 'relaxation-paused', { controls: true, picture: '[data-testid="relaxation-art"]', name: '[data-testid="group-title"]', frozen: false });
		});
	});
}

/**
 * Seeks through the longest talk's spoken cue (every 150 ms, shorter than any caption
 * page) and reads the band at each point: each page must fit its box, and the pages one
 * after another must give the cue's words exactly, none lost at a line's end or between pages.
 */
async function walkCaptions(page: Page, viewport: Viewport, size: 'normal' | 'large'): Promise<void> {
	const where = `${viewport.name}, ${size} captions`;
	const cue = await page.evaluate(() => {
		const engine = (window as unknown as Hooked).__limber.engine;
		const talks = engine.timeline.segments.filter((s) => s.kind === 'education');
		const longest = talks.reduce((a, b) => (b.endMs - b.startMs > a.endMs - a.startMs ? b : a));
		const spoken = engine.timeline.cues.find((c) => c.atMs >= longest.startMs && c.atMs < longest.endMs && c.text.trim() !== '');
		if (!spoken) throw new Error('the longest talk has no spoken cue');
		return { atMs: spoken.atMs, text: spoken.text, endMs: longest.endMs };
	});
	const seekAndRead = (ms: number) =>
		page.evaluate(async (at) => {
			const hook = (window as unknown as Hooked).__limber;
			hook.engine.seek(at);
			hook.stage.tick();
			// A real task (the page's timers are frozen), so the stage has drawn the new position.
			await new Promise<void>((resolve) => {
				const channel = new MessageChannel();
				channel.port1.onmessage = () => resolve();
				channel.port2.postMessage(null);
			});
			return null;
		}, ms);
	const want = normalText(cue.text);
	// The band may be measuring its new size, or loading the splitter for it, a moment first.
	await seekAndRead(cue.atMs + 50);
	await expect.poll(async () => (await page.evaluate(readCaptionInPage)).faults, { message: `${where}: the band settles`, timeout: 10_000 }).toEqual([]);
	const pages: string[] = [];
	for (let ms = cue.atMs + 50; ms < cue.endMs && normalText(pages.join(' ')).length < want.length; ms += 150) {
		await seekAndRead(ms);
		const reading = await page.evaluate(readCaptionInPage);
		expect(reading.faults, `${where} at ${ms} ms: caption lines fit their box`).toEqual([]);
		if (reading.text !== null && reading.text !== pages.at(-1)) pages.push(reading.text);
	}
	expect(normalText(pages.join(' ')), `${where}: the pages shown give the cue's words, in order (${pages.length} pages)`).toBe(want);
}

async function revealControls(page: Page): Promise<void> {
	const size = page.viewportSize();
	await page.mouse.move(3, Math.round((size?.height ?? 400) * 0.3));
	await page.mouse.move(6, Math.round((size?.height ?? 400) * 0.3) + 3);
	await expect(page.locator('.controls')).not.toHaveAttribute('inert');
}

async function phase(page: Page, viewport: Viewport, name: string, options: { controls: boolean; picture?: string; name?: string; frozen?: boolean }): Promise<void> {
	// The picture first, so a failing check still leaves it for the reviewer.
	await screenshot(page, viewport, name);
	await checkStage(page, viewport, options);
	// axe queues its work on timers, which a paused clock never fires: let time run for it.
	if (options.frozen === false) return expectNoAxeViolations(page);
	await page.clock.resume();
	await expectNoAxeViolations(page);
	await freeze(page);
}

test.describe('on a screen smaller than any phone (200 % zoom)', () => {
	// A 360×640 phone at 200 % zoom: 180×320 CSS px. The stage may scroll here, but never sideways,
	// and every control can still be reached and pressed.
	test.use({ viewport: { width: 180, height: 320 }, keepControlsShown: false });

	test('every control is still reachable', async ({ page }) => {
		await page.goto('/play/morning-mobility?level=1');
		await page.getByRole('button', { name: 'Start' }).click();
		await expect(page.getByTestId('session-state')).toHaveText('Get ready');
		const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(sideways).toBeLessThanOrEqual(0);
		for (const name of ['End session', 'Previous', 'Pause', 'Next', 'Start now']) {
			const button = page.getByRole('button', { name, exact: true });
			await button.scrollIntoViewIfNeeded();
			await expect(button).toBeInViewport();
		}
		await page.getByRole('button', { name: 'Pause', exact: true }).click();
		await expect(page.getByTestId('session-state')).toHaveText('Paused');
	});
});
