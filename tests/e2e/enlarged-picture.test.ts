/**
 * A talk's picture on a phone: the stage shows it the width of the phone, its labels a
 * few millimetres high, so "Enlarge picture" opens it over the whole screen. Upright and
 * on its side, in the solo player and on a class participant's phone: the picture fills
 * nearly all of the width or the height, axe finds nothing, Escape and Close close it and
 * give focus back to the button, and the session runs on behind it (a view, not a pause).
 * The projector has no such button: nobody touches it.
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './screened';
import { signUpInstructor, openConsole } from './teach-helpers';

interface Engine {
	readonly state: string;
	readonly position: number;
	readonly timeline: { readonly segments: readonly { kind: string; startMs: number; endMs: number }[] };
	seek(ms: number): boolean;
}
type Hooked = Window & { __limber: { engine: Engine } };

const PHONES = [
	{ name: 'upright 390×844', width: 390, height: 844 },
	{ name: 'on its side 844×390', width: 844, height: 390 }
] as const;

/** The picture as drawn inside the enlarged view (fitted whole, so its largest rectangle of the image's shape). */
async function drawnShare(page: Page): Promise<{ width: number; height: number }> {
	return page.getByTestId('enlarged-picture').locator('img').evaluate((el: HTMLImageElement) => {
		const box = el.getBoundingClientRect();
		const scale = Math.min(box.width / el.naturalWidth, box.height / el.naturalHeight);
		return { width: (el.naturalWidth * scale) / window.innerWidth, height: (el.naturalHeight * scale) / window.innerHeight };
	});
}

/** Opens the enlarged picture, checks it, and closes it with `close`; `moving` says whether the session is still running. */
async function enlargeAndClose(page: Page, close: 'Escape' | 'Close', moving: () => Promise<number | string>): Promise<void> {
	const button = page.getByRole('button', { name: 'Enlarge picture' });
	await button.click();
	const dialog = page.getByRole('dialog', { name: /^Picture:/ });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
	const img = dialog.locator('img');
	await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
	const share = await drawnShare(page);
	expect(Math.max(share.width, share.height), `the picture fills 90 % of the width or height (${JSON.stringify(share)})`).toBeGreaterThanOrEqual(0.9);
	// Its caption is shown with it, inside the screen.
	await expect(dialog.locator('.caption')).toBeInViewport({ ratio: 1 });
	await expectNoAxeViolations(page);
	const before = await moving();
	// The session's clock goes on while the picture is looked at.
	await expect.poll(moving, { message: 'the session keeps running behind the picture', timeout: 15_000 }).not.toBe(before);
	if (close === 'Escape') await page.keyboard.press('Escape');
	else await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(dialog).toBeHidden();
	await expect(button).toBeFocused();
}

for (const phone of PHONES) {
	test.describe(`solo player, phone ${phone.name}`, () => {
		test.use({ viewport: { width: phone.width, height: phone.height } });

		test('a talk picture opens full screen and closes again, the session running on', async ({ page }) => {
			await page.goto('/play/back-school-lesson-1?level=1&bench');
			await page.getByRole('button', { name: 'Start', exact: true }).click();
			await expect.poll(() => page.evaluate(() => Boolean((window as unknown as Partial<Hooked>).__limber))).toBe(true);
			// The second talk: the parts of the back, the most detailed picture.
			await page.evaluate(() => {
				const engine = (window as unknown as Hooked).__limber.engine;
				const talk = engine.timeline.segments.filter((s) => s.kind === 'education')[1];
				if (!talk) throw new Error('no second talk');
				engine.seek(talk.startMs + 1000);
			});
			await expect(page.getByTestId('talk-picture').locator('img')).toHaveAttribute('src', /spine-parts/);
			const state = () => page.evaluate(() => (window as unknown as Hooked).__limber.engine.state);
			const position = () => page.evaluate(() => Math.floor((window as unknown as Hooked).__limber.engine.position / 250));
			await expect.poll(state).toBe('playing');
			await enlargeAndClose(page, 'Escape', position);
			// Escape closed the picture and nothing else: the stage's own Escape would pause.
			expect(await state()).toBe('playing');
			await enlargeAndClose(page, 'Close', position);
			expect(await state()).toBe('playing');
		});
	});
}

test.describe('solo player, phone upright, the talk ending', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('a picture enlarged when its talk ends closes with it, and the focus goes to the stage, whose keys work', async ({ page }) => {
		await page.goto('/play/back-school-lesson-1?level=1&bench');
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		await expect.poll(() => page.evaluate(() => Boolean((window as unknown as Partial<Hooked>).__limber))).toBe(true);
		// A talk followed by something that is not a talk: opened a second into it, then moved
		// to just before its end with the picture open (a wait on the clock alone would race the
		// click on a busy machine).
		const talk = await page.evaluate(() => {
			const segments = (window as unknown as Hooked).__limber.engine.timeline.segments;
			const found = segments.find((s, k) => s.kind === 'education' && segments[k + 1] !== undefined && segments[k + 1]?.kind !== 'education');
			if (!found) throw new Error('no talk followed by another part');
			(window as unknown as Hooked).__limber.engine.seek(found.startMs + 1000);
			return { endMs: found.endMs };
		});
		await page.getByRole('button', { name: 'Enlarge picture' }).click();
		const dialog = page.getByRole('dialog', { name: /^Picture:/ });
		await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
		await page.evaluate((ms) => (window as unknown as Hooked).__limber.engine.seek(ms), talk.endMs - 300);
		await expect(dialog).toBeHidden({ timeout: 10_000 });
		await expect(page.getByTestId('talk-picture')).toHaveCount(0);
		await expect(page.locator('section.stage')).toBeFocused();
		// The stage's own keys: Space pauses.
		await page.keyboard.press('Space');
		await expect.poll(() => page.evaluate(() => (window as unknown as Hooked).__limber.engine.state)).toBe('paused');
	});
});

test('a class participant enlarges the talk picture; the projector has no such button', async ({ browser }) => {
	test.slow();
	const instructor = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
	await signUpInstructor(instructor, 'enlarge');
	const code = await openConsole(instructor);
	const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
	await projector.goto(`/live/${code}/projector`);
	const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
	await phone.goto(`/join?code=${code}`);
	await phone.getByTestId('join-name').fill('Ana');
	await phone.getByRole('button', { name: 'Join' }).click();
	await expect(phone).toHaveURL(new RegExp(`/live/${code}$`), { timeout: 20_000 });

	await instructor.getByRole('button', { name: 'Start lesson' }).click();
	// The second step: the parts of the back.
	await instructor.getByTestId('plan-step').nth(1).click();
	for (const p of [phone, projector]) {
		await expect(p.getByTestId('live-stage')).toHaveAttribute('data-step', '1', { timeout: 15_000 });
		await expect(p.getByTestId('talk-picture').locator('img')).toHaveAttribute('src', /spine-parts/);
	}
	await expect(projector.getByTestId('enlarge-picture')).toHaveCount(0);
	await expect(phone.getByTestId('live-stage')).toHaveAttribute('data-state', 'playing');
	// What the phone shows of the talk's time left: it changes while the lesson runs.
	const timer = () => phone.getByRole('timer').first().textContent().then((t) => t ?? '');
	await enlargeAndClose(phone, 'Escape', timer);
	await expect(phone.getByTestId('live-stage')).toHaveAttribute('data-state', 'playing');
	for (const p of [instructor, projector, phone]) await p.context().close();
});
