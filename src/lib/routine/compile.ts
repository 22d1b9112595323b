/**
 * compile(routine, level): the single place where dosage becomes time. Pure and
 * deterministic, so the maths is unit- and property-tested here and playback never
 * needs to know what a "set" is.
 */
import * as text from './cue-text';
import {
	isEducationStep,
	isExerciseStep,
	type CueSettings,
	type EducationStep,
	type Exercise,
	type ExerciseStep,
	type RestStep,
	type Routine,
	type Step
} from './schema';
import type {
	Cue,
	CueAnchor,
	CueKind,
	Segment,
	SegmentKind,
	Side,
	Timeline,
	TimelineStep,
	VideoRef
} from './timeline';

const ms = (seconds: number): number => Math.round(seconds * 1000);

/** Countdown beeps only on holds long enough that "3, 2, 1" is a help, not a din. */
const COUNTDOWN_MIN_HOLD_MS = 10_000;

/** One timed part of a repetition: a whole hold (no name) or a named phase. */
interface RepPart {
	readonly name: string | null;
	readonly seconds: number;
	readonly say?: string;
	readonly sound?: string;
	readonly part?: string;
}

/** Count-ins, education blocks and free rests: one part, no sets, sides or clip. */
const SINGLE_PART = {
	set: 1,
	setCount: 1,
	rep: 1,
	repCount: 1,
	side: null,
	phase: null,
	video: null
} as const;

type SegmentFields = Omit<Segment, 'index' | 'startMs' | 'endMs' | 'stepIndex'>;

class TimelineBuilder {
	readonly segments: Segment[] = [];
	readonly cues: Cue[] = [];
	readonly steps: TimelineStep[] = [];
	private cursor = 0;
	private nextCueId = 0;

	constructor(
		private readonly settings: CueSettings,
		public stepIndex = 0
	) {}

	get now(): number {
		return this.cursor;
	}

	segment(durationMs: number, fields: SegmentFields): Segment {
		const seg: Segment = {
			...fields,
			index: this.segments.length,
			startMs: this.cursor,
			endMs: this.cursor + durationMs,
			stepIndex: this.stepIndex
		};
		this.segments.push(seg);
		this.cursor = seg.endMs;
		return seg;
	}

	cue(seg: Segment, kind: CueKind, anchor: CueAnchor, words: string, sound: string | null): void {
		const atMs =
			anchor.from === 'start'
				? seg.startMs + anchor.ms
				: anchor.from === 'end'
					? seg.endMs - anchor.ms
					: seg.startMs + Math.floor((seg.endMs - seg.startMs) / 2);
		if (atMs < seg.startMs || atMs > seg.endMs) return;
		this.cues.push({
			id: `c${this.nextCueId++}`,
			kind,
			atMs,
			segmentIndex: seg.index,
			anchor,
			text: words,
			sound
		});
	}

	/** "3", "2", "1" in the last seconds of a segment. */
	countdown(seg: Segment): void {
		const n = this.settings.countdown;
		for (let k = n; k >= 1; k--) {
			this.cue(seg, 'countdown', { from: 'end', ms: k * 1000 }, String(k), this.settings.sounds.countdown);
		}
	}
}

function videoOf(exercise: Exercise): VideoRef | null {
	const m = exercise.media;
	if (!m?.video) return null;
	return { clip: m.video, inMs: ms(m.in ?? 0), outMs: m.out === undefined ? null : ms(m.out) };
}

/** The clip part a phase names, or the one named like it: "Breathe in" → "breathe-in". */
export function phasePartName(phase: { readonly name: string; readonly part?: string }): string {
	return phase.part ?? phase.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function sidesOf(exercise: Exercise, step: ExerciseStep): readonly (Side | null)[] {
	if (!exercise.sided) return [null];
	return step.firstSide === 'left' ? ['left', 'right'] : ['right', 'left'];
}

function repDurationMs(step: ExerciseStep): number {
	return step.phases ? step.phases.reduce((sum, p) => sum + ms(p.seconds), 0) : ms(step.hold ?? 0);
}

export function dosageText(step: Step, exercise: Exercise | undefined): string {
	if (isEducationStep(step)) return `${text.secondsPhrase(ms(step.seconds))} of learning`;
	if (!isExerciseStep(step)) return text.secondsPhrase(ms(step.rest));
	const each = exercise?.sided ? ' each side' : '';
	const per = step.phases
		? step.phases.map((p) => `${p.name.toLowerCase()} ${p.seconds} s`).join(', ')
		: `${step.hold} s`;
	const reps = step.reps > 1 ? `${step.reps} reps (${per})` : step.phases ? `(${per})` : per;
	const sets = step.sets > 1 ? `${step.sets} × ` : '';
	return `${sets}${reps}${each}`;
}

function stepTitle(routine: Routine, step: Step): string {
	if (isExerciseStep(step)) return exerciseById(routine, step.exercise).name;
	if (isEducationStep(step)) return educationById(routine, step).title;
	return step.title;
}

function exerciseById(routine: Routine, id: string): Exercise {
	const found = routine.exercises.find((e) => e.id === id);
	if (!found) throw new Error(`routine ${routine.id}: step names unknown exercise "${id}"`);
	return found;
}

function educationById(routine: Routine, step: EducationStep) {
	const found = routine.education.find((e) => e.id === step.education);
	if (!found) throw new Error(`routine ${routine.id}: step names unknown education block "${step.education}"`);
	return found;
}

function addExerciseStep(
	b: TimelineBuilder,
	routine: Routine,
	step: ExerciseStep,
	nextTitle: string | null,
	isLastStep: boolean
): void {
	const ex = exerciseById(routine, step.exercise);
	const sounds = routine.cues.sounds;
	const sides = sidesOf(ex, step);
	const video = videoOf(ex);
	const base = {
		title: ex.name,
		exerciseId: ex.id,
		setCount: step.sets,
		repCount: step.reps,
		video
	};
	let first = true;
	let lastWork: Segment | null = null;

	for (let set = 1; set <= step.sets; set++) {
		for (const [sideIndex, side] of sides.entries()) {
			if (sideIndex > 0) {
				const toSide = side as Side;
				if (step.switchRest > 0) {
					const sw = b.segment(ms(step.switchRest), {
						...base,
						kind: 'switch',
						title: 'Switch sides',
						set,
						rep: 1,
						side: toSide,
						phase: null,
						adjustable: false
					});
					b.cue(sw, 'switch-sides', { from: 'start', ms: 0 }, text.switchText(toSide), sounds.switchSides);
				}
			}
			for (let rep = 1; rep <= step.reps; rep++) {
				const parts: readonly RepPart[] = step.phases ?? [{ name: null, seconds: step.hold ?? 0 }];
				for (const [phaseIndex, part] of parts.entries()) {
					const dur = ms(part.seconds);
					const seg = b.segment(dur, {
						...base,
						video: video && part.name !== null ? { ...video, part: phasePartName({ name: part.name, part: part.part }) } : video,
						kind: 'work',
						set,
						rep,
						side,
						phase: part.name,
						adjustable: step.phases === undefined
					});
					lastWork = seg;
					const at0 = { from: 'start', ms: 0 } as const;
					const isRepStart = phaseIndex === 0;
					if (first) {
						const how = part.name !== null ? (part.say ?? part.name) : text.holdPhrase(dur, step.reps);
						b.cue(seg, 'step-start', at0, text.stepStartText(ex.name, side, how), part.sound ?? sounds.start);
						first = false;
					} else if (part.name !== null) {
						b.cue(seg, 'phase', at0, part.say ?? part.name, part.sound ?? null);
					} else if (isRepStart && rep === 1 && sideIndex > 0 && step.switchRest === 0) {
						b.cue(seg, 'switch-sides', at0, text.switchText(side as Side), sounds.switchSides);
					} else if (isRepStart && rep === 1 && sideIndex > 0) {
						// The switch rest said where to go; this marks the moment to begin.
						b.cue(seg, 'prompt', at0, text.sideStartText(side as Side), sounds.start);
					} else if (isRepStart && rep === 1 && set > 1 && sideIndex === 0) {
						b.cue(seg, 'prompt', at0, text.setStartText(set, step.sets), sounds.start);
					} else if (isRepStart && rep > 1) {
						b.cue(seg, 'prompt', at0, String(rep), sounds.countdown);
					}
					const protectedTail = dur >= COUNTDOWN_MIN_HOLD_MS ? routine.cues.countdown * 1000 + 1000 : 0;
					for (const c of ex.cues) {
						const at = ms(c.at);
						// Prompts need the first second and must not talk over the countdown.
						if (at >= 1000 && at < dur - protectedTail) {
							b.cue(seg, c.kind, { from: 'start', ms: at }, c.say, c.sound ?? null);
						}
					}
					if (step.phases === undefined && routine.cues.halfwayFrom > 0 && dur >= ms(routine.cues.halfwayFrom)) {
						b.cue(seg, 'halfway', { from: 'middle' }, text.HALFWAY_TEXT, null);
					}
					if (dur >= COUNTDOWN_MIN_HOLD_MS) b.countdown(seg);

					const lastPart = phaseIndex === parts.length - 1;
					if (lastPart && rep < step.reps && step.restBetweenReps > 0) {
						b.segment(ms(step.restBetweenReps), {
							...base,
							kind: 'rest',
							title: 'Rest',
							set,
							rep,
							side,
							phase: null,
							adjustable: true
						});
					}
				}
			}
		}
		if (set < step.sets && step.restBetweenSets > 0) {
			const rest = b.segment(ms(step.restBetweenSets), {
				...base,
				kind: 'rest',
				title: 'Rest',
				set,
				rep: step.reps,
				side: null,
				phase: null,
				adjustable: true
			});
			const words = routine.cues.sayRest ? `Rest. Next: ${text.setStartText(set + 1, step.sets)}` : text.setStartText(set + 1, step.sets);
			b.cue(rest, 'rest', { from: 'start', ms: 0 }, words, sounds.rest);
			if (rest.endMs - rest.startMs >= COUNTDOWN_MIN_HOLD_MS) b.countdown(rest);
		}
	}
	if (lastWork && routine.cues.sayDone) {
		b.cue(lastWork, 'step-end', { from: 'end', ms: 0 }, text.STEP_END_TEXT, sounds.stepEnd);
	}

	if (!isLastStep && step.restAfter > 0) {
		const rest = b.segment(ms(step.restAfter), {
			...base,
			kind: 'rest',
			title: 'Rest',
			set: step.sets,
			rep: step.reps,
			side: null,
			phase: null,
			adjustable: true
		});
		const announce = routine.cues.announceNext;
		const words = text.restText(nextTitle, announce, routine.cues.sayRest);
		if (words) b.cue(rest, announce && nextTitle ? 'next-up' : 'rest', { from: 'start', ms: 0 }, words, sounds.rest);
		if (rest.endMs - rest.startMs >= COUNTDOWN_MIN_HOLD_MS) b.countdown(rest);
	}
}

function addEducationStep(b: TimelineBuilder, routine: Routine, step: EducationStep): void {
	const block = educationById(routine, step);
	const seg = b.segment(ms(step.seconds), {
		kind: 'education',
		title: block.title,
		exerciseId: null,
		...SINGLE_PART,
		adjustable: true
	});
	b.cue(seg, 'education', { from: 'start', ms: 0 }, block.narration ?? block.title, null);
}

function addRestStep(b: TimelineBuilder, routine: Routine, step: RestStep): void {
	const seg = b.segment(ms(step.rest), {
		kind: 'rest',
		title: step.title,
		exerciseId: null,
		...SINGLE_PART,
		adjustable: true
	});
	b.cue(seg, 'rest', { from: 'start', ms: 0 }, step.say ?? `${step.title}.`, routine.cues.sounds.rest);
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const v of Object.values(value)) deepFreeze(v);
	}
	return value;
}

/**
 * Compile one level (1-based, as people count levels) of a validated routine.
 * Throws RangeError for a level the routine does not have: that is a caller bug,
 * since pages offer only existing levels.
 */
export function compile(routine: Routine, levelNumber: number): Timeline {
	const level = routine.levels[levelNumber - 1];
	if (!Number.isInteger(levelNumber) || !level) {
		throw new RangeError(`routine ${routine.id} has no level ${levelNumber} (it has ${routine.levels.length})`);
	}
	const b = new TimelineBuilder(routine.cues);
	const titles = level.steps.map((s) => stepTitle(routine, s));

	level.steps.forEach((step, i) => {
		b.stepIndex = i;
		const startMs = i === 0 ? 0 : b.now;
		const firstSegment = b.segments.length;
		if (i === 0 && level.countIn > 0) {
			const seg = b.segment(ms(level.countIn), {
				kind: 'count-in',
				title: 'Get ready',
				exerciseId: null,
				...SINGLE_PART,
				adjustable: false
			});
			b.cue(seg, 'count-in', { from: 'start', ms: 0 }, text.countInText(titles[0] ?? ''), routine.cues.sounds.countIn);
			if (seg.endMs - seg.startMs > routine.cues.countdown * 1000) b.countdown(seg);
		}
		const isLast = i === level.steps.length - 1;
		if (isExerciseStep(step)) addExerciseStep(b, routine, step, titles[i + 1] ?? null, isLast);
		else if (isEducationStep(step)) addEducationStep(b, routine, step);
		else addRestStep(b, routine, step);

		const ex = isExerciseStep(step) ? exerciseById(routine, step.exercise) : undefined;
		b.steps.push({
			index: i,
			kind: isExerciseStep(step) ? 'exercise' : isEducationStep(step) ? 'education' : 'rest',
			title: titles[i] ?? '',
			exerciseId: ex?.id ?? null,
			educationId: isEducationStep(step) ? step.education : null,
			startMs,
			endMs: b.now,
			firstSegment,
			lastSegment: b.segments.length - 1,
			dosage: dosageText(step, ex)
		});
	});

	const last = b.segments[b.segments.length - 1] as Segment;
	b.cue(last, 'session-end', { from: 'end', ms: 0 }, text.SESSION_END_TEXT, routine.cues.sounds.sessionEnd);

	// Stable sort: ties keep generation order, which is chronological by segment.
	const cues = [...b.cues].sort((a, c) => a.atMs - c.atMs);
	return deepFreeze({
		routineId: routine.id,
		title: routine.title,
		category: routine.category,
		level: levelNumber,
		levelName: level.name,
		durationMs: b.now,
		steps: b.steps,
		segments: b.segments,
		cues
	});
}
