/**
 * The class-mode contract between the server (authoritative hub) and every device in the
 * room. The server holds, per live lesson, the session position at an anchor instant on
 * its own clock; a device that knows its offset from the server clock derives the same
 * position at the same instant, so every screen shows the same step and second.
 */

/** Where a live lesson is. `waiting`: join code on the projector, not started yet. */
export type LiveStatus = 'waiting' | 'playing' | 'paused' | 'ended';

export interface LiveState {
	readonly lessonId: string;
	readonly code: string;
	readonly routineId: string;
	readonly level: number;
	readonly status: LiveStatus;
	/** Session position (ms into the timeline) at `anchorServerMs`. */
	readonly positionMs: number;
	/**
	 * Server-clock instant (ms since the Unix epoch, server's Date.now()) at which
	 * `positionMs` holds. Commands set it a few hundred ms ahead so that every device
	 * applies the change at the same moment.
	 */
	readonly anchorServerMs: number;
	/** Increases by one per change; the SSE event id, so `Last-Event-ID` can resume. */
	readonly seq: number;
}

/** What an instructor may ask; the server checks the sender owns the lesson. */
export type LiveCommand =
	| { readonly type: 'start' }
	| { readonly type: 'pause' }
	| { readonly type: 'resume' }
	| { readonly type: 'next' }
	| { readonly type: 'previous' }
	| { readonly type: 'seekToStep'; readonly step: number }
	| { readonly type: 'restartBlock' }
	| { readonly type: 'end' };

export const LIVE_COMMAND_TYPES = [
	'start',
	'pause',
	'resume',
	'next',
	'previous',
	'seekToStep',
	'restartBlock',
	'end'
] as const satisfies readonly LiveCommand['type'][];

/** How far ahead of the server's now a command takes effect, so all screens change together. */
export const COMMAND_LEAD_MS = 300;

/** The position a state implies at a server-clock instant (paused/waiting/ended: frozen). */
export function positionAt(state: LiveState, serverMs: number): number {
	if (state.status !== 'playing') return state.positionMs;
	return Math.max(0, state.positionMs + (serverMs - state.anchorServerMs));
}

/** Someone in the room, as the instructor's console lists them. */
export interface Participant {
	readonly id: string;
	readonly name: string;
	readonly connected: boolean;
}

/** Server-Sent Event names on `GET /api/live/[code]/events`. */
export const SSE_EVENTS = {
	/** data: LiveState JSON; id: seq. Sent on connect and on every change. */
	state: 'state',
	/** data: Participant[] JSON; only on the instructor's stream. */
	roster: 'roster'
} as const;

/** `GET /api/time` answers with the server clock read as late as possible. */
export interface TimeSample {
	readonly serverMs: number;
}

/**
 * Join codes use characters nobody confuses when read off a projector across a room
 * (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
 */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;

// ——— Added by the server side (additive): request and answer bodies of the live endpoints. ———

/**
 * Every error answer of the /api/live endpoints is `{ message }`, written to be shown to
 * the person as it is. Statuses: 400 malformed body, 403 not allowed (not this lesson's
 * instructor; not a participant), 404 no such code, 409 not possible now (check-in before
 * the end, a second check-in, a command racing the end), 410 the lesson has ended,
 * 429 too many wrong codes (with a Retry-After header, in seconds), 503 the server's database
 * cannot be reached right now (with a Retry-After header: try again).
 */
export interface LiveError {
	readonly message: string;
}

/** `POST /api/live/[code]/command`: body is a LiveCommand, optionally with `id`; 200 answers the new LiveState
 * (unchanged, same seq, when there was nothing to do, e.g. pause while paused). 503 (with Retry-After) while the
 * server's database cannot be reached: nothing was applied, or, if it was, sending the same `id` again answers
 * the state it led to without applying it twice. */
export type LiveCommandRequest = LiveCommand & { readonly id?: string };

/** What a command `id` may be: a UUID fits. */
export const COMMAND_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** `POST /api/live/[code]/join` body. Joining again from a browser that has joined returns the same id. */
export interface JoinRequest {
	readonly name: string;
}
export const PARTICIPANT_NAME_MAX_LENGTH = 40;

/** 200 answer to a join; the browser also gets an httpOnly participant cookie. */
export interface JoinResponse {
	readonly participantId: string;
	readonly name: string;
}

export const CHECK_IN_EFFORTS = ['too-easy', 'about-right', 'too-hard'] as const;
export type CheckInEffort = (typeof CHECK_IN_EFFORTS)[number];
export const PAIN_MIN = 0;
export const PAIN_MAX = 10;

/**
 * `POST /api/live/[code]/checkin` body, once per participant after the lesson ended
 * (the participant cookie says who may; the stored answer does not say who gave it).
 * 200 `{ recorded: true }`.
 */
export interface CheckInRequest {
	/** Integer PAIN_MIN..PAIN_MAX. */
	readonly pain: number;
	readonly effort: CheckInEffort;
}
