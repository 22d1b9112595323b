import { describe, expect, it } from 'vitest';
import type { LiveState } from '$lib/classroom/protocol';
import { encodeMessage, NOTIFY_PAYLOAD_LIMIT, parseMessage, type BusMessage } from '$lib/server/bus/messages';

const state: LiveState = {
	lessonId: 'l1',
	code: 'ACDEFG',
	routineId: 'back-school-1',
	level: 2,
	status: 'playing',
	positionMs: 12_000,
	anchorServerMs: 1_700_000_000_300,
	seq: 7
};

describe('bus messages', () => {
	it('round-trip every kind through one payload when they fit', () => {
		const messages: BusMessage[] = [
			{ t: 'state', from: 'a', state },
			{ t: 'state-ref', from: 'a', lessonId: 'l1', code: 'ACDEFG', seq: 7 },
			{ t: 'joined', from: 'a', code: 'ACDEFG', id: 'p1', name: 'Ana María' },
			{ t: 'presence', from: 'a', code: 'ACDEFG', on: ['p1'], off: ['p2'], reset: true },
			{ t: 'beat', from: 'a' },
			{ t: 'hello', from: 'a' }
		];
		for (const message of messages) {
			const payloads = encodeMessage(message);
			expect(payloads).toHaveLength(1);
			expect(parseMessage(payloads[0]!)).toEqual(message);
		}
	});

	it('sends a state too large for a notification by reference', () => {
		const big = { ...state, routineId: 'r'.repeat(NOTIFY_PAYLOAD_LIMIT) };
		const payloads = encodeMessage({ t: 'state', from: 'a', state: big });
		expect(payloads).toHaveLength(1);
		expect(Buffer.byteLength(payloads[0]!)).toBeLessThan(8000);
		expect(parseMessage(payloads[0]!)).toEqual({ t: 'state-ref', from: 'a', lessonId: 'l1', code: 'ACDEFG', seq: 7 });
	});

	it('splits a long presence list into payloads under the limit, the first keeping reset', () => {
		const on = Array.from({ length: 500 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
		const off = ['gone-1', 'gone-2'];
		const payloads = encodeMessage({ t: 'presence', from: 'a', code: 'ACDEFG', on, off, reset: true });
		expect(payloads.length).toBeGreaterThan(2);
		for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(NOTIFY_PAYLOAD_LIMIT);
		const parsed = payloads.map((p) => parseMessage(p));
		expect(parsed.map((m) => m?.t === 'presence' && m.reset)).toEqual([true, ...payloads.slice(1).map(() => false)]);
		const all = parsed.flatMap((m) => (m?.t === 'presence' ? m.on : []));
		const allOff = parsed.flatMap((m) => (m?.t === 'presence' ? m.off : []));
		expect(all).toEqual(on);
		expect(allOff).toEqual(off);
	});

	it.each([
		['not json', '{'],
		['no sender', JSON.stringify({ t: 'beat' })],
		['unknown kind', JSON.stringify({ t: 'what', from: 'a' })],
		['half a state', JSON.stringify({ t: 'state', from: 'a', state: { seq: 1 } })],
		['presence without lists', JSON.stringify({ t: 'presence', from: 'a', code: 'X', on: 'p1' })]
	])('drops %s', (_, payload) => {
		expect(parseMessage(payload)).toBeNull();
	});
});
