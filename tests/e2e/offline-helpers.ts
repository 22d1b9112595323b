/**
 * Steps the offline tests share: a download pressed on a routine page and awaited until
 * "ready offline", the service worker in control, and what the media cache holds.
 */
import { expect, type Page } from '@playwright/test';

/** The media cache: path → size of the cached body. */
export function cachedMedia(page: Page): Promise<Record<string, number>> {
	return page.evaluate(async () => {
		const cache = await caches.open('limber-media');
		const out: Record<string, number> = {};
		for (const req of await cache.keys()) {
			const u = new URL(req.url);
			const res = await cache.match(req);
			out[u.pathname + u.search] = res ? (await res.blob()).size : -1;
		}
		return out;
	});
}

export async function download(page: Page, routine: string, level: number): Promise<void> {
	await page.goto(`/routines/${routine}`);
	const box = page.locator(`[data-testid="level-download"][data-level="${level}"]`);
	const button = box.getByTestId('download-button');
	await expect(button).toContainText(/\(\d/);
	await button.click();
	await expect(box.getByTestId('download-ready')).toBeVisible({ timeout: 60_000 });
}

export async function swReady(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		}
	});
}

/** Steps through a running session (Next, and −10 s on the last step) until "Session complete". */
export async function playToEnd(page: Page): Promise<void> {
	const complete = page.getByRole('heading', { name: 'Session complete' });
	await expect(async () => {
		if (await complete.isVisible()) return;
		// Short waits only: the buttons go when the session ends, and a bare isEnabled() on a
		// gone button waits for it to come back until the test times out.
		const pressIfThere = async (name: string | RegExp) => {
			const button = page.getByRole('button', { name });
			if (await button.isEnabled({ timeout: 200 }).catch(() => false)) await button.click({ timeout: 1000 }).catch(() => undefined);
		};
		await pressIfThere(/^Next/);
		await pressIfThere('−10 s');
		await expect(complete).toBeVisible({ timeout: 500 });
	}).toPass({ timeout: 90_000, intervals: [100] });
}
