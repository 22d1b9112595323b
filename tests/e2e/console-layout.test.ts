import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expectNoSidewaysScroll, saveScreen } from './fit';
import { openConsole, signUpInstructor } from './teach-helpers';

/**
 * The instructor's console on a tablet: with the lesson running, where the class is (step,
 * countdown) and the commands that move it are on the first screen without scrolling;
 * the plan and who has joined come below (portrait) or beside (landscape).
 */

interface Box {
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
}

async function box(locator: Locator): Promise<Box> {
	const b = await locator.boundingBox();
	if (!b) throw new Error(`${locator.toString()} has no box`);
	return b;
}

function inside(b: Box, width: number, height: number): boolean {
	return b.x >= 0 && b.y >= 0 && b.x + b.width <= width && b.y + b.height <= height;
}

async function startLesson(page: Page): Promise<void> {
	await signUpInstructor(page, 'console');
	await openConsole(page);
	await page.getByRole('button', { name: 'Start lesson' }).click();
	await expect(page.getByTestId('console-status')).toHaveText(/Playing/);
}

const SIZES = [
	{ name: 'tablet-portrait', width: 768, height: 1024 },
	{ name: 'tablet-landscape', width: 1024, height: 768 },
	{ name: 'laptop', width: 1366, height: 768 }
] as const;

test('on a tablet the console shows the step, the countdown and the commands on the first screen', async ({ page }) => {
	test.setTimeout(180_000);
	await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
	await startLesson(page);
	const controls = page.getByRole('group', { name: 'Lesson controls' });
	const commands = ['Pause', 'Previous step', 'Next step', 'Restart this block', 'End lesson'].map((name) =>
		controls.getByRole('button', { name, exact: true })
	);

	for (const size of SIZES) {
		await page.setViewportSize({ width: size.width, height: size.height });
		await page.evaluate(() => window.scrollTo(0, 0));
		await expectNoSidewaysScroll(page);
		const first = [page.getByTestId('console-step'), page.getByRole('timer'), ...commands];
		for (const part of first) {
			const b = await box(part);
			expect(inside(b, size.width, size.height), `${part.toString()} at ${size.name}: ${JSON.stringify(b)}`).toBe(true);
		}
		// The big command is the one an instructor reaches for: at least 56 px tall and as wide as two fingers.
		const pause = await box(commands[0] as Locator);
		expect(pause.height).toBeGreaterThanOrEqual(56);
		for (const command of commands) expect((await box(command)).height).toBeGreaterThanOrEqual(48);

		// The plan and the roster follow the controls (below them, or in a column beside them).
		const bottomOfControls = Math.max(...(await Promise.all(commands.map(async (c) => { const b = await box(c); return b.y + b.height; }))));
		const controlsRight = Math.max(...(await Promise.all(commands.map(async (c) => { const b = await box(c); return b.x + b.width; }))));
		for (const heading of ['Lesson plan', 'Joined']) {
			const h = await box(page.getByRole('heading', { name: heading }));
			expect(h.y >= bottomOfControls || h.x >= controlsRight, `${heading} at ${size.name} comes after the controls`).toBe(true);
		}
		// The first screen, as the instructor sees it.
		await saveScreen(page, 'console', size.name, false);
	}
	await expectNoAxeViolations(page);
});
