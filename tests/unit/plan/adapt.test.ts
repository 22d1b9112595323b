import { describe, expect, it } from 'vitest';
import { decideWeek, type WeekContext, type WeekEvidence } from '../../../src/lib/plan/adapt';
import type { Effort } from '../../../src/lib/progress/records';
import { shippedPlan } from './shipped-plan';

const { rules } = shippedPlan();

const ctx: WeekContext = {
	routineTitle: 'Morning mobility',
	level: 2,
	topLevel: 3,
	gentler: { id: 'desk-break', title: 'Desk break' },
	chosenDays: 3,
	days: 3
};

function week(spec: Partial<WeekEvidence> & { efforts?: Effort[] }): WeekEvidence {
	return { planned: 3, done: 3, efforts: ['about-right', 'about-right', 'about-right'], painChanges: [0, 0, 0], worstRise: null, ...spec };
}

describe('the shipped thresholds are the ones the issue names', () => {
	it('reads them from plan.yaml', () => {
		expect(rules.advance).toEqual({ daysDone: 0.8, aboutRight: 0.5, painRise: 2 });
		expect(rules.hold).toEqual({ tooHard: 2, meanPainRise: 1 });
		expect(rules.fewerDays.below).toBe(0.5);
		expect(rules.flare.painRise).toBe(2);
	});
});

describe('rule: next level offered (≥ 80 % of plan days, effort mostly about right, no rise of 2)', () => {
	it.each([
		['3 of 3 days, all about right', week({}), 'offer'],
		['3 of 3 days, 2 of 3 about right', week({ efforts: ['about-right', 'about-right', 'too-easy'] }), 'offer'],
		['3 of 3 days, half about right is not "mostly"', week({ planned: 2, done: 2, efforts: ['about-right', 'too-easy'] }), 'keep'],
		['2 of 3 days is below 80 %', week({ done: 2, efforts: ['about-right', 'about-right'] }), 'keep'],
		['4 of 5 days is exactly 80 %', week({ planned: 5, done: 4, efforts: ['about-right', 'about-right', 'about-right', 'too-easy'] }), 'offer'],
		['no effort rated', week({ efforts: [] }), 'keep'],
		['a rise of 1 point after one session still offers', week({ worstRise: { date: '2026-03-04', rise: 1 }, painChanges: [1, 0, 0] }), 'offer']
	])('%s → %s', (_name, evidence, kind) => {
		expect(decideWeek(evidence, rules, ctx).kind).toBe(kind);
	});

	it('says why, and which level is offered', () => {
		const d = decideWeek(week({}), rules, ctx);
		expect(d).toMatchObject({ kind: 'offer', level: 3 });
		expect(d.reason).toContain('3 of 3 plan days done last week');
		expect(d.reason).toContain('level 3 of Morning mobility is offered');
	});

	it('at the top level it says to keep going instead', () => {
		const d = decideWeek(week({}), rules, { ...ctx, level: 3 });
		expect(d.kind).toBe('top');
		expect(d.reason).toContain('top level of Morning mobility');
	});

	it('a routine that sets its own quota (graded activity) is not offered a level', () => {
		const d = decideWeek(week({}), rules, { ...ctx, routineTitle: 'Graded activity circuit', ownPace: true });
		expect(d.kind).toBe('keep');
		expect(d.reason).toContain('raises its own quota');
	});

	it('keep says what was missing', () => {
		expect(decideWeek(week({ done: 2, efforts: ['about-right', 'about-right'] }), rules, ctx).reason).toContain('3 of 3 plan days are needed');
		expect(decideWeek(week({ efforts: [] }), rules, ctx).reason).toContain('no effort was rated');
	});
});

describe('rule: keep the level after two "too hard" answers or a rise in pain', () => {
	it.each([
		['two too hard', week({ efforts: ['too-hard', 'too-hard', 'about-right'] }), 'hold'],
		['one too hard is not enough', week({ efforts: ['too-hard', 'about-right', 'about-right'] }), 'offer'],
		['pain up 1 point on average', week({ painChanges: [1, 1, 1], worstRise: { date: '2026-03-04', rise: 1 } }), 'hold'],
		['pain up 0.7 on average is below the threshold', week({ painChanges: [1, 1, 0], worstRise: { date: '2026-03-04', rise: 1 } }), 'offer']
	])('%s → %s', (_name, evidence, kind) => {
		expect(decideWeek(evidence, rules, ctx).kind).toBe(kind);
	});

	it('names the reason and the level kept', () => {
		const d = decideWeek(week({ efforts: ['too-hard', 'too-hard'] }), rules, ctx);
		expect(d.reason).toBe('You answered "too hard" 2 times last week, so you stay at level 2 of Morning mobility this week.');
	});

	it('at the first level, two "too hard" switch to the gentler routine', () => {
		const d = decideWeek(week({ efforts: ['too-hard', 'too-hard'] }), rules, { ...ctx, level: 1 });
		expect(d).toMatchObject({ kind: 'gentler', routineId: 'desk-break' });
		expect(d.reason).toContain('This week\'s movement is Desk break, which is gentler');
	});

	it('at the first level with no gentler routine, the level is kept', () => {
		expect(decideWeek(week({ efforts: ['too-hard', 'too-hard'] }), rules, { ...ctx, level: 1, gentler: null }).kind).toBe('hold');
	});
});

describe('rule: below 50 % of plan days, one fewer plan day at the same level', () => {
	it.each([
		['1 of 3 days', week({ done: 1, efforts: ['about-right'] }), 'fewer-days', 2],
		['0 of 3 days', week({ done: 0, efforts: [] }), 'fewer-days', 2],
		['2 of 4 days is exactly 50 %', week({ planned: 4, done: 2, efforts: ['about-right', 'about-right'] }), 'keep', undefined]
	])('%s → %s', (_name, evidence, kind, days) => {
		const d = decideWeek(evidence, rules, { ...ctx, days: evidence.planned, chosenDays: evidence.planned });
		expect(d.kind).toBe(kind);
		if (days !== undefined) expect(d).toMatchObject({ days });
	});

	it('never goes below the minimum number of days', () => {
		const d = decideWeek(week({ planned: 1, done: 0, efforts: [] }), rules, { ...ctx, days: rules.fewerDays.minDays, chosenDays: 3 });
		expect(d.kind).not.toBe('fewer-days');
	});

	it('says a missed day is not a failure', () => {
		expect(decideWeek(week({ done: 1, efforts: [] }), rules, ctx).reason).toContain('A missed day is not a failure');
	});

	it('a day taken away comes back when the week goes well', () => {
		const d = decideWeek(week({ planned: 2, done: 2, efforts: ['about-right', 'about-right'] }), rules, { ...ctx, days: 2 });
		expect(d).toMatchObject({ kind: 'more-days', days: 3 });
	});
});

describe('rule: a flare makes a setback week', () => {
	it.each([
		['a rise of 2 after one session', week({ worstRise: { date: '2026-03-04', rise: 2 } }), 'setback'],
		['a rise of 4 even with few days done', week({ done: 1, worstRise: { date: '2026-03-04', rise: 4 } }), 'setback'],
		['a rise of 1 is not a flare', week({ worstRise: { date: '2026-03-04', rise: 1 } }), 'offer']
	])('%s → %s', (_name, evidence, kind) => {
		expect(decideWeek(evidence, rules, ctx).kind).toBe(kind);
	});

	it('explains the setback week with the day of the flare', () => {
		const d = decideWeek(week({ worstRise: { date: '2026-03-04', rise: 3 } }), rules, ctx);
		expect(d.reason).toContain('rose by 3 points after a session on Wednesday 4 March');
		expect(d.reason).toContain('goals held');
	});
});
