/**
 * The weekly plan's content file (src/content/plan.yaml), declared once: which routines
 * fill the movement and calming blocks, the skill of each week and its lesson cards, the
 * thresholds of the adaptation rules and of goal pacing, and the questionnaires. A
 * clinician changes the plan by editing that file; `npm run validate` checks it.
 *
 * Server-side (zod, like the routine format): the pages receive the parsed, typed data.
 */
import * as z from 'zod';

const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens, e.g. "hurt-not-harm"')
	.max(64);
const text = z.string().trim().min(1, 'must not be empty').max(4000);
const shortText = z.string().trim().min(1, 'must not be empty').max(200);
const share = z.number().min(0).max(1);
const weekday = z.int().min(0, '0 is Sunday').max(6, '6 is Saturday');

/** Where a lesson card sends the person to practise what it teaches. */
export const PLAN_TOOLS = ['goals', 'thoughts', 'fears', 'pacing', 'sleep', 'setback'] as const;

export const lessonCard = z.strictObject({
	id,
	title: shortText,
	text: z.array(text).min(1).max(8),
	tool: z.enum(PLAN_TOOLS).optional()
});

export const skill = z.strictObject({
	id,
	title: shortText,
	/** One line on the Today card: what this week is about. */
	summary: shortText,
	/** Lesson cards of the first pass (weeks 1–6), one per plan day in turn. */
	lessons: z.array(id).min(1),
	/** Lesson cards of the second pass (weeks 7–12), the same skill deepened. */
	deepened: z.array(id).min(1)
});

/** A back-school lesson block that fits a feared activity, found by words in its name. */
export const fearLesson = z.strictObject({
	words: z.array(z.string().trim().min(2).max(40)).min(1),
	routine: id,
	education: id
});

const rules = z.strictObject({
	/** Offer the next movement level when all of these hold for the week just ended. */
	advance: z.strictObject({
		/** Share of the week's plan days done. */
		daysDone: share,
		/** Share of answered effort ratings that were "about right" ("mostly"). */
		aboutRight: share,
		/** No plan day whose pain rose by this much (0–10) or more. */
		painRise: z.number().min(1).max(10)
	}),
	/** Keep the level (or, at the gentlest level, switch to the gentler routine). */
	hold: z.strictObject({
		/** This many "too hard" answers in the week. */
		tooHard: z.int().min(1).max(7),
		/** Or pain after minus before, averaged over the week's plan days, of this much or more. */
		meanPainRise: z.number().min(0.5).max(10)
	}),
	/** Below this share of plan days done, one fewer plan day next week, at the same level. */
	fewerDays: z.strictObject({ below: share, minDays: z.int().min(1).max(7) }),
	/** A plan day whose pain rose this much (the routines' flare rule) makes a setback week. */
	flare: z.strictObject({ painRise: z.number().min(1).max(10) })
});

export const planContent = z.strictObject({
	days: z.strictObject({
		/** How many plan days a week a new plan offers (people in Kaia's trial did about 3). */
		default: z.int().min(1).max(7),
		/** The weekdays a new plan offers, 0 = Sunday. */
		weekdays: z.array(weekday).min(1).max(7),
		/** A plan day's length, all blocks together, in minutes. */
		minMinutes: z.number().min(1).max(120),
		maxMinutes: z.number().min(1).max(120),
		/** Time set aside for the lesson card, in minutes. */
		lessonMinutes: z.number().min(0).max(30)
	}),
	movement: z.strictObject({
		/** Routines a person can choose for the movement block; the first is the default. */
		routines: z.array(id).min(1),
		/** The gentler routine each one gives way to when it is too hard at its first level. */
		gentler: z.record(id, id),
		/** The gentle movement of a setback week, at its first level. */
		setback: id
	}),
	calming: z.strictObject({
		/** Calming blocks in turn, one per plan day. */
		rotation: z.array(id).min(1),
		/** Calming blocks of a setback week. */
		setback: z.array(id).min(1)
	}),
	rules,
	goals: z.strictObject({
		/** Tries on different days that set a goal's starting point. */
		tries: z.int().min(1).max(7),
		/** The first target: this share of the tries' average (pacing: the average less 20%). */
		startShare: z.number().min(0.1).max(1),
		/** Added per goal met, as a share of the tries' average (about 10%). */
		step: z.number().min(0.01).max(1),
		/** The highest target, as a share of the tries' average. */
		goalShare: z.number().min(0.5).max(10)
	}),
	measures: z.strictObject({
		/** Questionnaires are offered every this many weeks. */
		everyWeeks: z.int().min(1).max(52),
		/** A PHQ-2 total of this or more is a positive screen (Kroenke 2003). */
		phq2Positive: z.int().min(1).max(6),
		/** Whether the Roland–Morris questionnaire is offered (its terms: README). */
		rmdq: z.boolean()
	}),
	skills: z.array(skill).min(1).max(12),
	lessons: z.array(lessonCard).min(1),
	fearLessons: z.array(fearLesson).min(1),
	/** The lesson for an activity no entry of fearLessons matches. */
	fearFallback: z.strictObject({ routine: id, education: id }),
	/** Worked examples for the thought record: an unhelpful thought and a more helpful one. */
	thoughtExamples: z.array(z.strictObject({ situation: shortText, thought: shortText, helpful: shortText })).min(1)
});

export type PlanContent = z.output<typeof planContent>;
export type LessonCard = z.output<typeof lessonCard>;
export type Skill = z.output<typeof skill>;
export type PlanRules = PlanContent['rules'];
export type GoalPacing = PlanContent['goals'];
export type PlanTool = (typeof PLAN_TOOLS)[number];
