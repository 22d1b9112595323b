import { describe, expect, it } from 'vitest';
import { readHeartbeatMs } from '$lib/server/classroom/stream-settings';

describe('readHeartbeatMs', () => {
	it('is 15 s unless LIMBER_SSE_HEARTBEAT_S says otherwise, in seconds', () => {
		expect(readHeartbeatMs({})).toBe(15_000);
		expect(readHeartbeatMs({ LIMBER_SSE_HEARTBEAT_S: ' ' })).toBe(15_000);
		expect(readHeartbeatMs({ LIMBER_SSE_HEARTBEAT_S: '1' })).toBe(1000);
		expect(readHeartbeatMs({ LIMBER_SSE_HEARTBEAT_S: '0.5' })).toBe(500);
	});

	it.each(['0', '-5', 'often', '3600'])('refuses %j with a message naming the variable', (value) => {
		expect(() => readHeartbeatMs({ LIMBER_SSE_HEARTBEAT_S: value })).toThrow(/LIMBER_SSE_HEARTBEAT_S must be a number of seconds/);
	});
});
