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
