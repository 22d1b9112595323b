import type { Page } from '@playwright/test';
import { expect, test } from './screened';
import { expectNoAxeViolations } from './axe';

/** Seconds shown on the countdown ("1:05" → 65). */
async function countdownSeconds(page: Page): Promise<number> {
	const text = (await page.getByTestId('countdown').textContent()) ?? '';
	const [m, s] = text.trim().split(':').map(Number);
	return (m ?? 0) * 60 + (s ?? 0);
}

async function openPlayer(page: Page): Promise<void> {
	await page.goto('/routines/morning-mobility');
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(page).toHaveURL(/\/play\/morning-mobility\?level=1/);
	await expect(page.getByTestId('session-state')).toHaveText('Ready');
}

test('starting a session advances the countdown and moves through steps', async ({ page }) => {
	await openPlayer(page);
	await expectNoAxeViolations(page);
	const firstStep = await page.getByTestId('step-title').textContent();
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Get ready');
	await expect(page.getByTestId('cue-text')).toContainText('Get ready');
	const before = await countdownSeconds(page);
	await expect.poll(() => countdownSeconds(page), { timeout: 4000 }).toBeLessThan(before);

	// The count-in ends by itself and the first exercise begins.
	await expect(page.getByTestId('session-state')).toHaveText('Playing', { timeout: 10_000 });
	await expect(page.getByTestId('counters')).toBeVisible();

	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page.getByTestId('step-title')).not.toHaveText(firstStep ?? '');
	await expect(page.getByText(/Step 2 of \d+/)).toBeVisible();
	// axe scans a still page: a running countdown re-renders every frame and slows it badly.
	await page.getByRole('button', { name: 'Pause' }).click();
	await expectNoAxeViolations(page);
});

test('pause holds the time still and resume carries on', async ({ page }) => {
	await openPlayer(page);
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Paused');
	const held = await page.getByTestId('countdown').textContent();
	await page.waitForTimeout(2500);
	await expect(page.getByTestId('countdown')).toHaveText(held ?? '');
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Playing');
	await expect(page.getByTestId('countdown')).not.toHaveText(held ?? '', { timeout: 3000 });
});

test('the keyboard alone drives the session', async ({ page }) => {
	await openPlayer(page);
	await page.locator('body').press('Space');
	await expect(page.getByTestId('session-state')).toHaveText('Get ready');
	await page.locator('body').press('Space');
	await expect(page.getByTestId('session-state')).toHaveText('Paused');
	// Skipping while paused: "previous" restarts a step once 3 s of it have played, so
	// skipping while playing would make this test depend on how fast the machine is.
	await page.locator('body').press('n');
	await expect(page.getByText(/Step 2 of \d+/)).toBeVisible();
	await page.locator('body').press('p');
	await expect(page.getByText(/Step 1 of \d+/)).toBeVisible();
	await page.locator('body').press('Space');
	await expect(page.getByTestId('session-state')).not.toHaveText('Paused');
});

test('+10 s lengthens the current hold', async ({ page }) => {
	await openPlayer(page);
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Pause' }).click();
	const before = await countdownSeconds(page);
	await page.getByRole('button', { name: '+10 s' }).click();
	expect(await countdownSeconds(page)).toBe(before + 10);
	await page.getByRole('button', { name: '−10 s' }).click();
	expect(await countdownSeconds(page)).toBe(before);
});
