/**
 * The plan week by week, from its start to this week: which days are plan days, which
 * routine the movement block uses, whether it is a setback week, and the decision that
 * shaped it with its reason. Worked out afresh from the records each time (nothing about
 * the weeks is stored), so an import or a change in another tab can never leave a stored
 * decision disagreeing with the data it came from.
 *
 * Weeks run seven days from the plan's start date, not Monday to Sunday: a plan started on
 * a Thursday has its reviews on Thursdays, and nothing is "lost" at midnight on a Sunday.
 */
import { currentLevel } from '../progress/routine-history';
import { routineHistory, type RoutinePlan } from '../progress/routine-progress';
import type { LevelChoice, SessionRecord } from '../progress/records';
import type { PlanDayRecord, PlanSetup } from '../progress/plan-records';
import { painChange } from '../progress/session-evidence';
import { addDays, daysBetween, weekdayOf, type DateKey } from './calendar';
import { decideWeek, type Decision, type WeekEvidence } from './adapt';
import type { PlanContent } from './plan-schema';

export interface PlanWeek {
	/** 0 for the first week. */
	readonly index: number;
	readonly start: DateKey;
	/** The day after the week's last day. */
	readonly end: DateKey;
	/** This week's plan days, in date order. */
	readonly planDates: readonly DateKey[];
	/** Plan days done this week (dates, once each). */
	readonly doneDates: readonly DateKey[];
	/** The movement routine this week (the setback routine in a setback week). */
	readonly movement: string;
	readonly setback: boolean;
	readonly decision: Decision;
}

export interface PlanInputs {
	readonly setup: PlanSetup;
	readonly days: readonly PlanDayRecord[];
	readonly sessions: readonly SessionRecord[];
	readonly choices: readonly LevelChoice[];
	readonly routines: Readonly<Record<string, RoutinePlan>>;
	readonly content: Pick<PlanContent, 'movement' | 'rules'>;
	readonly today: DateKey;
}

/** A plan day counts as done when at least one of its blocks was played to the end. */
export function isDone(day: PlanDayRecord): boolean {
	return day.blocks.some((b) => b.outcome === 'finished');
}

/** The local day a session started, from its ISO time and the offset the page gives. */
export type DayOf = (iso: string) => DateKey;

function datesIn(start: DateKey, weekdays: readonly number[], count: number): DateKey[] {
	const dates: DateKey[] = [];
	for (let i = 0; i < 7; i++) {
		const d = addDays(start, i);
		if (weekdays.includes(weekdayOf(d))) dates.push(d);
	}
	return dates.slice(0, count);
}

export function levelNow(plan: RoutinePlan, sessions: readonly SessionRecord[], choices: readonly LevelChoice[]): number {
	return currentLevel(routineHistory(plan, { sessions, choices, safety: [], settings: null })).level;
}

function evidence(week: { start: DateKey; end: DateKey; planDates: readonly DateKey[] }, i: PlanInputs, dayOf: DayOf): WeekEvidence {
	const inWeek = (d: DateKey) => d >= week.start && d < week.end;
	const days = i.days.filter((d) => inWeek(d.date));
	const done = new Set(days.filter(isDone).map((d) => d.date));
	const efforts = days.flatMap((d) => (d.after.status === 'answered' && d.after.effort ? [d.after.effort] : []));
	const painChanges = days.flatMap((d) =>
		d.before.status === 'answered' && d.after.status === 'answered' && d.after.pain !== null ? [d.after.pain - d.before.pain] : []
	);
	let worstRise: WeekEvidence['worstRise'] = null;
	for (const s of i.sessions) {
		const date = dayOf(s.startedAt);
		const rise = painChange(s);
		if (!inWeek(date) || rise === null) continue;
		if (!worstRise || rise > worstRise.rise) worstRise = { date, rise };
	}
	// Sessions outside the plan count for a flare; their effort answers are the routine's own.
	return { planned: week.planDates.length, done: Math.min(done.size, week.planDates.length), efforts, painChanges, worstRise };
}

export function planWeeks(i: PlanInputs, startDate: DateKey, dayOf: DayOf): PlanWeek[] {
	const current = Math.max(0, Math.floor(daysBetween(startDate, i.today) / 7));
	const chosen = [...i.setup.weekdays];
	let days = chosen.length;
	let movement = i.setup.movement;
	let switchedFrom: string | null = null;
	const weeks: PlanWeek[] = [];
	for (let w = 0; w <= current; w++) {
		const start = addDays(startDate, w * 7);
		const end = addDays(start, 7);
		let decision: Decision = {
			kind: 'start',
			reason: `Week 1 of your plan: ${chosen.length} plan days, each with movement, a calming session and a short lesson.`
		};
		let setback = false;
		// A routine chosen in the plan since a switch to a gentler one wins over the switch.
		if (switchedFrom !== null && i.setup.movement !== switchedFrom) {
			movement = i.setup.movement;
			switchedFrom = null;
		}
		const prev = weeks[w - 1];
		if (prev) {
			const plan = i.routines[prev.movement];
			const playedLevels = i.days
				.filter((d) => d.date >= prev.start && d.date < prev.end)
				.flatMap((d) => d.blocks.filter((b) => b.kind === 'movement' && b.routineId === prev.movement).map((b) => b.level));
			const level = playedLevels.length ? Math.max(...playedLevels) : plan ? levelNow(plan, i.sessions, i.choices) : 1;
			const gentlerId = i.content.movement.gentler[prev.movement];
			const gentler = gentlerId && i.routines[gentlerId] ? { id: gentlerId, title: i.routines[gentlerId].title } : null;
			decision = decideWeek(evidence(prev, i, dayOf), i.content.rules, {
				routineTitle: plan?.title ?? prev.movement,
				level,
				topLevel: plan?.levels.length ?? 1,
				gentler,
				chosenDays: chosen.length,
				days,
				ownPace: plan?.progression.rule === 'quota'
			});
			if (prev.setback && decision.kind !== 'setback') {
				const main = i.routines[movement];
				const at = main ? levelNow(main, i.sessions, i.choices) : 1;
				decision = {
					kind: 'keep',
					reason: `Last week was a setback week and no new flare-up was reported, so the plan picks up again: level ${at} of ${main?.title ?? movement}. If your back is still settling, take the sessions gently.`
				};
			}
			if (decision.kind === 'setback') setback = true;
			if (decision.kind === 'fewer-days' || decision.kind === 'more-days') days = decision.days;
			if (decision.kind === 'gentler') {
				switchedFrom = movement;
				movement = decision.routineId;
			}
		}
		days = Math.min(days, chosen.length);
		const planDates = datesIn(start, chosen, days);
		const doneDates = [...new Set(i.days.filter((d) => d.date >= start && d.date < end && isDone(d)).map((d) => d.date))].sort();
		weeks.push({
			index: w,
			start,
			end,
			planDates,
			doneDates,
			movement: setback ? i.content.movement.setback : movement,
			setback,
			decision
		});
	}
	return weeks;
}
