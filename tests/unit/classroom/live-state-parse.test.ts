import { describe, expect, it } from 'vitest';
import { parseLiveState, parseRoster } from '$lib/classroom/live-state-parse';
import type { LiveState } from '$lib/classroom/protocol';

const state: LiveState = {
	lessonId: 'l',
	code: 'ACDEFG',
	routineId: 'r',
	level: 2,
	status: 'paused',
	positionMs: 1234,
	anchorServerMs: 1_700_000_000_000,
	seq: 7
};

describe('parseLiveState', () => {
	it('reads a whole state', () => {
		expect(parseLiveState(JSON.stringify(state))).toEqual(state);
	});
	it('drops anything that is not a whole state', () => {
		expect(parseLiveState('{')).toBeNull();
		expect(parseLiveState(JSON.stringify({ ...state, status: 'stopped' }))).toBeNull();
		expect(parseLiveState(JSON.stringify({ ...state, seq: 'x' }))).toBeNull();
		expect(parseLiveState(JSON.stringify([state]))).toBeNull();
	});
});

describe('parseRoster', () => {
	it('reads participants; connected only when true', () => {
		expect(parseRoster('[{"id":"a","name":"Ana","connected":true},{"id":"b","name":"Bo"}]')).toEqual([
			{ id: 'a', name: 'Ana', connected: true },
			{ id: 'b', name: 'Bo', connected: false }
		]);
	});
	it('drops a roster with a malformed entry', () => {
		expect(parseRoster('[{"id":1,"name":"Ana"}]')).toBeNull();
		expect(parseRoster('{}')).toBeNull();
	});
});
