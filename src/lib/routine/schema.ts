/**
 * The routine format, declared once. Types are inferred from these schemas and the
 * JSON Schema in static/schema/ is generated from them, so a field exists in one place.
 *
 * Every object is strict: an unknown key is an error, because a typo in a dosage
 * field ("hodl: 30") must never pass silently and play a default instead.
 *
 * The CERT checklist (Slade 2016) maps onto fields as noted, so a routine file can
 * report an exercise programme completely.
 */
import * as z from 'zod';

import { CATEGORIES, POSITIONS, SETTINGS } from './categories';

export { CATEGORIES, POSITIONS, SETTINGS };
export type { Category, Position } from './categories';

const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens, e.g. "knee-to-chest"')
	.max(64);
const text = z.string().trim().min(1, 'must not be empty').max(4000);
const shortText = z.string().trim().min(1, 'must not be empty').max(200);
/** Seconds, as authors think of them; compile() turns them into integer milliseconds. */
const seconds = (min: number, max: number) =>
	z.number().min(min, `must be at least ${min} s`).max(max, `must be at most ${max} s`);

export const reference = z.strictObject({
	citation: text,
	url: z.url().optional()
});

/** A spoken prompt placed inside every hold of an exercise, e.g. a breathing reminder. */
export const exerciseCue = z.strictObject({
	/** Seconds after the start of each hold (or phase) at which to say it. */
	at: seconds(0, 3600),
	say: shortText,
	kind: z.enum(['breathe', 'prompt']).default('prompt'),
	sound: id.optional()
});

/** CERT 8: each exercise described well enough to replicate, with media. */
export const exercise = z.strictObject({
	id,
	name: shortText,
	position: z.enum(POSITIONS),
	/** One-sided: each set is played left then right, each side with the full dosage. */
	sided: z.boolean().default(false),
	instructions: z.array(text).min(1),
	mistakes: z.array(text).default([]),
	easier: text.optional(),
	harder: text.optional(),
	equipment: z.array(shortText).default([]),
	media: z
		.strictObject({
			video: id.optional(),
			/** In and out points inside the clip, in seconds. */
			in: seconds(0, 3600).optional(),
			out: seconds(0, 3600).optional(),
			image: id.optional()
		})
		.refine((m) => m.in === undefined || m.out === undefined || m.out > m.in, {
			message: 'out must be after in',
			path: ['out']
		})
		.optional(),
	cues: z.array(exerciseCue).default([])
});

/** A named part of one repetition: PMR's tense and release, a press-up's up and down. */
export const phase = z.strictObject({
	name: shortText,
	seconds: seconds(1, 600),
	say: shortText.optional(),
	sound: id.optional(),
	/**
	 * The part of the exercise's clip that shows this phase (the clip's `parts` in the media
	 * catalogue). By default the part named like the phase: "Breathe in" → breathe-in.
	 */
	part: id.optional()
});

/** CERT 13: dosage of one exercise at one level. */
export const exerciseStep = z
	.strictObject({
		exercise: id,
		sets: z.int().min(1).max(20).default(1),
		reps: z.int().min(1).max(100).default(1),
		/** Length of one repetition's hold. Give either hold or phases. */
		hold: seconds(1, 3600).optional(),
		phases: z.array(phase).min(1).max(10).optional(),
		restBetweenReps: seconds(0, 600).default(0),
		restBetweenSets: seconds(0, 600).default(0),
		/** Rest after the whole step, during which the next step is announced. */
		restAfter: seconds(0, 600).default(0),
		/** Pause to change sides on a sided exercise. */
		switchRest: seconds(0, 60).default(5),
		/** Which side goes first on a sided exercise. */
		firstSide: z.enum(['left', 'right']).default('left'),
		intensity: shortText.optional(),
		note: shortText.optional()
	})
	.refine((s) => (s.hold === undefined) !== (s.phases === undefined), {
		message: 'give exactly one of hold (seconds) or phases (a list)',
		path: ['hold']
	});

/** CERT 10: a non-exercise part (education, guided attention) placed in the sequence. */
export const educationStep = z.strictObject({
	education: id,
	seconds: seconds(5, 3600)
});

/** A quiet pause or free rest that belongs to no exercise (PMR's closing rest). */
export const restStep = z.strictObject({
	rest: seconds(1, 3600),
	title: shortText.default('Rest'),
	say: shortText.optional()
});

export const step = z.union([exerciseStep, educationStep, restStep]);

export const level = z.strictObject({
	name: shortText,
	description: text.optional(),
	/** Seconds of "get ready" before the first step. */
	countIn: seconds(0, 60).default(5),
	steps: z.array(step).min(1).max(500)
});

export const educationBlock = z.strictObject({
	id,
	title: shortText,
	text: z.array(text).min(1),
	/** Spoken version; defaults to the title when absent. */
	narration: text.optional(),
	image: id.optional()
});

/** Sounds played with each kind of generated cue; ids refer to the media catalogue. */
export const cueSounds = z.strictObject({
	countIn: id.default('count-in'),
	start: id.default('start'),
	countdown: id.default('tick'),
	switchSides: id.default('switch'),
	rest: id.default('rest'),
	stepEnd: id.default('step-end'),
	sessionEnd: id.default('session-end')
});

export const cueSettings = z.strictObject({
	/** How many final seconds of a hold are counted down (0 = none). */
	countdown: z.int().min(0).max(10).default(3),
	/** Say "halfway" on holds at least this long (seconds; 0 = never). */
	halfwayFrom: seconds(0, 3600).default(20),
	/** Announce the next exercise during rests. */
	announceNext: z.boolean().default(true),
	/** Say "Rest." when a rest begins; off keeps PMR's pauses between groups quiet. */
	sayRest: z.boolean().default(true),
	/** Say "Done." when an exercise ends. */
	sayDone: z.boolean().default(true),
	sounds: cueSounds.default(cueSounds.parse({}))
});

export const progression = z.discriminatedUnion('rule', [
	z.strictObject({
		rule: z.literal('sessions-at-level'),
		sessions: z.int().min(1).max(50).default(3),
		/** Pain rise (0–10 scale) that counts as a flare: 2 points is a clinically important change. */
		painRise: z.number().min(1).max(10).default(2),
		description: text
	}),
	z.strictObject({
		rule: z.literal('stages'),
		sessions: z.int().min(1).max(50).default(2),
		description: text
	}),
	z.strictObject({
		rule: z.literal('quota'),
		baselineSessions: z.int().min(1).max(10).default(3),
		/** Share of the baseline mean that sets the first quota. */
		startShare: z.number().min(0.1).max(1).default(0.7),
		/** Rise per session toward the goal, as a share of the baseline mean. */
		step: z.number().min(0.01).max(1).default(0.1),
		goalShare: z.number().min(0.5).max(5).default(1.5),
		description: text
	})
]);

export const routine = z.strictObject({
	id,
	title: shortText,
	category: z.enum(CATEGORIES),
	summary: text,
	suitableFor: text,
	notSuitableFor: z.array(text).min(1),
	/** CERT 1 */
	equipment: z.array(shortText).default([]),
	/** CERT 12 */
	setting: z.enum(SETTINGS),
	/** CERT 2, 3, 4 */
	delivery: z.strictObject({
		format: z.enum(['individual', 'group', 'either']),
		supervision: z.enum(['unsupervised', 'supervised', 'either']),
		how: text,
		provider: text
	}),
	/** CERT 13 (frequency and weeks; the rest of the dosage is per step) */
	frequency: z.strictObject({
		sessionsPerWeek: z.number().min(0.5).max(21),
		weeks: z.int().min(1).max(104).optional()
	}),
	/** CERT 7a */
	progression,
	/** CERT 15 */
	startingLevel: z.strictObject({
		level: z.int().min(1).default(1),
		description: text
	}),
	/** CERT 14 */
	tailoring: text,
	/** CERT 5 */
	adherence: text,
	/** CERT 6 */
	motivation: text,
	/** CERT 9 */
	homeProgramme: text,
	/** CERT 11 */
	adverseEvents: text,
	/** CERT 16 */
	fidelity: text,
	safety: z.strictObject({
		notes: z.array(text).default([]),
		stopRules: z.array(text).min(1)
	}),
	references: z.array(reference).min(1),
	/** Plays as one continuous audio track with the screen off (relaxation player). */
	audioFirst: z.boolean().default(false),
	cues: cueSettings.default(cueSettings.parse({})),
	exercises: z.array(exercise).default([]),
	education: z.array(educationBlock).default([]),
	levels: z.array(level).min(1).max(12)
});

export const courseLesson = z.strictObject({
	title: shortText,
	routine: id,
	level: z.int().min(1).default(1),
	summary: text.optional()
});

export const course = z.strictObject({
	id,
	title: shortText,
	summary: text,
	category: z.enum(CATEGORIES),
	lessons: z.array(courseLesson).min(1).max(100),
	references: z.array(reference).default([])
});

/**
 * The media catalogue: routine files name media by id, and this file maps ids to the
 * files under static/media. Swapping a demo clip for a clinic's recording is one line here.
 */
const mediaPath = z
	.string()
	.regex(/^[a-z0-9][a-z0-9/_.-]*\.[a-z0-9]+$/, 'must be a relative path under static/media, e.g. "video/knee.webm"')
	.refine((p) => !p.split('/').includes('..'), 'must not leave static/media');

export const mediaCatalog = z.strictObject({
	sounds: z.record(
		id,
		z.strictObject({
			files: z.array(mediaPath).min(1),
			description: shortText.optional()
		})
	),
	videos: z
		.record(
			id,
			z.strictObject({
				files: z.array(mediaPath).min(1),
				poster: mediaPath.optional(),
				/** Clip length in seconds, so in/out points can be checked without decoding. */
				duration: seconds(0.1, 36000),
				description: shortText.optional(),
				/**
				 * Named stretches of the clip (seconds), one for each phase of a repetition in order
				 * (tilt, relax): the player shows a phase's part while the phase lasts. A part with
				 * `loop: true` (a rhythmic movement: walking, kicking) is repeated a whole number of
				 * times through its phase rather than played once; it must be the whole clip.
				 */
				parts: z
					.record(
						id,
						z
							.strictObject({ in: seconds(0, 36000), out: seconds(0, 36000), loop: z.boolean().optional() })
							.refine((p) => p.out > p.in, { message: 'out must be after in', path: ['out'] })
					)
					.optional(),
				/** The side the clip shows, for an exercise done on each side in turn. */
				side: z.enum(['left', 'right']).optional(),
				/** How the other side is shown: the clip mirrored (default) or another clip's id. */
				otherSide: id.optional()
			})
		)
		.default({}),
	images: z
		.record(
			id,
			z.strictObject({
				file: mediaPath,
				/** What the picture shows, for a screen reader. */
				alt: shortText,
				/** One line under the picture on the stage and the handout. */
				caption: shortText.optional()
			})
		)
		.default({})
});

export type Routine = z.infer<typeof routine>;
export type RoutineInput = z.input<typeof routine>;
export type Exercise = z.infer<typeof exercise>;
export type ExerciseStep = z.infer<typeof exerciseStep>;
export type EducationStep = z.infer<typeof educationStep>;
export type RestStep = z.infer<typeof restStep>;
export type Step = z.infer<typeof step>;
export type Level = z.infer<typeof level>;
export type Phase = z.infer<typeof phase>;
export type EducationBlock = z.infer<typeof educationBlock>;
export type CueSettings = z.infer<typeof cueSettings>;
export type Progression = z.infer<typeof progression>;
export type Course = z.infer<typeof course>;
export type Reference = z.infer<typeof reference>;
export type MediaCatalog = z.infer<typeof mediaCatalog>;

export function isExerciseStep(s: Step): s is ExerciseStep {
	return 'exercise' in s;
}
export function isEducationStep(s: Step): s is EducationStep {
	return 'education' in s;
}
