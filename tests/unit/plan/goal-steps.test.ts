import { describe, expect, it } from 'vitest';
import { goalProgress, reviewDue, reviewOutcome, targetLadder } from '../../../src/lib/plan/goal-steps';
import type { Goal, GoalResult, GoalReview } from '../../../src/lib/progress/plan-records';
import { shippedPlan } from './shipped-plan';

const pacing = shippedPlan().goals;

function goal(amounts: number[]): Goal {
	return {
		id: 'goal-0001-walk',
		createdAt: '2026-03-01T09:00:00.000Z',
		updatedAt: '2026-03-01T09:00:00.000Z',
		area: 'walking',
		what: 'Walk to the park',
		unit: 'minutes',
		perWeek: 3,
		tries: amounts.map((amount, i) => ({ date: `2026-03-0${i + 2}`, amount })),
		archived: false
	};
}

let n = 0;
function reviews(...results: (GoalResult | [GoalResult, 'held'])[]): GoalReview[] {
	return results.map((r, i) => {
		const [result, held] = Array.isArray(r) ? r : [r, null];
		return {
			id: `review-${String(++n).padStart(5, '0')}`,
			goalId: 'goal-0001-walk',
			at: `2026-03-${String(10 + i * 7).padStart(2, '0')}T09:00:00.000Z`,
			target: 0,
			result,
			held: held === 'held',
			obstacle: '',
			plan: ''
		};
	});
}

describe('goal pacing from the shipped plan.yaml', () => {
	it('uses three tries, the average less 20 %, and steps of 10 % of the average', () => {
		expect(pacing).toMatchObject({ tries: 3, startShare: 0.8, step: 0.1 });
	});

	it('waits for all the tries before setting a target', () => {
		expect(goalProgress(goal([10, 12]), [], pacing)).toEqual({ state: 'measuring', triesDone: 2, triesNeeded: 3 });
	});

	it('starts at the average less 20 %', () => {
		// Tries of 10, 12 and 14 minutes: average 12, start 9.6 → 10.
		const p = goalProgress(goal([10, 12, 14]), [], pacing);
		expect(p).toMatchObject({ state: 'active', mean: 12, target: 10, first: 10 });
	});

	it('met raises by about 10 % of the average, at least one unit', () => {
		// Average 20: 16, 18, 20, 22 …
		expect(targetLadder(20, pacing).slice(0, 4)).toEqual([16, 18, 20, 22]);
		// Average 3 (times a week): 2, then each step at least one more.
		expect(targetLadder(3, pacing).slice(0, 3)).toEqual([2, 3, 4]);
	});

	it('never passes the cap', () => {
		const ladder = targetLadder(20, pacing);
		expect(ladder.at(-1)).toBe(Math.round(20 * pacing.goalShare));
		expect(Math.max(...ladder)).toBe(ladder.at(-1));
	});

	it.each([
		['met → raised', ['met'], 18],
		['met, met → raised twice', ['met', 'met'], 20],
		['partly → kept', ['partly'], 16],
		['met, partly → kept at the raised target', ['met', 'partly'], 18],
		['met, not met → back to the last target met', ['met', 'not-met'], 16],
		['met, met, not met → back one step', ['met', 'met', 'not-met'], 18],
		['met, partly, not met → back to the last met', ['met', 'partly', 'not-met'], 16],
		['not met at the start → stays at the start', ['not-met'], 16],
		['met in a setback week → held', [['met', 'held']], 16]
	] as [string, (GoalResult | [GoalResult, 'held'])[], number][])('%s', (_name, results, target) => {
		const p = goalProgress(goal([20, 20, 20]), reviews(...results), pacing);
		expect(p.state === 'active' && p.target).toBe(target);
	});

	it('keeps each week with the target it had, for the chart', () => {
		const p = goalProgress(goal([20, 20, 20]), reviews('met', 'met', 'not-met'), pacing);
		expect(p.state === 'active' && p.weeks.map((w) => [w.target, w.result])).toEqual([
			[16, 'met'],
			[18, 'met'],
			[20, 'not-met']
		]);
	});

	it('says what a review did', () => {
		expect(reviewOutcome(16, 18, 'met', false, 'minutes')).toContain('18 minutes, up from 16');
		expect(reviewOutcome(18, 16, 'not-met', false, 'minutes')).toContain('back to 16 minutes, the last target you met');
		expect(reviewOutcome(16, 16, 'met', true, 'minutes')).toContain('setback week');
	});

	it('a review is due a week after the last try, then a week after each review', () => {
		const g = goal([20, 20, 20]); // last try 2026-03-04
		const day = (iso: string) => iso.slice(0, 10);
		expect(reviewDue(g, [], pacing, '2026-03-10', day)).toBe(false);
		expect(reviewDue(g, [], pacing, '2026-03-11', day)).toBe(true);
		const r = reviews('met'); // at 2026-03-10
		expect(reviewDue(g, r, pacing, '2026-03-16', day)).toBe(false);
		expect(reviewDue(g, r, pacing, '2026-03-17', day)).toBe(true);
	});
});
