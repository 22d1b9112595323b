/**
 * Nothing leaves for another host: every request the pages make goes to Limber's own
 * server, and nothing is even attempted elsewhere (a request the CSP blocks never reaches
 * the network, so blocked attempts are caught as CSP violations in the page).
 *
 * video.js in particular would fetch its caption engine (vtt.js) from its CDN if the
 * bundle lacked it and it emulated text tracks; the build leaves vtt.js out and the surface
 * asks for native text tracks, so a session with video must show no such attempt.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './screened';

interface Watch {
	readonly elsewhere: string[];
	violations(): Promise<string[]>;
}

async function watch(page: Page, origin: string): Promise<Watch> {
	await page.addInitScript(() => {
		const seen: string[] = [];
		Object.assign(window, { __cspViolations: seen });
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
	});
	const elsewhere: string[] = [];
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (url.protocol === 'data:' || url.protocol === 'blob:') return;
		if (url.origin !== origin) elsewhere.push(r.url());
	});
	return {
		elsewhere,
		violations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
	};
}

test('an exercise session with video asks no other host for anything', async ({ page, baseURL }) => {
	const seen = await watch(page, new URL(baseURL ?? '').origin);
	await page.goto('/play/morning-mobility?level=1');
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByTestId('session-state')).toHaveText('Playing', { timeout: 15_000 });
	// The video surface is up and showing frames: video.js has set up its tech.
	await expect.poll(() => page.locator('video').evaluateAll((vs) => (vs as HTMLVideoElement[]).some((v) => v.currentTime > 0))).toBe(true);
	await page.getByRole('button', { name: 'Pause' }).click();
	expect(await seen.violations()).toEqual([]);
	expect(seen.elsewhere).toEqual([]);
});

test('the catalogue, a routine, a relaxation session and the history ask no other host', async ({ page, baseURL }) => {
	const seen = await watch(page, new URL(baseURL ?? '').origin);
	for (const path of ['/', '/routines/morning-mobility', '/history']) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
	}
	await page.goto('/play/breathing-relaxation?level=1');
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
	expect(await seen.violations()).toEqual([]);
	expect(seen.elsewhere).toEqual([]);
});
