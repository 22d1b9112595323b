/**
 * Live lessons as the endpoints see them: the hub (in memory, authoritative while the
 * server runs) kept in step with the database (so a restart resumes every lesson where
 * it was, and ended lessons stay ended).
 */
import type { LiveCommand } from '$lib/classroom/protocol';
import type { Course } from '$lib/routine/schema';
import { hashToken, newToken } from '../auth/token';
import { findRoutine, getLibrary, timelineFor } from '../content';
import { getDatabase } from '../db';
import { RateLimiter } from '../security/rate-limit';
import { applyCommand, type CommandResult } from './apply-command';
import type { CheckInEffort } from '$lib/classroom/protocol';
import { runningLesson } from './classes';
import { LiveHub, type Room } from './hub';
import { uniqueJoinCode } from './join-code';
import {
	addParticipant,
	codeInUse,
	insertLiveLesson,
	lessonByCode,
	participantByToken,
	participantsOf,
	recordCheckIn,
	saveState,
	stateOf,
	type LiveLessonRow
} from './lessons';

export const hub = new LiveHub();

/** After the end, a lesson's streams stay open this long so every screen sees "ended". */
const ENDED_ROOM_TTL_MS = 10 * 60 * 1000;

/** Wrong codes from one address: a room of phones behind one clinic router is ~30 people. */
export const joinGuesses = new RateLimiter({ limit: 20, windowMs: 10 * 60 * 1000 });

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
	const { db } = await getDatabase();
	const running = await runningLesson(db, klass.id, lessonNumber);
	if (running) return running;
	const code = await uniqueJoinCode((c) => codeInUse(db, c));
	const row = await insertLiveLesson(db, { classId: klass.id, lessonNumber, code, routineId: lesson.routine, level: lesson.level });
	await hold(row, klass.instructorId);
	return row.code;
}

async function hold(lesson: LiveLessonRow, instructorId: string): Promise<Room> {
	const routine = findRoutine(lesson.routineId);
	if (!routine) throw new Error(`Live lesson ${lesson.code} plays routine ${lesson.routineId}, which is no longer shipped`);
	const { db } = await getDatabase();
	const participants = await participantsOf(db, lesson.id);
	return hub.open({ state: stateOf(lesson), timeline: timelineFor(routine, lesson.level), instructorId, participants, lesson });
}

export type Lookup =
	/** `lesson` is the row as it was when the lesson was taken up: its status and position may be stale, use `room.state`. */
	| { readonly kind: 'live'; readonly room: Room; readonly lesson: LiveLessonRow }
	/** `room` while its streams are still held, so late screens still learn it ended. */
	| { readonly kind: 'ended'; readonly lesson: LiveLessonRow; readonly instructorId: string; readonly room: Room | undefined }
	| { readonly kind: 'missing' };

/** A lesson by code; one the database has but this process does not hold yet (after a restart) is taken up again. */
export async function findLesson(code: string): Promise<Lookup> {
	const { db } = await getDatabase();
	const held = hub.room(code);
	// A command needs only the held room; skipping the query keeps the database off the
	// path between an instructor's tap and the fan-out.
	if (held && held.state.status !== 'ended') return { kind: 'live', room: held, lesson: held.lesson };
	const found = await lessonByCode(db, code);
	if (!found) return { kind: 'missing' };
	const status = held?.state.status ?? found.lesson.status;
	if (status === 'ended') return { kind: 'ended', lesson: found.lesson, instructorId: found.instructorId, room: held };
	return { kind: 'live', room: held ?? (await hold(found.lesson, found.instructorId)), lesson: found.lesson };
}

export async function runCommand(room: Room, command: LiveCommand): Promise<CommandResult> {
	const result = applyCommand(room.state, command, room.timeline, Date.now());
	if (result.kind !== 'changed') return result;
	// Send first: the effect instant is only COMMAND_LEAD_MS away, the write can follow.
	hub.publish(result.state);
	const { db } = await getDatabase();
	await saveState(db, result.state);
	if (result.state.status === 'ended') {
		const code = result.state.code;
		setTimeout(() => hub.drop(code), ENDED_ROOM_TTL_MS).unref();
	}
	return result;
}

/** A new participant of a live lesson and the token for their cookie. */
export async function join(lesson: LiveLessonRow, name: string): Promise<{ participantId: string; token: string }> {
	const { db } = await getDatabase();
	const token = newToken();
	const participant = await addParticipant(db, lesson, name, hashToken(token));
	hub.addParticipant(lesson.code, participant);
	return { participantId: participant.id, token };
}

/** The participant this browser is in the lesson, from its cookie, or null. */
export async function participantFor(
	lessonId: string,
	token: string | undefined
): Promise<{ id: string; name: string; checkedIn: boolean } | null> {
	if (!token) return null;
	const { db } = await getDatabase();
	return participantByToken(db, lessonId, hashToken(token));
}

export async function checkIn(
	lessonId: string,
	participantId: string,
	answer: { pain: number; effort: CheckInEffort }
): Promise<'recorded' | 'already'> {
	const { db } = await getDatabase();
	return recordCheckIn(db, lessonId, participantId, answer);
}
