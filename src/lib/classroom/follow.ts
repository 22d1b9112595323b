/**
 * How a device's session engine follows the room. Given what the engine is doing and what
 * the server's live state says should be happening right now (on the server clock), pick the
 * one request that brings the engine closer, or none. The class client asks again after
 * acting and on every tick, so a few small steps (start, then seek) add up to "in sync".
 *
 * Drift bands: a running engine derives its position from the same (offset) clock as the
 * room, so it only drifts when a change was applied a tick late or the offset estimate moved.
 * Small drift is left alone (a seek restarts the video and repeats the step's announcement);
 * larger drift is a seek. A paused screen is held to a tight band, since everyone compares
 * frozen countdowns. There is no waiting band: a class device never pauses for its own
 * buffering, it jumps to where the room is when its media is back.
 */
import type { EngineState } from '../playback/events';
import { positionAt, type LiveState } from './protocol';

/** A running device within this of the room is left alone. */
export const PLAYING_TOLERANCE_MS = 150;
/** A paused device is moved to the room's frozen position if further than this from it. */
export const PAUSED_TOLERANCE_MS = 40;

export interface LocalPlayback {
	readonly state: EngineState;
	readonly positionMs: number;
	readonly durationMs: number;
}

export type FollowAction =
	| { readonly type: 'none' }
	/** Engine is ready: start it here (and pause straight after when `paused`). */
	| { readonly type: 'start'; readonly atMs: number; readonly paused: boolean }
	| { readonly type: 'pause' }
	| { readonly type: 'resume' }
	| { readonly type: 'seek'; readonly toMs: number }
	| { readonly type: 'stop' }
	/**
	 * The engine ended (reached its end or was stopped) but the room is still in the lesson,
	 * e.g. the instructor went back a step after the last one ran out. An engine cannot restart,
	 * so the client makes a fresh one and starts it here.
	 */
	| { readonly type: 'rebuild'; readonly atMs: number; readonly paused: boolean };

const NONE: FollowAction = { type: 'none' };

function isRunning(s: EngineState): boolean {
	return s === 'playing' || s === 'count-in';
}

function isOver(s: EngineState): boolean {
	return s === 'finished' || s === 'stopped';
}

export function follow(local: LocalPlayback, live: LiveState, serverNowMs: number): FollowAction {
	if (live.status === 'waiting') return NONE;
	if (live.status === 'ended') return isOver(local.state) || local.state === 'ready' ? NONE : { type: 'stop' };

	const paused = live.status === 'paused';
	const target = Math.min(positionAt(live, serverNowMs), local.durationMs);
	// Past the end the room is done too; an engine that finished there is where it should be.
	const roomAtEnd = target >= local.durationMs;

	if (local.state === 'ready') return roomAtEnd ? NONE : { type: 'start', atMs: target, paused };
	if (isOver(local.state)) return roomAtEnd ? NONE : { type: 'rebuild', atMs: target, paused };

	if (paused) {
		if (isRunning(local.state) || local.state === 'buffering') return { type: 'pause' };
		return Math.abs(local.positionMs - target) > PAUSED_TOLERANCE_MS ? { type: 'seek', toMs: target } : NONE;
	}

	if (local.state === 'paused' || local.state === 'buffering') return { type: 'resume' };
	return Math.abs(local.positionMs - target) > PLAYING_TOLERANCE_MS ? { type: 'seek', toMs: target } : NONE;
}
