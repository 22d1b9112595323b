/**
 * Goals in small steps, with pacing's arithmetic: a few tries on different days measure
 * where the person is; the first target is a share of their average (plan.yaml `goals`:
 * the average less 20%); each weekly review then raises it by a step (about 10% of the
 * average, the quota rule's sum), keeps it, or takes it back to the last target met.
 *
 * Targets are whole units (minutes, times, pages), and a raise is always at least one unit,
 * so "met" is never answered with the same target again. In a setback week goals are held.
 */
import { quotaShare } from '../progress/rules/quota';
import type { Goal, GoalResult, GoalReview } from '../progress/plan-records';
import { daysBetween, type DateKey } from './calendar';
import type { GoalPacing } from './plan-schema';

export interface GoalWeek {
	readonly at: string;
	readonly target: number;
	readonly result: GoalResult;
	readonly held: boolean;
	readonly obstacle: string;
	readonly plan: string;
}

export type GoalProgress =
	| { readonly state: 'measuring'; readonly triesDone: number; readonly triesNeeded: number }
	| {
			readonly state: 'active';
			readonly mean: number;
			/** The target for the week under way. */
			readonly target: number;
			readonly first: number;
			readonly cap: number;
			readonly weeks: readonly GoalWeek[];
	  };

/** The target after each number of steps up, from the first until the cap. */
export function targetLadder(mean: number, pacing: GoalPacing): number[] {
	const first = Math.max(1, Math.round(mean * quotaShare(pacing, 0)));
	const cap = Math.max(first, Math.round(mean * pacing.goalShare));
	const targets = [first];
	for (let k = 1; (targets.at(-1) as number) < cap && k < 1000; k++) {
		const prev = targets.at(-1) as number;
		targets.push(Math.min(cap, Math.max(prev + 1, Math.round(mean * quotaShare({ ...pacing, goalShare: Infinity }, k)))));
	}
	return targets;
}

function byTime(reviews: readonly GoalReview[]): GoalReview[] {
	return [...reviews].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

export function goalProgress(goal: Goal, reviews: readonly GoalReview[], pacing: GoalPacing): GoalProgress {
	if (goal.tries.length < pacing.tries) return { state: 'measuring', triesDone: goal.tries.length, triesNeeded: pacing.tries };
	const tries = goal.tries.slice(0, pacing.tries);
	const mean = tries.reduce((sum, t) => sum + t.amount, 0) / tries.length;
	const ladder = targetLadder(mean, pacing);
	let k = 0;
	let lastMet = 0;
	const weeks: GoalWeek[] = [];
	for (const r of byTime(reviews.filter((x) => x.goalId === goal.id))) {
		weeks.push({ at: r.at, target: ladder[k] as number, result: r.result, held: r.held, obstacle: r.obstacle, plan: r.plan });
		if (r.result === 'met') {
			lastMet = k;
			if (!r.held) k = Math.min(k + 1, ladder.length - 1);
		} else if (r.result === 'not-met') {
			k = lastMet;
		}
	}
	return { state: 'active', mean, target: ladder[k] as number, first: ladder[0] as number, cap: ladder.at(-1) as number, weeks };
}

/** What a review answer does to the target, in plain words, before it is saved. */
export function reviewOutcome(before: number, after: number, result: GoalResult, held: boolean, unit: string): string {
	if (result === 'met' && held) return `Well done. This is a setback week, so your goal is held: ${after} ${unit} again next week.`;
	if (result === 'met' && after > before) return `Well done: next week's target is ${after} ${unit}, up from ${before}.`;
	if (result === 'met') return `Well done: ${after} ${unit} is the top of this goal. Keep it up, or set a new goal.`;
	if (result === 'partly') return `Partly done: the target stays at ${after} ${unit} next week.`;
	if (after < before) return `Not this week: back to ${after} ${unit}, the last target you met, so the next step is within reach.`;
	return `Not this week: the target stays at ${after} ${unit}, where you started.`;
}

/** A review is due once a week has passed since the goal started (its last try) or its last review. */
export function reviewDue(goal: Goal, reviews: readonly GoalReview[], pacing: GoalPacing, today: DateKey, dayOf: (iso: string) => DateKey): boolean {
	if (goal.archived || goal.tries.length < pacing.tries) return false;
	const started = [...goal.tries.slice(0, pacing.tries)].map((t) => t.date).sort().at(-1) as DateKey;
	const last = byTime(reviews.filter((r) => r.goalId === goal.id)).at(-1);
	const since = last ? dayOf(last.at) : started;
	return daysBetween(since, today) >= 7;
}
