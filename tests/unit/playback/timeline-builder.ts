/**
 * Hand-built Timelines for the playback tests, independent of compile(): steps made of
 * segments, cues placed from their anchors with the same rule compile() uses.
 */
import type {
	Cue,
	CueAnchor,
	CueKind,
	Segment,
	SegmentKind,
	Timeline,
	TimelineStep
} from '../../../src/lib/routine/timeline';

export interface CueSpec {
	readonly kind: CueKind;
	readonly anchor: CueAnchor;
	readonly text?: string;
}

export interface SegmentSpec {
	readonly kind: SegmentKind;
	readonly ms: number;
	readonly adjustable?: boolean;
	readonly title?: string;
	readonly cues?: readonly CueSpec[];
}

export interface StepSpec {
	readonly title: string;
	readonly kind?: TimelineStep['kind'];
	readonly segments: readonly SegmentSpec[];
}

export const fromStart = (ms: number): CueAnchor => ({ from: 'start', ms });
export const beforeEnd = (ms: number): CueAnchor => ({ from: 'end', ms });
export const middle: CueAnchor = { from: 'middle' };

export const cue = (kind: CueKind, anchor: CueAnchor, text: string = kind): CueSpec => ({ kind, anchor, text });
export const countdown = (): CueSpec[] => [3, 2, 1].map((k) => cue('countdown', beforeEnd(k * 1000), String(k)));

function place(anchor: CueAnchor, start: number, end: number): number {
	if (anchor.from === 'start') return start + anchor.ms;
	if (anchor.from === 'end') return end - anchor.ms;
	return start + Math.floor((end - start) / 2);
}

export function buildTimeline(steps: readonly StepSpec[], options: { sessionEndCue?: boolean } = {}): Timeline {
	const segments: Segment[] = [];
	const timelineSteps: TimelineStep[] = [];
	const cues: Cue[] = [];
	let cursor = 0;
	steps.forEach((spec, stepIndex) => {
		const firstSegment = segments.length;
		const startMs = cursor;
		for (const s of spec.segments) {
			const seg: Segment = {
				index: segments.length,
				kind: s.kind,
				startMs: cursor,
				endMs: cursor + s.ms,
				stepIndex,
				title: s.title ?? (s.kind === 'work' ? spec.title : s.kind),
				exerciseId: s.kind === 'work' ? spec.title.toLowerCase().replace(/\s+/g, '-') : null,
				set: 1,
				setCount: 1,
				rep: 1,
				repCount: 1,
				side: null,
				phase: null,
				video: null,
				adjustable: s.adjustable ?? false
			};
			segments.push(seg);
			cursor = seg.endMs;
			for (const c of s.cues ?? []) {
				const atMs = place(c.anchor, seg.startMs, seg.endMs);
				if (atMs < seg.startMs || atMs > seg.endMs) continue;
				cues.push({
					id: `c${cues.length}`,
					kind: c.kind,
					atMs,
					segmentIndex: seg.index,
					anchor: c.anchor,
					text: c.text ?? c.kind,
					sound: null
				});
			}
		}
		timelineSteps.push({
			index: stepIndex,
			kind: spec.kind ?? 'exercise',
			title: spec.title,
			exerciseId: null,
			educationId: null,
			startMs,
			endMs: cursor,
			firstSegment,
			lastSegment: segments.length - 1,
			dosage: ''
		});
	});
	const last = segments[segments.length - 1];
	if (last && options.sessionEndCue !== false) {
		cues.push({
			id: `c${cues.length}`,
			kind: 'session-end',
			atMs: last.endMs,
			segmentIndex: last.index,
			anchor: beforeEnd(0),
			text: 'Well done.',
			sound: null
		});
	}
	cues.sort((a, b) => a.atMs - b.atMs);
	return {
		routineId: 'test-routine',
		title: 'Test routine',
		category: 'stretching',
		level: 1,
		levelName: 'Gentle',
		durationMs: cursor,
		steps: timelineSteps,
		segments,
		cues
	};
}

/**
 * 107 s, four steps. Segments: 0 count-in 5 s, 1 work 20 s (adjustable), 2 switch 5 s,
 * 3 work 20 s (adjustable), 4 rest 15 s (step 1), 5–8 tense/release 5 s each (step 2),
 * 9 work 10 s (adjustable), 10 education 12 s (step 3). Ties: two cues at 13 s, and each
 * "step-end" shares its ms with the next segment's first cue; "Well done" is at 107 s.
 */
export function sampleTimeline(): Timeline {
	const hold = (): SegmentSpec => ({
		kind: 'work',
		ms: 20_000,
		adjustable: true,
		cues: [
			cue('step-start', fromStart(0)),
			cue('breathe', fromStart(8000)),
			cue('prompt', fromStart(8000)),
			cue('halfway', middle),
			...countdown(),
			cue('step-end', beforeEnd(0))
		]
	});
	const phase = (name: string): SegmentSpec => ({ kind: 'work', ms: 5000, cues: [cue('phase', fromStart(0), name)] });
	return buildTimeline([
		{
			title: 'Knee to chest',
			segments: [
				{ kind: 'count-in', ms: 5000, cues: [cue('count-in', fromStart(0)), ...countdown()] },
				hold(),
				{ kind: 'switch', ms: 5000, cues: [cue('switch-sides', fromStart(0))] },
				hold()
			]
		},
		{
			title: 'Rest',
			kind: 'rest',
			segments: [
				{
					kind: 'rest',
					ms: 15_000,
					adjustable: true,
					cues: [cue('rest', fromStart(0)), cue('next-up', fromStart(5000)), ...countdown()]
				}
			]
		},
		{
			title: 'Pelvic tilt',
			segments: [
				phase('Tense'),
				phase('Release'),
				phase('Tense'),
				phase('Release'),
				{ kind: 'work', ms: 10_000, adjustable: true, cues: [...countdown(), cue('step-end', beforeEnd(0))] }
			]
		},
		{
			title: 'Why movement helps',
			kind: 'education',
			segments: [{ kind: 'education', ms: 12_000, adjustable: true, cues: [cue('education', fromStart(0))] }]
		}
	]);
}

/** Exactly 45 minutes: a 10 s count-in, 31 sided holds with rests, and a final 55 s hold. */
export function fortyFiveMinuteTimeline(): Timeline {
	const hold = (ms: number): SegmentSpec => ({
		kind: 'work',
		ms,
		adjustable: true,
		cues: [
			cue('step-start', fromStart(0)),
			cue('breathe', fromStart(7000)),
			cue('halfway', middle),
			...countdown(),
			cue('step-end', beforeEnd(0))
		]
	});
	const steps: StepSpec[] = [];
	for (let i = 0; i < 31; i++) {
		const segs: SegmentSpec[] = [
			hold(30_000),
			{ kind: 'switch', ms: 5000, cues: [cue('switch-sides', fromStart(0))] },
			hold(30_000),
			{ kind: 'rest', ms: 20_000, adjustable: true, cues: [cue('next-up', fromStart(0)), ...countdown()] }
		];
		if (i === 0) segs.unshift({ kind: 'count-in', ms: 10_000, cues: [cue('count-in', fromStart(0)), ...countdown()] });
		steps.push({ title: `Exercise ${i + 1}`, segments: segs });
	}
	steps.push({ title: 'Last hold', segments: [hold(55_000)] });
	return buildTimeline(steps);
}

/** Deterministic PRNG (mulberry32) for schedules that must repeat run to run. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
