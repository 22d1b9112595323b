/**
 * The session engine: one clock, one timeline, one position. The position is always
 * `clock.now() - anchor` while running and a frozen number otherwise, so no amount of
 * late, missing or irregular ticking can make it drift. tick() only reports what the
 * position has already passed; requests re-anchor.
 */
import { firstCueAtOrAfter, segmentIndexAt, type Cue, type Segment, type Timeline, type TimelineStep } from '../routine/timeline';
import { adjustSegment } from './adjust';
import type { Clock } from './clock';
import { EngineEmitter } from './emitter';
import type {
	EngineEvent,
	EngineEventMap,
	EngineEventType,
	EngineSnapshot,
	EngineState,
	JumpCause,
	RunningState
} from './events';

export interface SessionEngineOptions {
	/**
	 * Freeze the position while media stalls (default true). A class session passes false:
	 * the room keeps going and one participant's video catches up.
	 */
	readonly waitForBuffering?: boolean;
	/**
	 * A start (and a resume) sets the clock going this long after the press, holding the
	 * position where it starts until then, so that the first cues can be scheduled ahead
	 * like every later one instead of being started late, with a time already past (0: at
	 * the press; a track-driven or class session, whose clock is not the engine's to delay).
	 */
	readonly startLeadMs?: number;
}

/**
 * The players' start lead: two or three worker ticks (25 ms) and the time to start a Web
 * Audio source ahead, so the count-in's bell and words are scheduled like any later cue.
 * Far below what a person notices between a press and its sound.
 */
export const START_LEAD_MS = 120;

/** "Previous" restarts the current step if you are this far into it, like a music player. */
export const PREVIOUS_RESTARTS_AFTER_MS = 3000;

function runningStateOf(seg: Segment): RunningState {
	return seg.kind === 'count-in' ? 'count-in' : 'playing';
}

/**
 * Where the cue pointer goes after the timeline changed under it at `positionMs`.
 * Cues before the position stay done, cues after it are armed. Cues exactly at it are
 * done only if they had been emitted: adjustSegment's stable sort keeps the emitted ones
 * of such a tie in front, so the pointer can simply step over them.
 */
function rearmedCueIndex(before: Timeline, after: Timeline, positionMs: number, emittedBefore: number): number {
	let i = firstCueAtOrAfter(after, positionMs);
	for (; i < after.cues.length; i++) {
		const cue = after.cues[i] as Cue;
		if (cue.atMs !== positionMs) break;
		const was = before.cues.findIndex((c) => c.id === cue.id);
		if (was < 0 || was >= emittedBefore) break;
	}
	return i;
}

export class SessionEngine {
	#timeline: Timeline;
	readonly #clock: Clock;
	readonly #waitForBuffering: boolean;
	readonly #startLeadMs: number;
	readonly #emitter = new EngineEmitter();

	#state: EngineState = 'ready';
	/** Clock time at which the position was 0; meaningful only while running. */
	#anchor = 0;
	/** During a start lead, the position held until the clock reaches it; -Infinity otherwise. */
	#leadFrom = -Infinity;
	/** The position while not running. */
	#frozen = 0;
	/** The segment and step last reported; they lag the position until the next tick. */
	#segIdx = 0;
	#stepIdx = 0;
	/** Next cue not yet emitted in this pass. */
	#cueIdx = 0;
	/** Earliest position at which tick() has anything to do: keeps the idle tick to a compare. */
	#nextDueMs = 0;
	/** The media reported a stall that has not cleared; survives a pause. */
	#stalled = false;

	constructor(timeline: Timeline, clock: Clock, options: SessionEngineOptions = {}) {
		const first = timeline.segments[0];
		if (!first || timeline.steps.length === 0) {
			throw new RangeError(`timeline ${timeline.routineId} has no segments or steps to play`);
		}
		this.#timeline = timeline;
		this.#clock = clock;
		this.#waitForBuffering = options.waitForBuffering ?? true;
		this.#startLeadMs = Math.max(0, options.startLeadMs ?? 0);
		this.#stepIdx = first.stepIndex;
	}

	get state(): EngineState {
		return this.#state;
	}

	/** The timeline as currently adjusted. */
	get timeline(): Timeline {
		return this.#timeline;
	}

	get segment(): Segment {
		return this.#timeline.segments[this.#segIdx] as Segment;
	}

	get step(): TimelineStep {
		return this.#timeline.steps[this.#stepIdx] as TimelineStep;
	}

	get position(): number {
		return this.#isRunning() ? this.#clamp(Math.max(this.#clock.now() - this.#anchor, this.#leadFrom)) : this.#frozen;
	}

	/**
	 * Where the clock is: the position, except during a start lead, when it is still before
	 * the starting position (by the time left). Scheduling ahead reads this.
	 */
	get clockPosition(): number {
		return this.#isRunning() ? Math.min(this.#clock.now() - this.#anchor, this.#timeline.durationMs) : this.#frozen;
	}

	on<K extends EngineEventType>(type: K, handler: (event: EngineEventMap[K]) => void): () => void {
		return this.#emitter.on(type, handler);
	}

	/** Every event in emission order; for recorders and relays. */
	onAny(handler: (event: EngineEvent) => void): () => void {
		return this.#emitter.onAny(handler);
	}

	/** Report everything the position has passed since the last tick. Cheap when nothing is due. */
	tick(): void {
		if (!this.#isRunning()) return;
		const raw = this.#clock.now() - this.#anchor;
		if (raw < this.#nextDueMs) return;
		this.#advanceTo(this.#clamp(raw));
		this.#emitter.drain();
	}

	/** Cues due in (position, position + windowMs] not yet emitted; none unless running. */
	upcomingCues(windowMs: number): readonly Cue[] {
		if (!this.#isRunning()) return [];
		const pos = this.clockPosition;
		const out: Cue[] = [];
		const cues = this.#timeline.cues;
		for (let i = this.#cueIdx; i < cues.length; i++) {
			const cue = cues[i] as Cue;
			if (cue.atMs > pos + windowMs) break;
			if (cue.atMs > pos) out.push(cue);
		}
		return out;
	}

	snapshot(): EngineSnapshot {
		const positionMs = this.position;
		const segmentIndex = segmentIndexAt(this.#timeline, positionMs);
		const stepIndex = (this.#timeline.segments[segmentIndex] as Segment).stepIndex;
		return { state: this.#state, positionMs, stepIndex, segmentIndex };
	}

	/**
	 * `leadMs` (default: the engine's start lead) sets the clock going that long from now: a
	 * class device starts at the room's start instant, which the server sets a little ahead.
	 */
	start(fromMs = 0, leadMs = this.#startLeadMs): boolean {
		if (this.#state !== 'ready' || !Number.isFinite(fromMs) || !Number.isFinite(leadMs)) return false;
		const pos = this.#clamp(fromMs);
		this.#lead(pos, Math.max(0, leadMs));
		this.#place(pos);
		this.#announcePlace(pos, 'start');
		this.#setState(runningStateOf(this.segment), pos);
		return this.#finish(true);
	}

	pause(): boolean {
		if (this.#state === 'buffering') {
			this.#setState('paused', this.#frozen);
			return this.#finish(true);
		}
		const pos = this.#flush();
		if (pos === null || !this.#isRunning()) return this.#finish(false);
		this.#frozen = pos;
		this.#setState('paused', pos);
		return this.#finish(true);
	}

	resume(): boolean {
		if (this.#state !== 'paused') return false;
		if (this.#stalled) {
			this.#setState('buffering', this.#frozen);
		} else {
			this.#lead(this.#frozen);
			this.#setState(runningStateOf(this.segment), this.#frozen);
		}
		return this.#finish(true);
	}

	/**
	 * The media stalled (true) or recovered (false). Freezes a solo session; a stall
	 * reported while paused is remembered so that resume waits for the media.
	 */
	setBuffering(on: boolean): boolean {
		if (!this.#waitForBuffering) return false;
		if (!on) {
			if (!this.#stalled) return false;
			this.#stalled = false;
			if (this.#state === 'buffering') {
				this.#anchorAt(this.#frozen);
				this.#setState(runningStateOf(this.segment), this.#frozen);
			}
			return this.#finish(true);
		}
		if (this.#state === 'paused') {
			if (this.#stalled) return false;
			this.#stalled = true;
			return true;
		}
		const pos = this.#flush();
		if (pos === null || !this.#isRunning()) return this.#finish(false);
		this.#stalled = true;
		this.#frozen = pos;
		this.#setState('buffering', pos);
		return this.#finish(true);
	}

	/** To the start of the next step; ignored on the last step (ending is stop()'s job). */
	next(): boolean {
		const pos = this.#flush();
		if (pos === null) return this.#finish(false);
		const target = this.#timeline.steps[this.#stepIdx + 1];
		if (!target) return this.#finish(false);
		return this.#jump(pos, target.startMs, 'next');
	}

	previous(): boolean {
		const pos = this.#flush();
		if (pos === null) return this.#finish(false);
		const current = this.step;
		const restart = pos - current.startMs > PREVIOUS_RESTARTS_AFTER_MS;
		const target = restart ? current : (this.#timeline.steps[this.#stepIdx - 1] ?? current);
		return this.#jump(pos, target.startMs, 'previous');
	}

	seek(ms: number): boolean {
		if (!Number.isFinite(ms)) return false;
		const pos = this.#flush();
		if (pos === null) return this.#finish(false);
		return this.#jump(pos, ms, 'seek');
	}

	seekToStep(index: number): boolean {
		const target = Number.isInteger(index) ? this.#timeline.steps[index] : undefined;
		if (!target) return false;
		const pos = this.#flush();
		if (pos === null) return this.#finish(false);
		return this.#jump(pos, target.startMs, 'step');
	}

	/**
	 * Lengthen or shorten the current segment (a hold or rest), never ending it before the
	 * present. Cues already passed stay done; cues the change moves ahead play again.
	 */
	adjustHold(deltaMs: number): boolean {
		const pos = this.#flush();
		if (pos === null || !this.segment.adjustable) return this.#finish(false);
		const before = this.#timeline;
		const endBefore = this.segment.endMs;
		const after = adjustSegment(before, this.#segIdx, deltaMs, pos);
		if (after === before) return this.#finish(false);
		this.#cueIdx = rearmedCueIndex(before, after, pos, this.#cueIdx);
		this.#timeline = after;
		if (this.#isRunning()) this.#anchorAt(pos);
		const deltaApplied = this.segment.endMs - endBefore;
		this.#emitter.enqueue({ type: 'timeline', atMs: pos, timeline: after, segmentIndex: this.#segIdx, deltaMs: deltaApplied });
		return this.#finish(true);
	}

	stop(): boolean {
		if (this.#state === 'finished' || this.#state === 'stopped') return false;
		// No flush: cues that fell due since the last tick must not sound after "stop".
		this.#frozen = this.position;
		this.#stalled = false;
		this.#setState('stopped', this.#frozen);
		return this.#finish(true);
	}

	/** The position is `pos` now (a jump, a recovery): any start lead is over. */
	#anchorAt(pos: number): void {
		this.#anchor = this.#clock.now() - pos;
		this.#leadFrom = -Infinity;
	}

	/** Set the clock going from `pos` after the start lead. */
	#lead(pos: number, leadMs = this.#startLeadMs): void {
		this.#anchor = this.#clock.now() - pos + leadMs;
		this.#leadFrom = leadMs > 0 ? pos : -Infinity;
	}

	#isRunning(): boolean {
		return this.#state === 'playing' || this.#state === 'count-in';
	}

	#clamp(ms: number): number {
		return Math.min(Math.max(ms, 0), this.#timeline.durationMs);
	}

	/**
	 * Bring the reports up to the present before a request changes anything, so the
	 * request acts on a consistent segment, step and cue pointer. Null when the session
	 * is not under way (or just reached its end), i.e. when seeking and skipping do not apply.
	 */
	#flush(): number | null {
		if (this.#state === 'paused' || this.#state === 'buffering') return this.#frozen;
		if (!this.#isRunning()) return null;
		const pos = this.#clamp(this.#clock.now() - this.#anchor);
		if (pos >= this.#nextDueMs) this.#advanceTo(pos);
		// Within a start lead the clock has not reached the starting position yet: that is where it stands.
		return this.#isRunning() ? this.#clamp(Math.max(pos, this.#leadFrom)) : null;
	}

	#place(pos: number): void {
		this.#segIdx = segmentIndexAt(this.#timeline, pos);
		this.#stepIdx = this.segment.stepIndex;
		this.#cueIdx = firstCueAtOrAfter(this.#timeline, pos);
	}

	#announcePlace(pos: number, jump: JumpCause): void {
		this.#emitter.enqueue({ type: 'segment', atMs: pos, index: this.#segIdx, segment: this.segment, jump });
		this.#emitter.enqueue({ type: 'step', atMs: pos, index: this.#stepIdx, step: this.step, jump });
	}

	#jump(fromMs: number, toMs: number, cause: Exclude<JumpCause, 'start'>): boolean {
		const to = this.#clamp(toMs);
		if (this.#isRunning()) this.#anchorAt(to);
		else this.#frozen = to;
		this.#place(to);
		this.#emitter.enqueue({ type: 'seek', atMs: to, fromMs, cause });
		this.#announcePlace(to, cause);
		const owed = runningStateOf(this.segment);
		if (this.#isRunning() && owed !== this.#state) this.#setState(owed, to);
		return this.#finish(true);
	}

	#setState(to: EngineState, atMs: number): void {
		const from = this.#state;
		this.#state = to;
		this.#emitter.enqueue({ type: 'state', atMs, from, to });
	}

	/** Every request ends here: recompute the idle threshold, then deliver what was queued. */
	#finish(accepted: boolean): boolean {
		this.#updateNextDue();
		this.#emitter.drain();
		return accepted;
	}

	#updateNextDue(): void {
		const { cues, segments, durationMs } = this.#timeline;
		const cueAt = cues[this.#cueIdx]?.atMs ?? Infinity;
		const segAt = segments[this.#segIdx + 1]?.startMs ?? Infinity;
		this.#nextDueMs = Math.min(cueAt, segAt, durationMs);
	}

	/**
	 * Queue, in time order, every boundary, cue and state change in (last report, pos].
	 * At one instant: a segment's own cues, then the boundary into the next segment, then
	 * that segment's cues, and the state change the boundary causes after all of them, so
	 * the order does not depend on how the ticks happened to fall.
	 */
	#advanceTo(pos: number): void {
		const { cues, segments, durationMs } = this.#timeline;
		for (;;) {
			const seg = segments[this.#segIdx] as Segment;
			const next = segments[this.#segIdx + 1];
			const cue = cues[this.#cueIdx];
			const segDue = next !== undefined && next.startMs <= pos;
			const cueDue = cue !== undefined && cue.atMs <= pos;
			const owed = runningStateOf(seg);
			if (owed !== this.#state) {
				const nextAt = Math.min(segDue ? next.startMs : Infinity, cueDue ? cue.atMs : Infinity);
				if (nextAt > seg.startMs) {
					this.#setState(owed, seg.startMs);
					continue;
				}
			}
			const boundaryFirst =
				segDue &&
				(!cueDue || next.startMs < cue.atMs || (next.startMs === cue.atMs && cue.segmentIndex > this.#segIdx));
			if (boundaryFirst) {
				this.#enterSegment(this.#segIdx + 1);
			} else if (cueDue) {
				this.#emitter.enqueue({ type: 'cue', atMs: cue.atMs, index: this.#cueIdx, cue, lateMs: pos - cue.atMs });
				this.#cueIdx++;
			} else {
				break;
			}
		}
		if (pos >= durationMs) {
			this.#frozen = durationMs;
			this.#stalled = false;
			this.#setState('finished', durationMs);
		}
		this.#updateNextDue();
	}

	#enterSegment(index: number): void {
		this.#segIdx = index;
		const seg = this.segment;
		this.#emitter.enqueue({ type: 'segment', atMs: seg.startMs, index, segment: seg, jump: null });
		if (seg.stepIndex !== this.#stepIdx) {
			this.#stepIdx = seg.stepIndex;
			this.#emitter.enqueue({ type: 'step', atMs: seg.startMs, index: seg.stepIndex, step: this.step, jump: null });
		}
	}
}
