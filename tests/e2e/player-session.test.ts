import { expect, test } from './screened';

test('a reload mid-session offers to carry on at the same step', async ({ page }) => {
	await page.goto('/play/morning-mobility?level=1');
	await page.getByRole('button', { name: 'Start' }).click();
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page.getByText(/Step 3 of \d+/)).toBeVisible();
	const title = (await page.getByTestId('step-title').textContent()) ?? '';
	await page.reload();
	const offer = page.getByTestId('resume-offer');
	await expect(offer).toContainText(`step 3: ${title}`);
	await offer.getByRole('button', { name: 'Carry on from there' }).click();
	await expect(page.getByText(/Step 3 of \d+/)).toBeVisible();
	await expect(page.getByTestId('step-title')).toHaveText(title);
	await expect(page.getByTestId('session-state')).toHaveText('Playing');
	await expect(offer).toHaveCount(0);
});

test('finishing or stopping clears the saved place', async ({ page }) => {
	await page.goto('/play/morning-mobility?level=1');
	await page.getByRole('button', { name: 'Start' }).click();
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'End session' }).click();
	await page.getByTestId('end-sheet').getByRole('button', { name: 'End session' }).click();
	await page.reload();
	await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
	await expect(page.getByTestId('resume-offer')).toHaveCount(0);
});

test('lock-screen (Media Session) controls drive the session', async ({ page }) => {
	// Capture the handlers the page registers, as the operating system would.
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
	await page.goto('/play/morning-mobility?level=1');
	const press = (action: string, details: object = {}) =>
		page.evaluate(([a, d]) => (window as unknown as { __ms: Record<string, (x: object) => void> }).__ms[a as string]?.({ action: a, ...(d as object) }), [action, details] as const);
	await expect.poll(() => page.evaluate(() => Object.keys((window as unknown as { __ms: object }).__ms).length)).toBeGreaterThan(3);
	await press('play');
	await expect(page.getByTestId('session-state')).toHaveText('Get ready');
	// Paused before skipping: "previous" restarts a step once 3 s of it have played, so
	// skipping while playing would make this test depend on how fast the machine is.
	await press('pause');
	await expect(page.getByTestId('session-state')).toHaveText('Paused');
	expect(await page.evaluate(() => navigator.mediaSession.playbackState)).toBe('paused');
	expect(await page.evaluate(() => navigator.mediaSession.metadata?.artist)).toBe('Limber');
	await press('nexttrack');
	await expect(page.getByText(/Step 2 of \d+/)).toBeVisible();
	await press('previoustrack');
	await expect(page.getByText(/Step 1 of \d+/)).toBeVisible();
	await press('play');
	await expect(page.getByTestId('session-state')).not.toHaveText('Paused');
});
