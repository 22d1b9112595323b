import { expect, test, type APIResponse } from '@playwright/test';

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
