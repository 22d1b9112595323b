import { describe, expect, it } from 'vitest';
import { DOCTOR_FLAGS, EMERGENCY_FLAGS, safetyStatus, screeningOutcome } from '../../../src/lib/progress/red-flags';
import type { SafetyEvent } from '../../../src/lib/progress/records';
import { day } from './fixtures';

describe('screeningOutcome', () => {
	it.each([
		{ flagged: [], outcome: 'clear' },
		{ flagged: ['injury'], outcome: 'see-doctor' },
		{ flagged: ['saddle'], outcome: 'emergency' },
		{ flagged: ['fever', 'urine'], outcome: 'emergency' },
		{ flagged: ['not-a-flag'], outcome: 'clear' }
	])('$flagged → $outcome', ({ flagged, outcome }) => {
		expect(screeningOutcome(flagged)).toBe(outcome);
	});

	it('every emergency flag alone is an emergency, every doctor flag alone is see-doctor', () => {
		for (const f of EMERGENCY_FLAGS) expect(screeningOutcome([f.id])).toBe('emergency');
		for (const f of DOCTOR_FLAGS) expect(screeningOutcome([f.id])).toBe('see-doctor');
	});

	it('flag ids are unique across both lists', () => {
		const ids = [...EMERGENCY_FLAGS, ...DOCTOR_FLAGS].map((f) => f.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
});

const screen = (n: number, outcome: 'clear' | 'see-doctor' | 'emergency'): SafetyEvent => ({
	id: `s-${n}-xxxxxx`,
	kind: 'screening',
	at: day(n),
	flagged: outcome === 'clear' ? [] : ['x'],
	outcome
});
const legs = (n: number): SafetyEvent => ({ id: `l-${n}-xxxxxx`, kind: 'leg-symptoms', at: day(n), routineId: 'desk-break' });
const cleared = (n: number): SafetyEvent => ({ id: `c-${n}-xxxxxx`, kind: 'cleared', at: day(n) });

describe('safetyStatus', () => {
	it.each([
		{ name: 'nothing yet', events: [], state: 'unscreened' },
		{ name: 'a clear screen', events: [screen(1, 'clear')], state: 'clear' },
		{ name: 'see a doctor', events: [screen(1, 'see-doctor')], state: 'see-doctor' },
		{ name: 'emergency', events: [screen(1, 'emergency')], state: 'emergency' },
		{ name: 'see a doctor, then cleared', events: [screen(1, 'see-doctor'), cleared(2)], state: 'clear' },
		{ name: 'clear, then leg symptoms', events: [screen(1, 'clear'), legs(2)], state: 'see-doctor' },
		{ name: 'leg symptoms, then cleared', events: [screen(1, 'clear'), legs(2), cleared(3)], state: 'clear' },
		{ name: 'cleared before the hold does not lift it', events: [cleared(1), screen(2, 'see-doctor')], state: 'see-doctor' },
		{ name: 'order is by time, not by list position', events: [cleared(3), screen(1, 'see-doctor')], state: 'clear' },
		{ name: 'a cleared note with nothing to clear is ignored', events: [cleared(1)], state: 'unscreened' }
	])('$name → $state', ({ events, state }) => {
		expect(safetyStatus(events).state).toBe(state);
	});

	it('says why the programme is held', () => {
		const s = safetyStatus([screen(1, 'clear'), legs(2)]);
		expect(s).toMatchObject({ state: 'see-doctor', because: 'leg-symptoms', since: day(2) });
	});
});
