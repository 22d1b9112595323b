import { describe, expect, it } from 'vitest';
import { httpsCheck } from '$lib/server/http/request-protocol';

describe('httpsCheck', () => {
	it("follows ORIGIN's scheme whatever a client sends", () => {
		expect(httpsCheck({ ORIGIN: 'https://limber.example.org' })({})).toBe(true);
		const plain = httpsCheck({ ORIGIN: 'http://192.168.1.20:3000', PROTOCOL_HEADER: 'x-forwarded-proto' });
		expect(plain({ 'x-forwarded-proto': 'https' })).toBe(false);
	});

	it("reads the proxy's protocol header when there is no ORIGIN", () => {
		const check = httpsCheck({ PROTOCOL_HEADER: 'X-Forwarded-Proto' });
		expect(check({ 'x-forwarded-proto': 'https' })).toBe(true);
		expect(check({ 'x-forwarded-proto': 'http' })).toBe(false);
		expect(check({ 'x-forwarded-proto': ['http', 'https'] })).toBe(false);
		// adapter-node's default when the header is missing: https (so the app's pages say the same).
		expect(check({})).toBe(true);
	});

	it("is adapter-node's default, https, with neither set", () => {
		expect(httpsCheck({})({ 'x-forwarded-proto': 'http' })).toBe(true);
	});
});
