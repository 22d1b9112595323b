/**
 * `quota` (graded activity, time-contingent): first a few baseline sessions in which the
 * person stops when they choose, played at the longest level; then a quota of a share of
 * the baseline mean (default 70%), raised by a pre-set step after each completed quota
 * session up to a goal. Ordinary pain does not lower the quota: that is the point of the
 * method. Red flags and new leg symptoms stop the programme through the safety hold, not
 * here.
 *
 * Levels are graded by length, so the quota is met by the longest level that fits in it.
 */
import type { Progression } from '../../routine/schema';
import { plural, type LevelInfo, type Recommendation, type RoutineHistory } from '../routine-history';
import type { SessionRecord } from '../records';

type Params = Extract<Progression, { rule: 'quota' }>;

export function minutes(ms: number): string {
	return `${Math.round(ms / 6000) / 10} min`;
}

function percent(share: number): string {
	return `${Math.round(share * 100)}%`;
}

/** Safety stops are not a measure of what the person can do, in baseline or quota. */
function counts(s: SessionRecord): boolean {
	return s.outcome === 'finished' || s.outcome === 'stopped';
}

/**
 * The share of the baseline mean after `steps` steps up: the start share plus one step
 * each, never past the goal. Rounded so that 0.7 + 0.1 is 0.8 and a quota of exactly a
 * level's length picks that level. Goal pacing in the weekly plan uses the same sum.
 */
export function quotaShare(p: { startShare: number; step: number; goalShare: number }, steps: number): number {
	return Math.round(Math.min(p.goalShare, p.startShare + steps * p.step) * 1e6) / 1e6;
}

export function quotaPlan(params: Params, sessions: readonly SessionRecord[]) {
	const ordered = sessions.filter(counts).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
	const baseline = ordered.slice(0, params.baselineSessions);
	const after = ordered.slice(params.baselineSessions);
	const meanMs = baseline.length ? baseline.reduce((sum, s) => sum + s.playedMs, 0) / baseline.length : 0;
	const completed = after.filter((s) => s.outcome === 'finished').length;
	const share = quotaShare(params, completed);
	return { baselineDone: baseline.length, meanMs, share, quotaMs: Math.round(share * meanMs), atGoal: share >= params.goalShare };
}

function levelFor(levels: readonly LevelInfo[], quotaMs: number): LevelInfo {
	const fitting = levels.filter((l) => l.durationMs <= quotaMs);
	const pick = fitting.reduce<LevelInfo | undefined>((best, l) => (!best || l.durationMs > best.durationMs ? l : best), undefined);
	return pick ?? (levels[0] as LevelInfo);
}

export function quota(params: Params, h: RoutineHistory): Recommendation {
	const plan = quotaPlan(params, h.sessions);
	const longest = h.levels.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
	if (plan.baselineDone < params.baselineSessions) {
		return {
			level: longest.level,
			change: 'baseline',
			reason: `Baseline session ${plan.baselineDone + 1} of ${params.baselineSessions}: go at your own pace and press Stop when you choose. Limber notes how long you kept going.`
		};
	}
	const pick = levelFor(h.levels, plan.quotaMs);
	const base = `Your baseline average is ${minutes(plan.meanMs)}.`;
	if (plan.atGoal) {
		return {
			level: pick.level,
			change: 'goal',
			quotaMs: plan.quotaMs,
			reason: `${base} You have reached your goal of ${percent(params.goalShare)} of it, ${minutes(plan.quotaMs)}: level ${pick.level} (${minutes(pick.durationMs)}). Keep it up.`
		};
	}
	const completed = Math.round((plan.share - params.startShare) / params.step);
	const done = completed > 0 ? ` after ${plural(completed, 'completed quota session')}` : '';
	return {
		level: pick.level,
		change: 'quota',
		quotaMs: plan.quotaMs,
		reason: `${base} Today's quota is ${percent(plan.share)} of it${done}, ${minutes(plan.quotaMs)}: level ${pick.level} (${minutes(pick.durationMs)}). Finish the whole level even if your back is a little sore; ordinary soreness is not harm.`
	};
}
