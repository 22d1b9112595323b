/**
 * Changing a lesson's state: the one write path for every server. Each command is one
 * short transaction that locks the lesson's row, reads the database clock, decides the new
 * state from the stored one, bumps `seq`, records the event and announces it to the other
 * servers inside the transaction (PostgreSQL delivers a NOTIFY at commit, in commit order,
 * so servers see changes in seq order and never one that was rolled back).
 */
import { and, eq, sql } from 'drizzle-orm';
import { parseLiveState } from '$lib/classroom/live-state-parse';
import type { LiveState } from '$lib/classroom/protocol';
import type { Database, Tx } from '../db/database';
import type { CommandResult } from './apply-command';
import { stateOf } from './lessons';

export type Decide = (state: LiveState, databaseNowMs: number) => CommandResult;

export type StateChange =
	| CommandResult
	/** This command id was applied before (a retry whose first answer was lost): nothing changes again. */
	| { readonly kind: 'repeated'; readonly state: LiveState };

/** Called inside the transaction with the new state, to announce it to other servers at commit. */
export type Announce = (tx: Tx, state: LiveState) => Promise<void>;

export class LessonMissingError extends Error {
	constructor(lessonId: string) {
		super(`No live lesson ${lessonId} in the database`);
	}
}

export async function changeLessonState(
	database: Database,
	lessonId: string,
	commandId: string,
	decide: Decide,
	announce: Announce
): Promise<StateChange> {
	const { liveLessons, lessonEvents } = database.tables;
	return database.transaction(async (tx): Promise<StateChange> => {
		// An update that changes nothing takes the row lock on PostgreSQL (commands to one
		// lesson queue here, on any server) and reads the row and the clock in one trip.
		const [locked] = await tx
			.update(liveLessons)
			.set({ seq: sql`${liveLessons.seq}` })
			.where(eq(liveLessons.id, lessonId))
			.returning({ row: liveLessons, nowMs: database.clockMs });
		if (!locked) throw new LessonMissingError(lessonId);
		const current = stateOf(locked.row);
		const [seen] = await tx
			.select({ seq: lessonEvents.seq })
			.from(lessonEvents)
			.where(and(eq(lessonEvents.liveLessonId, lessonId), eq(lessonEvents.commandId, commandId)));
		if (seen) return { kind: 'repeated', state: current };
		const result = decide(current, locked.nowMs);
		if (result.kind !== 'changed') return result;
		const next = result.state;
		await tx
			.update(liveLessons)
			.set({
				status: next.status,
				positionMs: next.positionMs,
				anchorServerMs: next.anchorServerMs,
				seq: next.seq,
				...(next.status === 'ended' ? { endedAt: locked.nowMs } : {})
			})
			.where(eq(liveLessons.id, lessonId));
		await tx
			.insert(lessonEvents)
			.values({ liveLessonId: lessonId, seq: next.seq, commandId, state: JSON.stringify(next), appliedAt: locked.nowMs });
		await announce(tx, next);
		return result;
	});
}

/** The state a lesson had at `seq`, from its recorded events (for events sent by reference). */
export async function eventState(database: Database, lessonId: string, seq: number): Promise<LiveState | null> {
	const { db, tables: { lessonEvents } } = database;
	const [row] = await db
		.select({ state: lessonEvents.state })
		.from(lessonEvents)
		.where(and(eq(lessonEvents.liveLessonId, lessonId), eq(lessonEvents.seq, seq)));
	return row ? parseLiveState(row.state) : null;
}
