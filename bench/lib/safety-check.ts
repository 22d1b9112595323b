/**
 * On a new device the player asks its red-flag questions before any routine plays (and
 * mounts the player only after). Benchmarks start from a fresh browser context, so they
 * answer "none of these apply" in the page, the way a person would, before going on.
 */
import type { Page } from '@playwright/test';

export async function answerSafetyCheck(page: Page): Promise<void> {
	const clear = page.getByRole('button', { name: 'None of these apply: continue' });
	await clear.click();
	await clear.waitFor({ state: 'detached' });
}
