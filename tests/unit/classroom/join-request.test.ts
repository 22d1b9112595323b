import { describe, expect, it } from 'vitest';
import { joinUrl, requestJoin } from '$lib/classroom/join-request';

describe('requestJoin', () => {
	it('posts the name and returns the participant id', async () => {
		let seen: { url: string; body: unknown } | null = null;
		const result = await requestJoin(
			async (url, init) => {
				seen = { url, body: JSON.parse(String(init.body)) };
				return Response.json({ participantId: 'p-1' });
			},
			'ACDEFG',
			'Ana'
		);
		expect(result).toEqual({ ok: true, participantId: 'p-1' });
		expect(seen).toEqual({ url: joinUrl('ACDEFG'), body: { name: 'Ana' } });
	});

	it.each([
		[404, /No live lesson has this code/],
		[429, /Too many tries/],
		[500, /error 500/]
	])('turns %i into a sentence to act on', async (status, message) => {
		const result = await requestJoin(async () => new Response('', { status }), 'ACDEFG', 'Ana');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toMatch(message);
	});

	it('says when the server cannot be reached or answers nonsense', async () => {
		const offline = await requestJoin(async () => Promise.reject(new TypeError('offline')), 'ACDEFG', 'Ana');
		expect(offline.ok).toBe(false);
		const odd = await requestJoin(async () => Response.json({}), 'ACDEFG', 'Ana');
		expect(odd.ok).toBe(false);
	});
});
