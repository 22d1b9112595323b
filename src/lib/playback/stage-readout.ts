/**
 * What a session stage says, in words, about where the session is: the part of the
 * session (get ready, exercise, switch sides, rest, talk), the large state word, the
 * counters, the next-up line, the countdown's accessible name and the play button's label.
 * Every stage (the exercise player, the relaxation player, the class phone and the
 * projector) reads it from here, so they cannot disagree about what a moment is called.
 *
 * Pure and free of imports beyond types, so it is cheap on the player route and easy to
 * table-test.
 */
import type { EngineState } from './events';
import type { Segment, Timeline, TimelineStep } from '../routine/timeline';

/** The part of a session a moment belongs to; each has its own look on the stage. */
export type StagePart = 'ready' | 'get-ready' | 'exercise' | 'switch-sides' | 'rest' | 'talk' | 'end';

export interface StageReadout {
	readonly part: StagePart;
	/** The session is held (paused or waiting for media): the stage shows PAUSED or LOADING. */
	readonly held: boolean;
	/**
	 * The large word, in sentence case (the stage sets it in capitals with CSS, so screen
	 * readers read words, not letters): Get ready, Hold, Rep 3 of 10, Tense, Switch sides,
	 * Rest, Talk, Paused.
	 */
	readonly word: string;
	/** The name under the countdown: the exercise, the talk, or what the rest is before. */
	readonly name: string;
	/** A few words before the name: "Up next" in a rest, where the name is the coming exercise. */
	readonly lead: string | null;
	/** Smaller counters beside the word: "Set 2 of 3", "Left side", "Rep 3 of 10". */
	readonly counters: readonly string[];
	/** "Up next: Cat–cow, set 2 of 3", or null when nothing follows or it would repeat the name. */
	readonly nextUp: string | null;
	/**
	 * The stage's own main action where it is not play/pause: "Start now" in a get-ready,
	 * "Skip rest" in a rest. Both end the current segment at once.
	 */
	readonly skipLabel: string | null;
}

export interface ReadoutInput {
	readonly state: EngineState;
	readonly timeline: Timeline;
	readonly segment: Segment;
	readonly step: TimelineStep;
	/** The exercise's name for an exercise id (the timeline's titles are used when missing). */
	readonly exerciseName?: (exerciseId: string) => string | undefined;
}

const sideText = (side: Segment['side']): string | null => (side === 'left' ? 'Left side' : side === 'right' ? 'Right side' : null);

/** "Set 2 of 3", "Rep 3 of 10" and the side, for a working segment. */
function workCounters(seg: Segment, withRep: boolean): string[] {
	const out: string[] = [];
	if (withRep && seg.repCount > 1) out.push(`Rep ${seg.rep} of ${seg.repCount}`);
	if (seg.setCount > 1) out.push(`Set ${seg.set} of ${seg.setCount}`);
	const side = sideText(seg.side);
	if (side) out.push(side);
	return out;
}

function partOf(state: EngineState, seg: Segment, step: TimelineStep): StagePart {
	if (state === 'ready') return 'ready';
	if (state === 'finished' || state === 'stopped') return 'end';
	switch (seg.kind) {
		case 'count-in':
			return 'get-ready';
		case 'switch':
			return 'switch-sides';
		case 'rest':
			return 'rest';
		case 'education':
			return 'talk';
		case 'work':
			return step.kind === 'education' ? 'talk' : 'exercise';
	}
}

/** "45 seconds", "1 minute 5 seconds": countdowns read aloud as words, not "1:05". */
export function spokenDuration(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const m = Math.floor(total / 60);
	const s = total % 60;
	const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	if (m === 0) return unit(s, 'second');
	return s === 0 ? unit(m, 'minute') : `${unit(m, 'minute')} ${unit(s, 'second')}`;
}

/** The next segment that is worth naming: a working one, or a talk. */
function comingWork(timeline: Timeline, fromIndex: number): Segment | null {
	for (let i = fromIndex + 1; i < timeline.segments.length; i++) {
		const s = timeline.segments[i] as Segment;
		if (s.kind === 'work' || s.kind === 'education') return s;
	}
	return null;
}

function stepName(timeline: Timeline, seg: Segment, input: ReadoutInput): string {
	const step = timeline.steps[seg.stepIndex];
	const byId = seg.exerciseId ? input.exerciseName?.(seg.exerciseId) : undefined;
	return byId ?? step?.title ?? seg.title;
}

/** What follows a segment, named for the person: "Cat–cow", or "Knee to chest, set 2 of 3". */
function upNext(timeline: Timeline, seg: Segment, input: ReadoutInput): string | null {
	const next = comingWork(timeline, seg.index);
	if (!next) return null;
	const name = stepName(timeline, next, input);
	if (next.stepIndex === seg.stepIndex && seg.kind === 'work') return null;
	const extra = next.kind === 'work' ? workCounters(next, false).map((c) => c.toLowerCase()) : [];
	return [name, ...extra].join(', ');
}

export function stageReadout(input: ReadoutInput): StageReadout {
	const { state, timeline, segment: seg, step } = input;
	const part = partOf(state, seg, step);
	const held = state === 'paused' || state === 'buffering';
	const current = stepName(timeline, seg, input);
	let word: string;
	let name = current;
	let counters: string[] = [];
	let nextUp: string | null = null;
	let lead: string | null = null;
	let skipLabel: string | null = null;
	switch (part) {
		case 'ready':
			word = 'Ready';
			break;
		case 'end':
			word = state === 'finished' ? 'Done' : 'Stopped';
			break;
		case 'get-ready': {
			word = 'Get ready';
			const coming = comingWork(timeline, seg.index);
			name = coming ? stepName(timeline, coming, input) : current;
			counters = coming?.kind === 'work' ? workCounters(coming, false) : [];
			skipLabel = 'Start now';
			break;
		}
		case 'switch-sides': {
			word = 'Switch sides';
			const coming = comingWork(timeline, seg.index);
			const side = coming ? sideText(coming.side) : null;
			counters = side ? [`Now the ${side.toLowerCase()}`] : [];
			break;
		}
		case 'rest': {
			word = 'Rest';
			skipLabel = 'Skip rest';
			const coming = comingWork(timeline, seg.index);
			// A rest step ("Get into position", "Final relaxation") is itself what to do now;
			// a rest between sets or exercises is a wait, so the coming exercise takes the name.
			if (step.kind === 'rest' || !coming) {
				nextUp = upNext(timeline, seg, input);
			} else {
				lead = 'Up next';
				name = stepName(timeline, coming, input);
				const extra = coming.kind === 'work' ? workCounters(coming, false) : [];
				nextUp = extra.length ? extra.join(', ') : null;
			}
			break;
		}
		case 'talk':
			// A relaxation session's spoken parts are listened to, not taught.
			word = timeline.category === 'relaxation' ? 'Listen' : 'Talk';
			nextUp = upNext(timeline, seg, input);
			break;
		case 'exercise': {
			const withPhase = seg.phase !== null;
			word = withPhase ? (seg.phase as string) : seg.repCount > 1 ? `Rep ${seg.rep} of ${seg.repCount}` : 'Hold';
			counters = workCounters(seg, withPhase);
			nextUp = upNext(timeline, seg, input);
			break;
		}
	}
	if (state === 'paused') word = 'Paused';
	if (state === 'buffering') word = 'Loading';
	if (nextUp === name) nextUp = null;
	return { part, held, word, name, lead, counters, nextUp, skipLabel: held ? null : skipLabel };
}

/** The countdown's accessible name, e.g. "45 seconds left, Knee to chest". */
export function timerName(readout: StageReadout, remainingMs: number): string {
	if (readout.part === 'end' || readout.part === 'ready') return readout.name;
	return `${spokenDuration(remainingMs)} left, ${readout.name}`;
}

/**
 * The play button's word. While the media is loading the session is held but will go on
 * by itself, so the button offers to pause (what pressing it does), not to resume.
 */
export function toggleLabel(state: EngineState): 'Start' | 'Pause' | 'Resume' {
	if (state === 'ready' || state === 'finished' || state === 'stopped') return 'Start';
	return state === 'paused' ? 'Resume' : 'Pause';
}
