/**
 * What Limber keeps about a person, on their device only. Declared once as zod schemas:
 * the device store, the export file and the import check all use these, so a field
 * exists in one place and an imported file is held to exactly what the app writes.
 */
import * as z from 'zod';

const routineId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(64);
/** Stable ids (crypto.randomUUID) make an import merge without duplicates. */
const recordId = z.string().min(8).max(64);
const isoTime = z.iso.datetime({ offset: true });
const painScore = z.int().min(0).max(10);

export const EFFORTS = ['too-easy', 'about-right', 'too-hard'] as const;
export const RELAXATION = ['not-really', 'partly', 'fully'] as const;

/** Pain before a session. Skipped is recorded as skipped: nothing is guessed. */
export const beforeCheckIn = z.discriminatedUnion('status', [
	z.strictObject({ status: z.literal('answered'), pain: painScore }),
	z.strictObject({ status: z.literal('skipped') })
]);

/** After a session. Within an answered check-in each question may still be left blank (null). */
export const afterCheckIn = z.discriminatedUnion('status', [
	z.strictObject({
		status: z.literal('answered'),
		pain: painScore.nullable(),
		effort: z.enum(EFFORTS).nullable(),
		relaxed: z.enum(RELAXATION).nullable(),
		newLegSymptoms: z.boolean().nullable(),
		note: z.string().max(2000)
	}),
	z.strictObject({ status: z.literal('skipped') })
]);

/**
 * How a session ended: played to the end, stopped by the person, stopped with "stop and
 * get help", stopped because the check-in reported new or spreading leg symptoms, or (for
 * relaxation) paused by the sleep timer: most likely asleep, which is neither a completed
 * session nor one given up on, so it counts its minutes but no progression step.
 */
export const SESSION_OUTCOMES = ['finished', 'stopped', 'help', 'leg-symptoms', 'sleep-timer'] as const;

export const sessionRecord = z.strictObject({
	id: recordId,
	routineId,
	level: z.int().min(1).max(12),
	startedAt: isoTime,
	endedAt: isoTime,
	outcome: z.enum(SESSION_OUTCOMES),
	/** Session time actually played, for minutes per week and graded activity's baseline. */
	playedMs: z.int().min(0).max(24 * 3600 * 1000),
	/** The level's planned length, so "stopped at 6 of 10 minutes" can be shown later. */
	plannedMs: z.int().min(0).max(24 * 3600 * 1000),
	before: beforeCheckIn,
	after: afterCheckIn
});

/** A level the person chose instead of the one Limber suggested; kept so it is respected. */
export const levelChoice = z.strictObject({
	id: recordId,
	routineId,
	level: z.int().min(1).max(12),
	suggested: z.int().min(1).max(12),
	at: isoTime
});

export const SAFETY_OUTCOMES = ['emergency', 'see-doctor', 'clear'] as const;

/**
 * A safety event: a completed red-flag screen, new leg symptoms at a check-in, or the
 * person confirming that a doctor has cleared them. The latest one decides whether the
 * programme may go on.
 */
export const safetyEvent = z.discriminatedUnion('kind', [
	z.strictObject({
		id: recordId,
		kind: z.literal('screening'),
		at: isoTime,
		/** Ids of the warning signs the person said yes to. */
		flagged: z.array(z.string().max(64)).max(50),
		outcome: z.enum(SAFETY_OUTCOMES)
	}),
	z.strictObject({ id: recordId, kind: z.literal('leg-symptoms'), at: isoTime, routineId }),
	z.strictObject({ id: recordId, kind: z.literal('cleared'), at: isoTime })
]);

export const settings = z.strictObject({
	showStreaks: z.boolean()
});

export const DEFAULT_SETTINGS: Settings = { showStreaks: true };

export type BeforeCheckIn = z.infer<typeof beforeCheckIn>;
export type AfterCheckIn = z.infer<typeof afterCheckIn>;
export type Effort = (typeof EFFORTS)[number];
export type Relaxation = (typeof RELAXATION)[number];
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];
export type SessionRecord = z.infer<typeof sessionRecord>;
export type LevelChoice = z.infer<typeof levelChoice>;
export type SafetyEvent = z.infer<typeof safetyEvent>;
export type SafetyOutcome = (typeof SAFETY_OUTCOMES)[number];
export type Settings = z.infer<typeof settings>;
