import { describe, expect, it } from 'vitest';
import { minutes, quota, quotaPlan } from '../../../../src/lib/progress/rules/quota';
import { levels, session, type SessionSpec } from '../fixtures';
import type { RoutineHistory } from '../../../../src/lib/progress/routine-history';

const params = { rule: 'quota' as const, baselineSessions: 3, startShare: 0.7, step: 0.1, goalShare: 1.5, description: 'x' };
const MIN = 60_000;
// Levels of 4, 6, 8 … 20 minutes.
const graded = levels(9, (i) => 2 + 2 * i);
const base = (m: number, s: SessionSpec = {}): SessionSpec => ({ outcome: 'stopped', playedMs: m * MIN, ...s });
const done = (s: SessionSpec = {}): SessionSpec => ({ outcome: 'finished', ...s });
const h = (specs: SessionSpec[]): RoutineHistory => ({
	startingLevel: 1,
	levels: graded,
	sessions: specs.map((s, i) => session({ day: i + 1, ...s })),
	choices: []
});

describe('quota', () => {
	it.each([
		{ name: 'no sessions: first baseline at the longest level', specs: [], level: 9, change: 'baseline', quota: null },
		{ name: 'baseline 2 of 3', specs: [base(10)], level: 9, change: 'baseline', quota: null },
		// mean 10 min → 70% = 7 min → the 6-minute level (2)
		{ name: 'first quota is 70% of the baseline mean', specs: [base(8), base(10), base(12)], level: 2, change: 'quota', quota: 7 },
		{ name: 'rises by a step after a completed quota session', specs: [base(10), base(10), base(10), done()], level: 3, change: 'quota', quota: 8 },
		{ name: 'a stopped quota session does not raise it', specs: [base(10), base(10), base(10), done({ outcome: 'stopped' })], level: 2, change: 'quota', quota: 7 },
		{
			name: 'ordinary pain does not lower it',
			specs: [base(10), base(10), base(10), done({ before: 2, after: 6, effort: 'too-hard' }), done({ before: 2, after: 7 })],
			level: 3,
			change: 'quota',
			quota: 9
		},
		{ name: 'a safety stop is neither baseline nor quota', specs: [base(10), base(10), { outcome: 'help' as const, playedMs: MIN }], level: 9, change: 'baseline', quota: null },
		{
			name: 'stops at the goal',
			specs: [base(10), base(10), base(10), ...Array.from({ length: 12 }, () => done())],
			level: 6,
			change: 'goal',
			quota: 15
		},
		{ name: 'a quota shorter than every level plays the shortest', specs: [base(2), base(2), base(2)], level: 1, change: 'quota', quota: 1.4 },
		{ name: 'skipped check-ins change nothing', specs: [base(10, { after: 'skip', before: 'skip' }), base(10), base(10)], level: 2, change: 'quota', quota: 7 }
	])('$name', ({ specs, level, change, quota: q }) => {
		const r = quota(params, h(specs));
		expect({ level: r.level, change: r.change }).toEqual({ level, change });
		if (q === null) expect(r.quotaMs).toBeUndefined();
		else expect(r.quotaMs).toBeCloseTo(q * MIN, 6);
	});

	it('explains the quota in plain words', () => {
		expect(quota(params, h([base(8), base(10), base(12)])).reason).toBe(
			"Your baseline average is 10 min. Today's quota is 70% of it, 7 min: level 2 (6 min). Finish the whole level even if your back is a little sore; ordinary soreness is not harm."
		);
		expect(quota(params, h([base(10)])).reason).toMatch(/^Baseline session 2 of 3:/);
	});

	it('plan counts baseline from the earliest sessions, whatever order they are stored in', () => {
		const specs = [base(10), base(20), base(30), base(90)].map((s, i) => session({ day: i + 1, ...s }));
		expect(quotaPlan(params, specs.reverse()).meanMs).toBe(20 * MIN);
	});

	it('formats minutes to one decimal', () => {
		expect(minutes(7 * MIN)).toBe('7 min');
		expect(minutes(7.75 * MIN)).toBe('7.8 min');
	});
});
