/**
 * Figures for the history page, computed from the session records alone. Weeks start on
 * Monday in the person's own time zone (the offset is passed in, so tests are exact).
 */
import type { SessionRecord } from './records';
import { painAfter, painBefore } from './session-evidence';

const DAY_MS = 24 * 3600 * 1000;
const WEEK_MS = 7 * DAY_MS;

/** Start of the (local) Monday-based week containing `ms`, as an epoch ms. */
export function weekStart(ms: number, offsetMinutes: number): number {
	const local = ms + offsetMinutes * 60_000;
	const day = Math.floor(local / DAY_MS);
	// 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday.
	const weekday = (day + 3) % 7;
	return (day - weekday) * DAY_MS - offsetMinutes * 60_000;
}

export interface WeekTotal {
	readonly weekStart: number;
	readonly sessions: number;
	readonly minutes: number;
}

/** The last `weeks` weeks up to the one containing `now`, oldest first, empty weeks included. */
export function weeklyTotals(sessions: readonly SessionRecord[], now: number, weeks: number, offsetMinutes: number): WeekTotal[] {
	const current = weekStart(now, offsetMinutes);
	const out: { weekStart: number; sessions: number; minutes: number }[] = [];
	for (let i = weeks - 1; i >= 0; i--) out.push({ weekStart: current - i * WEEK_MS, sessions: 0, minutes: 0 });
	for (const s of sessions) {
		const w = weekStart(Date.parse(s.startedAt), offsetMinutes);
		const slot = out.find((o) => o.weekStart === w);
		if (!slot) continue;
		slot.sessions++;
		slot.minutes += s.playedMs / 60_000;
	}
	return out.map((o) => ({ ...o, minutes: Math.round(o.minutes * 10) / 10 }));
}

export interface PainPoint {
	readonly sessionId: string;
	readonly at: string;
	readonly routineId: string;
	readonly before: number | null;
	readonly after: number | null;
}

/** Pain before and after, oldest first, for sessions where at least one was given. */
export function painSeries(sessions: readonly SessionRecord[]): PainPoint[] {
	return [...sessions]
		.sort((a, b) => a.startedAt.localeCompare(b.startedAt))
		.map((s) => ({ sessionId: s.id, at: s.startedAt, routineId: s.routineId, before: painBefore(s), after: painAfter(s) }))
		.filter((p) => p.before !== null || p.after !== null);
}

export interface Adherence {
	readonly done: number;
	readonly planned: number;
	/** done / planned, 0–1 or more; null before there is a plan to compare with. */
	readonly share: number | null;
	readonly weeks: number;
}

/**
 * Sessions done against the routine's planned frequency, over the weeks since the first
 * session (at most `windowWeeks`, at least one). Stopped sessions count as done: showing
 * up is what adherence measures.
 */
export function adherence(
	sessions: readonly SessionRecord[],
	sessionsPerWeek: number,
	now: number,
	windowWeeks = 4
): Adherence {
	if (sessions.length === 0) return { done: 0, planned: 0, share: null, weeks: 0 };
	const first = Math.min(...sessions.map((s) => Date.parse(s.startedAt)));
	const from = Math.max(first, now - windowWeeks * WEEK_MS);
	const weeks = Math.min(windowWeeks, Math.max(1, Math.ceil((now - from) / WEEK_MS)));
	const since = now - weeks * WEEK_MS;
	const done = sessions.filter((s) => Date.parse(s.startedAt) >= since).length;
	const planned = Math.round(sessionsPerWeek * weeks);
	return { done, planned, share: planned > 0 ? done / planned : null, weeks };
}

/**
 * Weeks in a row with at least one session, counting back from this week (or from last
 * week, so a streak is not "lost" on a Monday morning before anyone could keep it).
 */
export function weekStreak(sessions: readonly SessionRecord[], now: number, offsetMinutes: number): number {
	const weeks = new Set(sessions.map((s) => weekStart(Date.parse(s.startedAt), offsetMinutes)));
	let w = weekStart(now, offsetMinutes);
	if (!weeks.has(w)) w -= WEEK_MS;
	let n = 0;
	while (weeks.has(w)) {
		n++;
		w -= WEEK_MS;
	}
	return n;
}
