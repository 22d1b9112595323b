/**
 * What a plan day holds: a movement routine at its level, a calming session and one
 * lesson card, together 10–25 minutes (plan.yaml `days`), plus the lowest fear-ladder rung
 * to practise once the ladder has been built.
 */
import { recommend } from '../progress/recommend';
import { routineHistory, type RoutinePlan } from '../progress/routine-progress';
import type { LevelChoice, SessionRecord } from '../progress/records';
import type { FearItem, PlanDayRecord } from '../progress/plan-records';
import type { DateKey } from './calendar';
import { nextRung } from './fear-ladder';
import { isDone, levelNow, type PlanWeek } from './plan-weeks';
import type { LessonCard, PlanContent, Skill } from './plan-schema';

export interface BlockPick {
	readonly kind: 'movement' | 'calming';
	readonly routineId: string;
	readonly title: string;
	readonly level: number;
	readonly levelName: string;
	readonly durationMs: number;
}

export interface PlanDayPlan {
	readonly date: DateKey;
	readonly week: PlanWeek;
	readonly skill: Skill;
	/** 2 for the second pass over the skills (weeks 7–12 and on). */
	readonly pass: 1 | 2;
	readonly isPlanDay: boolean;
	/** A plan day already done today. */
	readonly doneToday: boolean;
	readonly movement: BlockPick;
	readonly calming: BlockPick;
	readonly lesson: LessonCard;
	readonly fear: FearItem | null;
	/** Blocks and lesson together. */
	readonly minutes: number;
}

export interface DayInputs {
	readonly content: PlanContent;
	readonly routines: Readonly<Record<string, RoutinePlan>>;
	readonly sessions: readonly SessionRecord[];
	readonly choices: readonly LevelChoice[];
	readonly days: readonly PlanDayRecord[];
	readonly fears: readonly FearItem[];
}

/** Weeks 1–6 take the skills in order; weeks 7–12 deepen them; after that they cycle. */
export function skillFor(content: Pick<PlanContent, 'skills'>, weekIndex: number): { skill: Skill; pass: 1 | 2 } {
	const n = content.skills.length;
	const skill = content.skills[weekIndex % n] as Skill;
	return { skill, pass: weekIndex < n ? 1 : 2 };
}

function pick(kind: BlockPick['kind'], plan: RoutinePlan, level: number): BlockPick {
	const info = plan.levels[level - 1] ?? plan.levels[0];
	return {
		kind,
		routineId: plan.id,
		title: plan.title,
		level: info?.level ?? 1,
		levelName: info?.name ?? `Level ${level}`,
		durationMs: info?.durationMs ?? 0
	};
}

function levelFor(plan: RoutinePlan, i: DayInputs): number {
	// Graded activity's quota sets its own level; the other rules move only by the plan's offer.
	if (plan.progression.rule === 'quota') return recommend(plan.progression, routineHistory(plan, { sessions: i.sessions, choices: i.choices, safety: [], settings: null })).level;
	return levelNow(plan, i.sessions, i.choices);
}

function calmingLevel(plan: RoutinePlan, i: DayInputs): number {
	return recommend(plan.progression, routineHistory(plan, { sessions: i.sessions, choices: i.choices, safety: [], settings: null })).level;
}

export function planDayFor(week: PlanWeek, date: DateKey, i: DayInputs): PlanDayPlan {
	const { content } = i;
	const { skill, pass } = skillFor(content, week.index);
	const movementPlan = i.routines[week.movement];
	if (!movementPlan) throw new Error(`the plan names a movement routine "${week.movement}" that is not in the library`);
	const movement = pick('movement', movementPlan, week.setback ? 1 : levelFor(movementPlan, i));

	const doneSoFar = i.days.filter(isDone).length;
	const rotation = week.setback ? content.calming.setback : content.calming.rotation;
	const budgetMs = (content.days.maxMinutes - content.days.lessonMinutes) * 60_000 - movement.durationMs;
	// The rotation starts where the last plan day left off, so each day brings the next one.
	const inTurn = rotation.map((_, k) => rotation[(doneSoFar + k) % rotation.length] as string);
	const options = inTurn.flatMap((id) => {
		const plan = i.routines[id];
		return plan ? [pick('calming', plan, calmingLevel(plan, i))] : [];
	});
	const calming = options.find((o) => o.durationMs <= budgetMs) ?? [...options].sort((a, b) => a.durationMs - b.durationMs)[0];
	if (!calming) throw new Error('the plan names no calming routine that is in the library');

	const todays = i.days.filter((d) => d.date >= week.start && d.date < week.end && isDone(d));
	// A setback week takes its lessons from the skill that teaches the setback plan.
	const setbackSkill = content.skills.find((s) => s.lessons.some((id) => content.lessons.find((l) => l.id === id)?.tool === 'setback'));
	const ids = week.setback && setbackSkill ? setbackSkill.lessons : pass === 1 ? skill.lessons : skill.deepened;
	const lessonId = ids[todays.length % ids.length] as string;
	const lesson = content.lessons.find((l) => l.id === lessonId) ?? (content.lessons[0] as LessonCard);

	const fearWeek = content.skills.findIndex((s) => s.lessons.some((id) => content.lessons.find((l) => l.id === id)?.tool === 'fears'));
	const fear = fearWeek >= 0 && week.index >= fearWeek && !week.setback ? nextRung(i.fears) : null;

	return {
		date,
		week,
		skill,
		pass,
		isPlanDay: week.planDates.includes(date),
		doneToday: week.doneDates.includes(date),
		movement,
		calming,
		lesson,
		fear,
		minutes: Math.round((movement.durationMs + calming.durationMs) / 60_000 + content.days.lessonMinutes)
	};
}
