/**
 * One routine's history as the progression rules see it, and the questions every rule
 * asks of it: which level the person is at now, and which sessions have been done there.
 */
import type { LevelChoice, SessionRecord } from './records';

export interface LevelInfo {
	readonly level: number;
	readonly name: string;
	readonly durationMs: number;
}

export interface RoutineHistory {
	readonly startingLevel: number;
	/** In level order, level 1 first. */
	readonly levels: readonly LevelInfo[];
	/** This routine's sessions and choices, in any order. */
	readonly sessions: readonly SessionRecord[];
	readonly choices: readonly LevelChoice[];
}

export type RecommendationChange = 'start' | 'stay' | 'up' | 'down' | 'top' | 'baseline' | 'quota' | 'goal';

export interface Recommendation {
	readonly level: number;
	readonly change: RecommendationChange;
	/** Plain words: what was counted and what follows from it. */
	readonly reason: string;
	/** Graded activity only: today's quota of active time. */
	readonly quotaMs?: number;
}

type LevelEvent = { readonly at: string; readonly level: number } & (
	| { readonly type: 'session'; readonly session: SessionRecord }
	| { readonly type: 'choice'; readonly choice: LevelChoice }
);

function levelEvents(h: RoutineHistory): LevelEvent[] {
	const events: LevelEvent[] = [
		...h.sessions.map((s): LevelEvent => ({ type: 'session', at: s.startedAt, level: s.level, session: s })),
		...h.choices.map((c): LevelEvent => ({ type: 'choice', at: c.at, level: c.level, choice: c }))
	];
	return events.sort((a, b) => a.at.localeCompare(b.at));
}

export function clampLevel(h: RoutineHistory, level: number): number {
	return Math.min(Math.max(1, level), h.levels.length);
}

/**
 * The person's level now: that of their latest session or their latest own choice,
 * whichever came last, so a level they picked themselves is where the rule starts from.
 */
export function currentLevel(h: RoutineHistory): { level: number; chosen: LevelChoice | null; fresh: boolean } {
	const events = levelEvents(h);
	const last = events.at(-1);
	if (!last) return { level: clampLevel(h, h.startingLevel), chosen: null, fresh: true };
	return { level: clampLevel(h, last.level), chosen: last.type === 'choice' ? last.choice : null, fresh: false };
}

/** Sessions at the current level since the person last came to it, oldest first. */
export function sessionsAtCurrentLevel(h: RoutineHistory): SessionRecord[] {
	const { level } = currentLevel(h);
	const run: SessionRecord[] = [];
	const events = levelEvents(h);
	for (let i = events.length - 1; i >= 0; i--) {
		const e = events[i] as LevelEvent;
		if (e.level !== level) break;
		if (e.type === 'session') run.unshift(e.session);
	}
	return run;
}

export function levelName(h: RoutineHistory, level: number): string {
	return h.levels[level - 1]?.name ?? `Level ${level}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** "You chose level 3 yourself. " when the current level is the person's own pick. */
export function choicePrefix(h: RoutineHistory): string {
	const { chosen } = currentLevel(h);
	return chosen ? `You chose level ${chosen.level} yourself. ` : '';
}
