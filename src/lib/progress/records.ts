/**
 * What Limber keeps about a person, on their device only. Declared once as schemas: the
 * device store, the export file and the import check all use these, so a field exists in
 * one place and an imported file is held to exactly what the app writes.
 *
 * valibot, not zod (which the server uses for routine content): these schemas ride on the
 * player route, whose JavaScript budget is 150 KB gzip, and valibot's functions cost only
 * what is used (about 2 KB here, against about 8 KB for zod/mini).
 */
import * as v from 'valibot';

const routineId = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(64));
/** Stable ids (crypto.randomUUID) make an import merge without duplicates. */
const recordId = v.pipe(v.string(), v.minLength(8), v.maxLength(64));
const isoTime = v.pipe(v.string(), v.isoTimestamp());
const level = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12));
const durationMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 3600 * 1000));
const painScore = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10));

export const EFFORTS = ['too-easy', 'about-right', 'too-hard'] as const;
export const RELAXATION = ['not-really', 'partly', 'fully'] as const;

/** Pain before a session. Skipped is recorded as skipped: nothing is guessed. */
export const beforeCheckIn = v.variant('status', [
	v.strictObject({ status: v.literal('answered'), pain: painScore }),
	v.strictObject({ status: v.literal('skipped') })
]);

/** After a session. Within an answered check-in each question may still be left blank (null). */
export const afterCheckIn = v.variant('status', [
	v.strictObject({
		status: v.literal('answered'),
		pain: v.nullable(painScore),
		effort: v.nullable(v.picklist(EFFORTS)),
		relaxed: v.nullable(v.picklist(RELAXATION)),
		newLegSymptoms: v.nullable(v.boolean()),
		note: v.pipe(v.string(), v.maxLength(2000))
	}),
	v.strictObject({ status: v.literal('skipped') })
]);

/**
 * How a session ended: played to the end, stopped by the person, stopped with "stop and
 * get help", stopped because the check-in reported new or spreading leg symptoms, or (for
 * relaxation) paused by the sleep timer: most likely asleep, which is neither a completed
 * session nor one given up on, so it counts its minutes but no progression step.
 */
export const SESSION_OUTCOMES = ['finished', 'stopped', 'help', 'leg-symptoms', 'sleep-timer'] as const;

export const sessionRecord = v.strictObject({
	id: recordId,
	routineId,
	level: level,
	startedAt: isoTime,
	endedAt: isoTime,
	outcome: v.picklist(SESSION_OUTCOMES),
	/** Session time actually played, for minutes per week and graded activity's baseline. */
	playedMs: durationMs,
	/** The level's planned length, so "stopped at 6 of 10 minutes" can be shown later. */
	plannedMs: durationMs,
	before: beforeCheckIn,
	after: afterCheckIn
});

/** A level the person chose instead of the one Limber suggested; kept so it is respected. */
export const levelChoice = v.strictObject({
	id: recordId,
	routineId,
	level: level,
	suggested: level,
	at: isoTime
});

export const SAFETY_OUTCOMES = ['emergency', 'see-doctor', 'clear'] as const;

/**
 * A safety event: a completed red-flag screen, new leg symptoms at a check-in, or the
 * person confirming that a doctor has cleared them. The latest one decides whether the
 * programme may go on.
 */
export const safetyEvent = v.variant('kind', [
	v.strictObject({
		id: recordId,
		kind: v.literal('screening'),
		at: isoTime,
		/** Ids of the warning signs the person said yes to. */
		flagged: v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(50)),
		outcome: v.picklist(SAFETY_OUTCOMES)
	}),
	v.strictObject({ id: recordId, kind: v.literal('leg-symptoms'), at: isoTime, routineId }),
	v.strictObject({ id: recordId, kind: v.literal('cleared'), at: isoTime })
]);

export const settings = v.strictObject({
	showStreaks: v.boolean()
});

export const DEFAULT_SETTINGS: Settings = { showStreaks: true };

export type BeforeCheckIn = v.InferOutput<typeof beforeCheckIn>;
export type AfterCheckIn = v.InferOutput<typeof afterCheckIn>;
export type Effort = (typeof EFFORTS)[number];
export type Relaxation = (typeof RELAXATION)[number];
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];
export type SessionRecord = v.InferOutput<typeof sessionRecord>;
export type LevelChoice = v.InferOutput<typeof levelChoice>;
export type SafetyEvent = v.InferOutput<typeof safetyEvent>;
export type SafetyOutcome = (typeof SAFETY_OUTCOMES)[number];
export type Settings = v.InferOutput<typeof settings>;
