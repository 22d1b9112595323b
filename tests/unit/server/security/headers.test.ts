import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, FRAME_ANCESTORS_ONLY, HSTS, setSecurityHeaders } from '$lib/server/security/headers';

describe('security headers', () => {
	it('turn off what Limber never uses, forbid framing and sniffing, and keep referrers to the origin', () => {
		const headers = new Headers();
		applySecurityHeaders(headers, false);
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		for (const feature of ['camera', 'microphone', 'geolocation', 'payment']) expect(headers.get('permissions-policy')).toContain(`${feature}=()`);
		// The screen wake lock keeps a session's screen on: never turned off.
		expect(headers.get('permissions-policy')).not.toContain('wake-lock');
		expect(headers.get('content-security-policy')).toBe(FRAME_ANCESTORS_ONLY);
		expect(headers.get('strict-transport-security')).toBeNull();
	});
	it('add HSTS over https, and keep a page’s own policy', () => {
		const headers = new Headers({ 'content-security-policy': "default-src 'self'; frame-ancestors 'none'" });
		applySecurityHeaders(headers, true);
		expect(headers.get('strict-transport-security')).toBe(HSTS);
		expect(headers.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors 'none'");
	});
	it('are the same on a Node response', () => {
		const set = new Map<string, string>();
		setSecurityHeaders({ hasHeader: (n) => set.has(n), setHeader: (n, v) => set.set(n, v) }, true);
		const headers = new Headers();
		applySecurityHeaders(headers, true);
		expect(Object.fromEntries(set)).toEqual(Object.fromEntries(headers));
	});
});
