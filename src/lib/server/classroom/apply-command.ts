/**
 * The one place a live lesson's state changes: a pure function of the state, the
 * instructor's command, the lesson's timeline and the server's now. Every change takes
 * effect at `serverNow + COMMAND_LEAD_MS`, so each device, whatever its latency, has
 * the update before the instant it describes and all screens change together.
 */
import { COMMAND_LEAD_MS, positionAt, type LiveCommand, type LiveState } from '$lib/classroom/protocol';
import { PREVIOUS_RESTARTS_AFTER_MS } from '$lib/playback/engine';
import { segmentIndexAt, type Segment, type Timeline } from '$lib/routine/timeline';

export type CommandResult =
	| { readonly kind: 'changed'; readonly state: LiveState }
	/** Nothing to do (pause while paused, next on the last step): not an error, no new seq. */
	| { readonly kind: 'unchanged'; readonly state: LiveState }
	| { readonly kind: 'refused'; readonly reason: 'ended' | 'invalid'; readonly message: string };

export function applyCommand(state: LiveState, command: LiveCommand, timeline: Timeline, serverNow: number): CommandResult {
	if (state.status === 'ended') {
		return { kind: 'refused', reason: 'ended', message: 'This lesson has ended' };
	}
	const anchor = serverNow + COMMAND_LEAD_MS;
	// Where the class will be at the instant the command takes effect, never past the end.
	const here = Math.min(positionAt(state, anchor), timeline.durationMs);
	const to = (status: LiveState['status'], positionMs: number): CommandResult => ({
		kind: 'changed',
		state: { ...state, status, positionMs, anchorServerMs: anchor, seq: state.seq + 1 }
	});
	const unchanged: CommandResult = { kind: 'unchanged', state };
	// A jump keeps playing or paused as it was; while waiting it picks where `start` begins.
	const jump = (positionMs: number): CommandResult => to(state.status, positionMs);

	switch (command.type) {
		case 'start':
			return state.status === 'waiting' ? to('playing', state.positionMs) : unchanged;
		case 'pause':
			return state.status === 'playing' ? to('paused', here) : unchanged;
		case 'resume':
			return state.status === 'paused' ? to('playing', state.positionMs) : unchanged;
		case 'end':
			return to('ended', here);
		case 'next': {
			const target = timeline.steps[stepIndexAt(timeline, here) + 1];
			return target ? jump(target.startMs) : unchanged;
		}
		case 'previous': {
			const index = stepIndexAt(timeline, here);
			const current = timeline.steps[index];
			if (!current) return unchanged;
			// Same rule as the solo player, so the instructor's thumb knows what it does.
			const restart = here - current.startMs > PREVIOUS_RESTARTS_AFTER_MS;
			const target = restart ? current : (timeline.steps[index - 1] ?? current);
			return jump(target.startMs);
		}
		case 'seekToStep': {
			const target = Number.isInteger(command.step) ? timeline.steps[command.step] : undefined;
			if (!target) {
				return {
					kind: 'refused',
					reason: 'invalid',
					message: `There is no step ${String(command.step)}: this lesson has steps 0 to ${timeline.steps.length - 1}`
				};
			}
			return jump(target.startMs);
		}
		case 'restartBlock':
			return jump(blockStartAt(timeline, here));
	}
}

function stepIndexAt(timeline: Timeline, positionMs: number): number {
	return timeline.segments[segmentIndexAt(timeline, positionMs)]?.stepIndex ?? 0;
}

/**
 * A block is one set of an exercise: the run of segments of the same step and set
 * (its reps, sides and the rest that follows it). Outside exercises the block is the
 * whole step, since those segments all carry set 1.
 */
export function blockStartAt(timeline: Timeline, positionMs: number): number {
	const segments = timeline.segments;
	let i = segmentIndexAt(timeline, positionMs);
	const here = segments[i];
	if (!here) return 0;
	const sameBlock = (s: Segment | undefined): s is Segment =>
		s !== undefined && s.stepIndex === here.stepIndex && s.set === here.set;
	while (sameBlock(segments[i - 1])) i -= 1;
	return segments[i]?.startMs ?? 0;
}
