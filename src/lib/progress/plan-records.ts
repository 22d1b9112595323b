/**
 * What the weekly plan keeps about a person, on their device only: the plan they set up,
 * each plan day they played, their goals and weekly reviews, thought records, fear ladder,
 * questionnaire answers and the notes of their tools (setback plan, pacing planner,
 * wind-down). Declared once as schemas, like records.ts: the store, the export file and
 * the import check all hold data to these.
 *
 * Kept apart from records.ts so the player route, which loads only the session records,
 * does not carry these schemas.
 */
import * as v from 'valibot';
import { afterCheckIn, beforeCheckIn, SESSION_OUTCOMES } from './records';

const routineId = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(64));
const contentId = routineId;
const recordId = v.pipe(v.string(), v.minLength(8), v.maxLength(64));
const isoTime = v.pipe(v.string(), v.isoTimestamp());
/** A day on the person's own calendar (their time zone), as YYYY-MM-DD. */
export const dateKeySchema = v.pipe(v.string(), v.regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/));
const weekday = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6));
const level = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12));
const clockTime = v.pipe(v.string(), v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/));
const percent = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));
const words = (max: number) => v.pipe(v.string(), v.maxLength(max));
const filled = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

/**
 * The plan as the person set it up. Each change is a new record: the latest one is the
 * plan now, and the first one's start date is when week 1 began.
 */
export const planSetup = v.strictObject({
	id: recordId,
	at: isoTime,
	/** The first day of week 1; kept the same when the plan is changed later. */
	startDate: dateKeySchema,
	/** Plan days, 0 = Sunday, in the order they fall in the week. */
	weekdays: v.pipe(v.array(weekday), v.minLength(1), v.maxLength(7)),
	/** When the person means to do their session, for the calendar file and reminders. */
	time: clockTime,
	movement: routineId,
	/** Daily streaks are optional and off unless the person turns them on. */
	dailyStreak: v.boolean(),
	/** Notifications while Limber is open, where the browser allows them. */
	notify: v.boolean()
});

export const PLAN_BLOCK_KINDS = ['movement', 'calming'] as const;

/** One played block of a plan day: the session it was saved as, and how it ended. */
export const planBlock = v.strictObject({
	kind: v.picklist(PLAN_BLOCK_KINDS),
	routineId,
	level,
	sessionId: recordId,
	outcome: v.picklist(SESSION_OUTCOMES)
});

export const PLAN_DAY_OUTCOMES = ['finished', 'stopped', 'help', 'leg-symptoms'] as const;

/** A plan day played through to its one check-in (or stopped on the way). */
export const planDay = v.strictObject({
	id: recordId,
	date: dateKeySchema,
	startedAt: isoTime,
	endedAt: isoTime,
	blocks: v.pipe(v.array(planBlock), v.maxLength(4)),
	lessonId: v.nullable(contentId),
	/** The fear-ladder rung shown for practice that day, if any. */
	fearId: v.nullable(recordId),
	before: beforeCheckIn,
	after: afterCheckIn,
	outcome: v.picklist(PLAN_DAY_OUTCOMES)
});

export const GOAL_AREAS = ['walking', 'friends', 'gardening', 'hobby', 'film', 'other'] as const;

/** A try that measures where a goal starts (pacing: three tries on different days). */
export const goalTry = v.strictObject({ date: dateKeySchema, amount: v.pipe(v.number(), v.minValue(0), v.maxValue(100_000)) });

/** Something the person values and has cut down on, written as a small concrete goal. */
export const goal = v.strictObject({
	id: recordId,
	createdAt: isoTime,
	updatedAt: isoTime,
	area: v.picklist(GOAL_AREAS),
	/** What they will do, e.g. "Walk to the park and back". */
	what: filled(200),
	/** What "how much" counts, e.g. "minutes", "times", "pages". */
	unit: filled(30),
	/** How often a week. */
	perWeek: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(14)),
	tries: v.pipe(v.array(goalTry), v.maxLength(7)),
	archived: v.boolean()
});

export const GOAL_RESULTS = ['met', 'partly', 'not-met'] as const;

/** A weekly two-minute review of one goal. */
export const goalReview = v.strictObject({
	id: recordId,
	goalId: recordId,
	at: isoTime,
	/** The target that week, as it was set. */
	target: v.pipe(v.number(), v.minValue(0), v.maxValue(100_000)),
	result: v.picklist(GOAL_RESULTS),
	/** In a setback week goals are held: a target met is not raised. */
	held: v.boolean(),
	obstacle: words(500),
	plan: words(500)
});

export const thoughtRecord = v.strictObject({
	id: recordId,
	at: isoTime,
	situation: words(1000),
	thought: filled(1000),
	/** How strongly the thought is believed, 0–100. */
	belief: percent,
	helpful: words(1000),
	/** How strongly the more helpful thought is believed, 0–100, if rated. */
	helpfulBelief: v.nullable(percent)
});

/** A practice of a fear-ladder rung, with how worrying it felt afterwards. */
export const fearTry = v.strictObject({ date: dateKeySchema, worry: percent });

export const fearItem = v.strictObject({
	id: recordId,
	createdAt: isoTime,
	updatedAt: isoTime,
	activity: filled(200),
	/** How worrying the activity is, 0–100, as first rated. */
	worry: percent,
	tries: v.pipe(v.array(fearTry), v.maxLength(200)),
	/** The person has climbed this rung. */
	done: v.boolean()
});

export const INSTRUMENTS = ['phq2', 'rmdq'] as const;

export const measure = v.strictObject({
	id: recordId,
	at: isoTime,
	instrument: v.picklist(INSTRUMENTS),
	/** Item answers in the instrument's order: PHQ-2 0–3 each, RMDQ 0 or 1 each. */
	answers: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3))), v.minLength(2), v.maxLength(24)),
	score: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24))
});

export const pacingRow = v.strictObject({
	activity: filled(120),
	minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600)),
	breakMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(240)),
	/** What to switch to afterwards, e.g. "sit and read". */
	then: words(120)
});

/** The person's own notes for the plan's tools, one of each kind, replaced when edited. */
export const toolNote = v.variant('kind', [
	v.strictObject({
		kind: v.literal('setback-plan'),
		updatedAt: isoTime,
		signs: words(1000),
		helps: words(1000),
		easeOff: words(1000),
		people: words(1000),
		buildUp: words(1000)
	}),
	v.strictObject({
		kind: v.literal('pacing-plan'),
		updatedAt: isoTime,
		rows: v.pipe(v.array(pacingRow), v.maxLength(20))
	}),
	v.strictObject({
		kind: v.literal('wind-down'),
		updatedAt: isoTime,
		bedtime: v.union([clockTime, v.literal('')]),
		steps: v.pipe(v.array(filled(200)), v.maxLength(12))
	})
]);

export type PlanSetup = v.InferOutput<typeof planSetup>;
export type PlanBlock = v.InferOutput<typeof planBlock>;
export type PlanDayRecord = v.InferOutput<typeof planDay>;
export type PlanDayOutcome = (typeof PLAN_DAY_OUTCOMES)[number];
export type Goal = v.InferOutput<typeof goal>;
export type GoalArea = (typeof GOAL_AREAS)[number];
export type GoalTry = v.InferOutput<typeof goalTry>;
export type GoalReview = v.InferOutput<typeof goalReview>;
export type GoalResult = (typeof GOAL_RESULTS)[number];
export type ThoughtRecord = v.InferOutput<typeof thoughtRecord>;
export type FearItem = v.InferOutput<typeof fearItem>;
export type Instrument = (typeof INSTRUMENTS)[number];
export type Measure = v.InferOutput<typeof measure>;
export type ToolNote = v.InferOutput<typeof toolNote>;
export type ToolKind = ToolNote['kind'];
export type PacingRow = v.InferOutput<typeof pacingRow>;
export type SetbackPlan = Extract<ToolNote, { kind: 'setback-plan' }>;
export type PacingPlan = Extract<ToolNote, { kind: 'pacing-plan' }>;
export type WindDown = Extract<ToolNote, { kind: 'wind-down' }>;

/** Everything the plan keeps, as one consistent read. */
export interface PlanData {
	readonly setups: readonly PlanSetup[];
	readonly days: readonly PlanDayRecord[];
	readonly goals: readonly Goal[];
	readonly reviews: readonly GoalReview[];
	readonly thoughts: readonly ThoughtRecord[];
	readonly fears: readonly FearItem[];
	readonly measures: readonly Measure[];
	readonly tools: readonly ToolNote[];
}

export const EMPTY_PLAN_DATA: PlanData = { setups: [], days: [], goals: [], reviews: [], thoughts: [], fears: [], measures: [], tools: [] };
