/**
 * Live lessons as the endpoints see them. The database holds each lesson's authoritative
 * state; this server's hub holds the lessons it has streams for, told of every change by
 * this server right after its commit and by the bus for other servers' commits. Nothing
 * here knows which database or bus is behind it.
 */
import { randomUUID } from 'node:crypto';
import type { CheckInEffort, LiveCommand } from '$lib/classroom/protocol';
import type { Course } from '$lib/routine/schema';
import { hashToken, newToken } from '../auth/token';
import { findRoutine, getLibrary, timelineFor } from '../content';
import { RateLimiter } from '../security/rate-limit';
import { applyCommand } from './apply-command';
import { runningLesson } from './classes';
import type { Room } from './hub';
import { uniqueJoinCode } from './join-code';
import { changeLessonState, type StateChange } from './lesson-state';
import {
	addParticipant,
	codeInUse,
	insertLiveLesson,
	lessonByCode,
	participantByToken,
	participantsOf,
	recordCheckIn,
	stateOf,
	statesOf,
	type LiveLessonRow
} from './lessons';
import { getLive, hub, received } from './live-runtime';

export { hub } from './live-runtime';

/**
 * Wrong codes from one address, counted over every server. A class behind one school's
 * router shares an address: 60 people joining with a few typos stay far below this.
 */
export const joinGuesses = new RateLimiter({ name: 'join-code', limit: 20, windowMs: 10 * 60 * 1000 });

export const PARTICIPANT_COOKIE = 'limber_participant';

export function findCourse(courseId: string): Course | undefined {
	return getLibrary().courses.find((c) => c.id === courseId);
}

/**
 * Opens a lesson of a class for the room and returns its join code; a run of that lesson
 * still going is reused, so pressing "start" twice does not split the room.
 */
export async function openLiveLesson(
	klass: { readonly id: string; readonly instructorId: string; readonly courseId: string },
	lessonNumber: number
): Promise<string> {
	const lesson = findCourse(klass.courseId)?.lessons[lessonNumber - 1];
	if (!lesson) throw new Error(`Course ${klass.courseId} has no lesson ${lessonNumber}`);
	const { database, clock } = await getLive();
	const running = await runningLesson(database, klass.id, lessonNumber);
	if (running) return running;
	const code = await uniqueJoinCode((c) => codeInUse(database, c));
	const row = await insertLiveLesson(
		database,
		{ classId: klass.id, lessonNumber, code, routineId: lesson.routine, level: lesson.level },
		clock.now()
	);
	await hold(row, klass.instructorId);
	return row.code;
}

async function hold(lesson: LiveLessonRow, instructorId: string): Promise<Room> {
	const routine = findRoutine(lesson.routineId);
	if (!routine) throw new Error(`Live lesson ${lesson.code} plays routine ${lesson.routineId}, which is no longer shipped`);
	const { database } = await getLive();
	const participants = await participantsOf(database, lesson.id);
	const room = hub.open({ state: stateOf(lesson), timeline: timelineFor(routine, lesson.level), instructorId, participants, lesson });
	// A change another server made between reading the row and holding the room was
	// announced while nobody here listened for this lesson: read it once more.
	for (const state of await statesOf(database, [lesson.id])) received(state);
	return room;
}

export type Lookup =
	/** `lesson` is the row as it was when the lesson was taken up: its status and position may be stale, use `room.state`. */
	| { readonly kind: 'live'; readonly room: Room; readonly lesson: LiveLessonRow }
	/** `room` while its streams are still held, so late screens still learn it ended. */
	| { readonly kind: 'ended'; readonly lesson: LiveLessonRow; readonly instructorId: string; readonly room: Room | undefined }
	| { readonly kind: 'missing' };

/** A lesson by code; one the database has but this server does not hold yet is taken up. */
export async function findLesson(code: string): Promise<Lookup> {
	const held = hub.room(code);
	// A held lesson needs no query: streams and commands keep working for the lessons this
	// server holds while the database is briefly away.
	if (held && held.state.status !== 'ended') return { kind: 'live', room: held, lesson: held.lesson };
	const { database } = await getLive();
	const found = await lessonByCode(database, code);
	if (!found) return { kind: 'missing' };
	const status = held?.state.status ?? found.lesson.status;
	if (status === 'ended') return { kind: 'ended', lesson: found.lesson, instructorId: found.instructorId, room: held };
	return { kind: 'live', room: held ?? (await hold(found.lesson, found.instructorId)), lesson: found.lesson };
}

/**
 * Applies an instructor's command in the database (on whichever server it arrives) and
 * fans the new state out here at once; the other servers hear it from the bus. The same
 * `commandId` twice (a retry after a lost answer) is applied once.
 */
export async function runCommand(room: Room, command: LiveCommand, commandId: string = randomUUID()): Promise<StateChange> {
	const { database, bus } = await getLive();
	const change = await changeLessonState(
		database,
		room.lesson.id,
		commandId,
		(state, now) => applyCommand(state, command, room.timeline, now),
		(tx, state) => bus.announce(tx, { t: 'state', from: bus.instanceId, state })
	);
	// Whatever the outcome, the stored state is the newest there is: if this server had
	// fallen behind, it catches up here.
	if (change.kind !== 'refused') received(change.state);
	return change;
}

/** A new participant of a live lesson and the token for their cookie. */
export async function join(lesson: LiveLessonRow, name: string): Promise<{ participantId: string; token: string }> {
	const { database, bus } = await getLive();
	const token = newToken();
	const participant = await addParticipant(database, lesson, name, hashToken(token));
	hub.addParticipants(lesson.code, [participant]);
	// If this is lost, the other servers read the roster again when their bus reconnects.
	await bus.broadcast({ t: 'joined', from: bus.instanceId, code: lesson.code, ...participant }).catch(() => undefined);
	return { participantId: participant.id, token };
}

/** The participant this browser is in the lesson, from its cookie, or null. */
export async function participantFor(
	lessonId: string,
	token: string | undefined
): Promise<{ id: string; name: string; checkedIn: boolean } | null> {
	if (!token) return null;
	const { database } = await getLive();
	return participantByToken(database, lessonId, hashToken(token));
}

export async function checkIn(
	lessonId: string,
	participantId: string,
	answer: { pain: number; effort: CheckInEffort }
): Promise<'recorded' | 'already'> {
	const { database } = await getLive();
	return recordCheckIn(database, lessonId, participantId, answer);
}
