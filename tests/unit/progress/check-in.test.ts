import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { afterCheckIn, beforeCheckIn, sessionOutcome, sessionRecord } from '../../../src/lib/progress/check-in';
import { sessionRecord as schema } from '../../../src/lib/progress/records';

const blank = { pain: null, effort: null, relaxed: null, newLegSymptoms: null, note: '' };

describe('check-ins', () => {
	it('a skipped pain question is recorded as skipped, not as zero', () => {
		expect(beforeCheckIn(null)).toEqual({ status: 'skipped' });
		expect(beforeCheckIn(0)).toEqual({ status: 'answered', pain: 0 });
	});

	it.each([
		{ name: 'all blank', answers: blank, status: 'skipped' },
		{ name: 'only spaces in the note', answers: { ...blank, note: '   ' }, status: 'skipped' },
		{ name: 'pain 0 is an answer', answers: { ...blank, pain: 0 }, status: 'answered' },
		{ name: '"no" to leg symptoms is an answer', answers: { ...blank, newLegSymptoms: false }, status: 'answered' },
		{ name: 'a note alone', answers: { ...blank, note: 'Stiff today' }, status: 'answered' }
	])('after: $name → $status', ({ answers, status }) => {
		expect(afterCheckIn(answers).status).toBe(status);
	});

	it('keeps blank questions blank inside an answered check-in', () => {
		expect(afterCheckIn({ ...blank, pain: 4, note: ' ok ' })).toEqual({
			status: 'answered',
			pain: 4,
			effort: null,
			relaxed: null,
			newLegSymptoms: null,
			note: 'ok'
		});
	});

	it.each([
		{ end: 'finished', legs: true, outcome: 'leg-symptoms' },
		{ end: 'stopped', legs: true, outcome: 'leg-symptoms' },
		{ end: 'finished', legs: false, outcome: 'finished' },
		{ end: 'help', legs: null, outcome: 'help' },
		{ end: 'stopped', legs: null, outcome: 'stopped' },
		{ end: 'sleep-timer', legs: null, outcome: 'sleep-timer' }
	] as const)('$end with leg symptoms $legs → $outcome', ({ end, legs, outcome }) => {
		expect(sessionOutcome({ outcome: end, playedMs: 1 }, afterCheckIn({ ...blank, newLegSymptoms: legs }))).toBe(outcome);
	});

	it('records a pause by the sleep timer, without a check-in, as a record the store accepts', () => {
		const r = sessionRecord(
			{ id: 'abcdefgh-2', routineId: 'breathing-relaxation', level: 1, plannedMs: 365_000, startedAt: '2026-03-02T22:00:00.000Z', before: beforeCheckIn(null) },
			{ outcome: 'sleep-timer', playedMs: 300_000 },
			'2026-03-02T22:05:00.000Z',
			{ status: 'skipped' }
		);
		expect(r).toMatchObject({ outcome: 'sleep-timer', playedMs: 300_000, after: { status: 'skipped' } });
		expect(v.safeParse(schema, r).success).toBe(true);
	});

	it('builds a record the store accepts', () => {
		const r = sessionRecord(
			{ id: 'abcdefgh-1', routineId: 'desk-break', level: 2, plannedMs: 420_000.4, startedAt: '2026-03-02T08:00:00.000Z', before: beforeCheckIn(3) },
			{ outcome: 'finished', playedMs: 419_999.6 },
			'2026-03-02T08:07:00.000Z',
			afterCheckIn({ ...blank, pain: 2, effort: 'about-right' })
		);
		expect(v.parse(schema, r)).toEqual(r);
		expect(r.playedMs).toBe(420_000);
	});
});
