/**
 * Limber asks its red-flag questions before any routine plays. Tests about the player
 * start from a person who has answered them with nothing to report: import `test` from
 * here instead of '@playwright/test'.
 *
 * The screen is answered once per worker through the real page, and each test's browser
 * context starts from that device state (IndexedDB included), so the answer costs a test
 * no time of its own.
 */
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';

export async function completeScreening(page: Page): Promise<void> {
	await page.goto('/screening');
	await page.getByRole('button', { name: 'None of these apply: continue' }).click();
	await expect(page.getByTestId('safety-clear')).toBeVisible();
}

type DeviceState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * Tests about what the controls do, not about their hiding, run with the player's own
 * "Keep the controls shown" setting on: a machine slowed by other work must not find the
 * buttons hidden because four seconds went by (stage-layout tests the hiding itself).
 */
export const test = base.extend<{ keepControlsShown: boolean }, { screenedDevice: DeviceState }>({
	keepControlsShown: [true, { option: true }],
	context: async ({ context, keepControlsShown }, use) => {
		if (keepControlsShown) {
			await context.addInitScript(() => {
				const key = 'limber.stage.v1';
				if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify({ keepControls: true }));
			});
		}
		await use(context);
	},
	screenedDevice: [
		async ({ browser }, use, workerInfo) => {
			const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
			const page = await context.newPage();
			await completeScreening(page);
			const state = await context.storageState({ indexedDB: true });
			await context.close();
			await use(state);
		},
		{ scope: 'worker' }
	],
	storageState: async ({ screenedDevice }, use) => {
		await use(screenedDevice);
	}
});

export { expect };
