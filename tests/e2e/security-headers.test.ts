import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';

/** What every answer must carry, whatever proxy is in front (none here). */
function expectSecurityHeaders(res: APIResponse): void {
	const h = res.headers();
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(h['permissions-policy']).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\).*payment=\(\)/);
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	// Served over plain http here: no HSTS (the cluster test checks it over https).
	expect(h['strict-transport-security']).toBeUndefined();
}

/** A clip's path as the app hands it to pages: with its content hash as `?v=` (from a routine's offline list). */
async function versionedClip(request: APIRequestContext): Promise<string> {
	const list = await request.get('/routines/morning-mobility/offline.json');
	expect(list.status()).toBe(200);
	const clip = Object.keys(((await list.json()) as { bytes: Record<string, number> }).bytes).find((p) => /^video\/.+\.webm\?v=[0-9a-f]+$/.test(p));
	expect(clip, 'the routine lists a versioned clip').toBeTruthy();
	return `/media/${clip}`;
}

test('a page, an endpoint and the event stream carry the security headers', async ({ request }) => {
	const page = await request.get('/');
	expect(page.status()).toBe(200);
	expectSecurityHeaders(page);
	// The page keeps its full policy from svelte.config.js, with framing forbidden in it.
	expect(page.headers()['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/);

	const endpoint = await request.get('/api/health');
	expect(endpoint.status()).toBe(200);
	expectSecurityHeaders(endpoint);

	const missing = await request.get('/api/live/QQQQQQ/events');
	expect(missing.status()).toBe(404);
	expectSecurityHeaders(missing);
});

test('a media file, a slice of it and a refused range carry them too (served without the app)', async ({ request }) => {
	const clip = await versionedClip(request);
	// What a video element asks for: a Range of the versioned clip.
	const slice = await request.get(clip, { headers: { range: 'bytes=0-1023' } });
	expect(slice.status()).toBe(206);
	expect(slice.headers()['content-type']).toBe('video/webm');
	expect(slice.headers()['content-range']).toMatch(/^bytes 0-1023\/\d+$/);
	expect((await slice.body()).length).toBe(1024);
	expectSecurityHeaders(slice);

	const whole = await request.get(clip);
	expect(whole.status()).toBe(200);
	expectSecurityHeaders(whole);

	// A range past the end: the static server's own 416 keeps them.
	const size = Number(slice.headers()['content-range']?.split('/')[1]);
	const refused = await request.get(clip, { headers: { range: `bytes=${size + 10}-` } });
	expect(refused.status()).toBe(416);
	expectSecurityHeaders(refused);

	// A prerendered file (adapter-node serves it without the app's hooks) and a file that is not there.
	expectSecurityHeaders(await request.get('/routines/morning-mobility/offline.json'));
	const gone = await request.get('/media/video/no-such-clip.webm?v=0123abcd');
	expect(gone.status()).toBe(404);
	expectSecurityHeaders(gone);
});

test('the browser understands every feature the permissions policy names (an unknown one is a warning on every page)', async ({ page }) => {
	const warnings: string[] = [];
	page.on('console', (m) => {
		if (/permissions-policy/i.test(m.text())) warnings.push(m.text());
	});
	await page.goto('/');
	await page.goto('/routines/morning-mobility');
	expect(warnings).toEqual([]);
});
