/**
 * The class screens on the shared stage, for every step of the four shipped back-school
 * lessons: the projector at 1280×720 and 1920×1080 and a participant's phone at 390×844,
 * each following the instructor's jumps. Nothing overflows or overlaps, the projector's
 * own buttons never sit on text, and the longest talk fits its panel. Screenshots of each
 * lesson's first exercise and longest talk go to reports/screens/.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { checkStage, readCaptionInPage, checkTalkPicture, screenshot, type Viewport } from './stage-checks';

const PROJECTORS: readonly Viewport[] = [
	{ name: 'projector-1280x720', width: 1280, height: 720, kind: 'projector' },
	{ name: 'projector-1920x1080', width: 1920, height: 1080, kind: 'projector' }
];
const PHONE: Viewport = { name: 'participant-390x844', width: 390, height: 844, kind: 'phone' };
const CONTROLS = '[data-testid="sound-toggle"]';

async function newPage(browser: Browser, viewport: Viewport): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
	return context.newPage();
}

async function signUp(page: Page): Promise<void> {
	await page.goto('/teach/signup');
	await page.getByLabel('Email').fill(`layout-${randomUUID()}@example.org`);
	await page.getByLabel('Password', { exact: true }).fill('calm lumbar walks daily');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/teach\/?$/, { timeout: 20_000 });
	await page.getByRole('button', { name: 'Create class' }).click();
	await expect(page).toHaveURL(/\/teach\/classes\//);
}

test('projector and phone fit every step of the four lessons', async ({ browser }) => {
	test.setTimeout(900_000);
	const instructor = await newPage(browser, { name: 'console', width: 1280, height: 900, kind: 'laptop' });
	await signUp(instructor);
	const classUrl = instructor.url();

	for (let lesson = 1; lesson <= 4; lesson++) {
		await instructor.goto(classUrl);
		await instructor.getByRole('button', { name: 'Start live lesson' }).nth(lesson - 1).click();
		await expect(instructor).toHaveURL(/\/teach\/live\/[A-Z0-9]{6}$/);
		const code = new URL(instructor.url()).pathname.split('/').pop() ?? '';

		const projectors = await Promise.all(PROJECTORS.map((v) => newPage(browser, v)));
		for (const p of projectors) await p.goto(`/live/${code}/projector`);
		const phone = await newPage(browser, PHONE);
		await phone.goto(`/join?code=${code}`);
		await phone.getByTestId('join-name').fill('Ana');
		await phone.getByRole('button', { name: 'Join' }).click();
		await expect(phone).toHaveURL(new RegExp(`/live/${code}$`), { timeout: 20_000 });
		const screens: [Page, Viewport][] = [...projectors.map((p, i) => [p, PROJECTORS[i] as Viewport] as [Page, Viewport]), [phone, PHONE]];

		// Paused, so each step holds still while it is looked at.
		await instructor.getByRole('button', { name: 'Start lesson' }).click();
		await instructor.getByRole('button', { name: 'Pause' }).click();
		for (const [p] of screens) await expect(p.getByTestId('live-stage')).toHaveAttribute('data-state', 'paused', { timeout: 15_000 });

		const steps = await instructor.getByTestId('plan-step').count();
		let shotExercise = false;
		for (let step = 0; step < steps; step++) {
			await instructor.getByTestId('plan-step').nth(step).click();
			for (const [p, viewport] of screens) {
				await expect(p.getByTestId('live-stage')).toHaveAttribute('data-step', String(step), { timeout: 15_000 });
				const part = await p.getByTestId('session-stage').getAttribute('data-part');
				await checkStage(p, viewport, { controlsSelector: CONTROLS });
				// The projector's large captions and the phone's: every line inside its box, no word lost.
				await expect.poll(async () => (await p.evaluate(readCaptionInPage)).faults, { message: `${viewport.name} step ${step + 1}: caption lines fit their box` }).toEqual([]);
				if (part === 'talk') {
					// The talk's picture is shown, and its text scrolls inside its own panel.
					await expect(p.getByTestId('talk-text')).toBeVisible();
					await expect(p.locator('[data-testid="talk-picture"], [data-testid="talk-card"]').first()).toBeVisible();
					// Large enough to read from the floor or across the room, and inside the screen.
					if (await p.getByTestId('talk-picture').count()) await checkTalkPicture(p, viewport, { largeCaptions: viewport.kind === 'projector' });
					// Text past the panel's edge is faded there, so a cut line reads as "goes on".
					const panel = p.getByRole('region', { name: /^Talk:/ });
					const overflows = await panel.evaluate((el) => el.scrollHeight - el.clientHeight > 2);
					if (overflows) {
						await expect(panel).toHaveAttribute('data-more-below', '');
						await panel.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
						await expect(panel).not.toHaveAttribute('data-more-below');
						await expect(panel).toHaveAttribute('data-more-above', '');
						await panel.evaluate((el) => el.scrollTo({ top: 0 }));
					} else {
						await expect(panel).not.toHaveAttribute('data-more-below');
					}
				}
				if ((part === 'talk' && step <= 2) || (part === 'exercise' && !shotExercise)) {
					await screenshot(p, viewport, `lesson-${lesson}-step-${step + 1}-${part}`);
				}
			}
			const part = await phone.getByTestId('session-stage').getAttribute('data-part');
			if (part === 'exercise') shotExercise = true;
		}
		await expectNoAxeViolations(projectors[1] as Page);
		await expectNoAxeViolations(phone);

		await instructor.getByRole('button', { name: 'End lesson' }).click();
		await instructor.getByRole('button', { name: 'Yes, end lesson' }).click();
		await expect(instructor.getByTestId('console-status')).toHaveText(/Lesson ended/);
		for (const [p] of screens) await p.context().close();
	}
});
