/**
 * Everything the Today card and the plan page show, worked out in one place from the
 * shipped content and the person's records: this week, today's plan day, progress as
 * "2 of 3 plan days this week", an open level offer, reviews and questionnaires due.
 */
import type { ProgressData } from '../progress/export-format';
import type { PlanData, PlanSetup } from '../progress/plan-records';
import type { RoutinePlan } from '../progress/routine-progress';
import { addDays, daysBetween, nextWeekday, type DateKey } from './calendar';
import { reviewDue } from './goal-steps';
import { planDayFor, type PlanDayPlan } from './plan-day';
import { isDone, planWeeks, type DayOf, type PlanWeek } from './plan-weeks';
import type { PlanContent } from './plan-schema';
import { measureDue } from './questionnaires';

export interface PlanOverview {
	readonly setup: PlanSetup;
	readonly weeks: readonly PlanWeek[];
	readonly week: PlanWeek;
	readonly today: PlanDayPlan;
	/** The next plan day after today that is not done yet, if any this week or next. */
	readonly nextDate: DateKey | null;
	/** "2 of 3 plan days this week" */
	readonly progressText: string;
	/** The level offered this week, until the person takes it or stays. */
	readonly offer: { readonly routineId: string; readonly title: string; readonly from: number; readonly to: number } | null;
	readonly goalsDue: number;
	readonly measuresDue: readonly ('phq2' | 'rmdq')[];
	/** Days in a row with a plan day done, up to today; shown only if the person turned it on. */
	readonly dailyStreak: number;
}

export interface OverviewInputs {
	readonly content: PlanContent;
	readonly routines: Readonly<Record<string, RoutinePlan>>;
	readonly progress: ProgressData;
	readonly plan: PlanData;
	readonly today: DateKey;
	readonly dayOf: DayOf;
}

function streak(doneDates: ReadonlySet<DateKey>, today: DateKey): number {
	let day = doneDates.has(today) ? today : addDays(today, -1);
	let n = 0;
	while (doneDates.has(day)) {
		n++;
		day = addDays(day, -1);
	}
	return n;
}

export function planOverview(i: OverviewInputs): PlanOverview | null {
	const setup = i.plan.setups.at(-1);
	const first = i.plan.setups[0];
	if (!setup || !first) return null;
	const startDate = first.startDate;
	const today = daysBetween(startDate, i.today) < 0 ? startDate : i.today;
	const weeks = planWeeks(
		{
			setup,
			days: i.plan.days,
			sessions: i.progress.sessions,
			choices: i.progress.choices,
			routines: i.routines,
			content: i.content,
			today
		},
		startDate,
		i.dayOf
	);
	const week = weeks.at(-1) as PlanWeek;
	const dayInputs = {
		content: i.content,
		routines: i.routines,
		sessions: i.progress.sessions,
		choices: i.progress.choices,
		days: i.plan.days,
		fears: i.plan.fears
	};
	const todayPlan = planDayFor(week, i.today, dayInputs);
	const later = week.planDates.filter((d) => d > i.today && !week.doneDates.includes(d));
	const nextDate = later[0] ?? nextWeekday(week.end, setup.weekdays);

	let offer: PlanOverview['offer'] = null;
	if (week.decision.kind === 'offer') {
		const routine = i.routines[week.movement];
		const answered = i.progress.choices.some((c) => c.routineId === week.movement && i.dayOf(c.at) >= week.start);
		if (routine && !answered) offer = { routineId: routine.id, title: routine.title, from: week.decision.level - 1, to: week.decision.level };
	}
	const goalsDue = i.plan.goals.filter((g) => reviewDue(g, i.plan.reviews, i.content.goals, i.today, i.dayOf)).length;
	const instruments = i.content.measures.rmdq ? (['phq2', 'rmdq'] as const) : (['phq2'] as const);
	const measuresDue = instruments.filter(
		(id) =>
			measureDue(
				i.plan.measures.filter((m) => m.instrument === id).map((m) => i.dayOf(m.at)),
				startDate,
				week.index,
				i.content.measures.everyWeeks
			).due
	);
	const doneDates = new Set(i.plan.days.filter(isDone).map((d) => d.date));
	return {
		setup,
		weeks,
		week,
		today: todayPlan,
		nextDate,
		progressText: `${week.doneDates.length} of ${week.planDates.length} plan day${week.planDates.length === 1 ? '' : 's'} this week`,
		offer,
		goalsDue,
		measuresDue,
		dailyStreak: streak(doneDates, i.today)
	};
}
