import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/lib/routine/compile';
import { routine as routineSchema, isExerciseStep, type Routine } from '../../../src/lib/routine/schema';
import type { Segment, Timeline } from '../../../src/lib/routine/timeline';
import { fixtureRoutine, routineArb } from './arbitraries';

const stretch = routineSchema.parse(
	fixtureRoutine({
		exercises: [
			{
				id: 'knee-to-chest',
				name: 'Knee to chest',
				position: 'lying',
				sided: true,
				instructions: ['Draw one knee towards your chest.'],
				cues: [{ at: 8, say: 'Breathe out slowly.', kind: 'breathe' }]
			},
			{ id: 'pelvic-tilt', name: 'Pelvic tilt', position: 'lying', instructions: ['Flatten your back.'] }
		],
		levels: [
			{
				name: 'Gentle',
				countIn: 5,
				steps: [
					{ exercise: 'knee-to-chest', sets: 2, hold: 30, switchRest: 5, restBetweenSets: 15, restAfter: 20 },
					{ exercise: 'pelvic-tilt', reps: 10, hold: 5, restBetweenReps: 2 }
				]
			}
		]
	})
);

const segLen = (s: Segment) => s.endMs - s.startMs;

describe('compile: a worked example', () => {
	const t = compile(stretch, 1);

	it('expands sets, sides and rests into the expected total', () => {
		// count-in 5 + 2 sets × (30 + 5 switch + 30) + 15 between sets + 20 after + 10 × 5 + 9 × 2
		expect(t.durationMs).toBe((5 + 2 * 65 + 15 + 20 + 50 + 18) * 1000);
		expect(t.steps.map((s) => [s.startMs, s.endMs])).toEqual([
			[0, 170_000],
			[170_000, 238_000]
		]);
	});

	it('orders sides left then right in each set with a switch between', () => {
		const work = t.segments.filter((s) => s.kind === 'work' && s.exerciseId === 'knee-to-chest');
		expect(work.map((s) => `${s.set}${s.side}`)).toEqual(['1left', '1right', '2left', '2right']);
		expect(work.every((s) => segLen(s) === 30_000)).toBe(true);
		const kinds = t.segments.slice(0, 6).map((s) => s.kind);
		expect(kinds).toEqual(['count-in', 'work', 'switch', 'work', 'rest', 'work']);
	});

	it('places count-in, countdown, halfway, breathing and switch cues where they belong', () => {
		const at = (kind: string) => t.cues.filter((c) => c.kind === kind).map((c) => c.atMs);
		expect(t.cues[0]).toMatchObject({ kind: 'count-in', atMs: 0, text: 'Get ready. First: Knee to chest.' });
		// Count-in countdown at 2, 3, 4 s; first hold ends at 35 s.
		expect(at('countdown').slice(0, 6)).toEqual([2000, 3000, 4000, 32_000, 33_000, 34_000]);
		expect(at('halfway').slice(0, 2)).toEqual([20_000, 55_000]);
		expect(at('breathe').slice(0, 2)).toEqual([13_000, 48_000]);
		expect(t.cues.find((c) => c.kind === 'switch-sides')).toMatchObject({ atMs: 35_000, text: 'Switch to your right side.' });
		expect(t.cues.find((c) => c.kind === 'step-start')).toMatchObject({
			atMs: 5000,
			text: 'Knee to chest, left side. Hold for 30 seconds.'
		});
	});

	it('announces the next exercise in the rest after a step', () => {
		const nextUp = t.cues.find((c) => c.kind === 'next-up');
		expect(nextUp).toMatchObject({ atMs: 150_000, text: 'Rest. Next: Pelvic tilt.' });
	});

	it('counts repetitions instead of beeping short holds down', () => {
		const tilt = t.segments.filter((s) => s.exerciseId === 'pelvic-tilt' && s.kind === 'work');
		expect(tilt).toHaveLength(10);
		const tiltCues = t.cues.filter((c) => c.atMs >= 170_000);
		expect(tiltCues.some((c) => c.kind === 'countdown')).toBe(false);
		expect(tiltCues.filter((c) => c.kind === 'prompt').map((c) => c.text)).toEqual(['2', '3', '4', '5', '6', '7', '8', '9', '10']);
	});

	it('ends with a step-end then the session-end cue at the very end', () => {
		const last2 = t.cues.slice(-2);
		expect(last2.map((c) => [c.kind, c.atMs])).toEqual([
			['step-end', t.durationMs],
			['session-end', t.durationMs]
		]);
	});

	it('drops a rest after the last step', () => {
		const r = routineSchema.parse(
			fixtureRoutine({
				exercises: [{ id: 'a', name: 'A', position: 'lying', instructions: ['x'] }],
				levels: [{ name: 'L', countIn: 0, steps: [{ exercise: 'a', hold: 10, restAfter: 30 }] }]
			})
		);
		expect(compile(r, 1).durationMs).toBe(10_000);
	});

	it('writes phase cues for tense-and-release dosage and does not allow adjusting phases', () => {
		const pmr = routineSchema.parse(
			fixtureRoutine({
				category: 'relaxation',
				exercises: [{ id: 'hands', name: 'Hands and forearms', position: 'lying', instructions: ['Make a fist.'] }],
				levels: [
					{
						name: '16 groups',
						countIn: 0,
						steps: [
							{
								exercise: 'hands',
								reps: 2,
								phases: [
									{ name: 'Tense', seconds: 6, say: 'Make a tight fist.' },
									{ name: 'Release', seconds: 35, say: 'Let go and notice the difference.' }
								]
							}
						]
					}
				]
			})
		);
		const t2 = compile(pmr, 1);
		expect(t2.durationMs).toBe(82_000);
		expect(t2.segments.map((s) => s.phase)).toEqual(['Tense', 'Release', 'Tense', 'Release']);
		expect(t2.segments.every((s) => !s.adjustable)).toBe(true);
		expect(t2.cues.filter((c) => c.kind === 'phase').map((c) => c.text)).toEqual([
			'Let go and notice the difference.',
			'Make a tight fist.',
			'Let go and notice the difference.'
		]);
		expect(t2.steps[0]?.dosage).toBe('2 reps (tense 6 s, release 35 s)');
	});

	it('refuses a level the routine does not have', () => {
		expect(() => compile(stretch, 2)).toThrow(RangeError);
		expect(() => compile(stretch, 0)).toThrow(/no level 0/);
	});

	it('returns a frozen timeline', () => {
		expect(Object.isFrozen(t)).toBe(true);
		expect(Object.isFrozen(t.cues[0])).toBe(true);
		expect(() => (t.segments as Segment[]).push(t.segments[0] as Segment)).toThrow();
	});
});

/** Independent arithmetic for a level's length, written from the schema's meaning. */
function expectedDurationMs(r: Routine, level: number): number {
	const lv = r.levels[level - 1]!;
	let total = lv.countIn * 1000;
	lv.steps.forEach((s, i) => {
		const isLast = i === lv.steps.length - 1;
		if ('education' in s) total += s.seconds * 1000;
		else if ('rest' in s) total += s.rest * 1000;
		else {
			const ex = r.exercises.find((e) => e.id === s.exercise)!;
			const sides = ex.sided ? 2 : 1;
			const rep = s.phases ? s.phases.reduce((a, p) => a + p.seconds, 0) : s.hold!;
			const perSide = s.reps * rep + (s.reps - 1) * s.restBetweenReps;
			total += 1000 * (s.sets * sides * perSide + s.sets * (sides - 1) * s.switchRest + (s.sets - 1) * s.restBetweenSets);
			if (!isLast) total += s.restAfter * 1000;
		}
	});
	return total;
}

const forEachLevel = (r: Routine, f: (t: Timeline, level: number) => void) => r.levels.forEach((_, i) => f(compile(r, i + 1), i + 1));

describe('compile: properties over generated routines', () => {
	it('durations add up: contiguous segments and steps, total matches the dosage arithmetic', () => {
		fc.assert(
			fc.property(routineArb, (r) =>
				forEachLevel(r, (t, level) => {
					expect(t.durationMs).toBe(expectedDurationMs(r, level));
					expect(t.segments[0]?.startMs).toBe(0);
					t.segments.forEach((s, i) => {
						expect(s.index).toBe(i);
						expect(s.endMs).toBeGreaterThan(s.startMs);
						const next = t.segments[i + 1];
						if (next) expect(next.startMs).toBe(s.endMs);
					});
					expect(t.segments.at(-1)?.endMs).toBe(t.durationMs);
					t.steps.forEach((st) => {
						expect(t.segments[st.firstSegment]?.startMs).toBe(st.startMs);
						expect(t.segments[st.lastSegment]?.endMs).toBe(st.endMs);
						for (let k = st.firstSegment; k <= st.lastSegment; k++) expect(t.segments[k]?.stepIndex).toBe(st.index);
					});
				})
			),
			{ numRuns: 200 }
		);
	});

	it('cues are sorted and inside their segments, with unique ids', () => {
		fc.assert(
			fc.property(routineArb, (r) =>
				forEachLevel(r, (t) => {
					t.cues.forEach((c, i) => {
						const seg = t.segments[c.segmentIndex]!;
						expect(c.atMs).toBeGreaterThanOrEqual(seg.startMs);
						expect(c.atMs).toBeLessThanOrEqual(seg.endMs);
						if (i > 0) expect(c.atMs).toBeGreaterThanOrEqual(t.cues[i - 1]!.atMs);
					});
					expect(new Set(t.cues.map((c) => c.id)).size).toBe(t.cues.length);
					expect(t.cues.at(-1)).toMatchObject({ kind: 'session-end', atMs: t.durationMs });
				})
			),
			{ numRuns: 200 }
		);
	});

	it('per-side holds give each side the full time', () => {
		fc.assert(
			fc.property(routineArb, (r) =>
				forEachLevel(r, (t, level) => {
					t.steps.forEach((st, i) => {
						const step = r.levels[level - 1]!.steps[i]!;
						if (!isExerciseStep(step)) return;
						const ex = r.exercises.find((e) => e.id === step.exercise)!;
						const work = t.segments.slice(st.firstSegment, st.lastSegment + 1).filter((s) => s.kind === 'work');
						const rep = step.phases ? step.phases.reduce((a, p) => a + p.seconds, 0) : step.hold!;
						const full = step.sets * step.reps * rep * 1000;
						const sum = (side: string | null) => work.filter((s) => s.side === side).reduce((a, s) => a + segLen(s), 0);
						if (ex.sided) {
							expect(sum('left')).toBe(full);
							expect(sum('right')).toBe(full);
						} else {
							expect(sum(null)).toBe(full);
						}
					});
				})
			),
			{ numRuns: 200 }
		);
	});

	it('is deterministic: compiling twice gives equal timelines', () => {
		fc.assert(
			fc.property(routineArb, (r) => forEachLevel(r, (t, level) => expect(compile(r, level)).toEqual(t))),
			{ numRuns: 100 }
		);
	});
});

describe('compile: quiet settings and side prompts', () => {
	const base = (cues: Record<string, unknown>) =>
		routineSchema.parse(
			fixtureRoutine({
				cues,
				exercises: [
					{ id: 'a', name: 'A', position: 'lying', sided: true, instructions: ['x'] },
					{ id: 'b', name: 'B', position: 'lying', instructions: ['x'] }
				],
				levels: [{ name: 'L', countIn: 0, steps: [{ exercise: 'a', hold: 12, switchRest: 4, restAfter: 6 }, { exercise: 'b', hold: 5 }] }]
			})
		);

	it('marks the start of the second side after the switch rest', () => {
		const t = compile(base({}), 1);
		expect(t.cues.find((c) => c.kind === 'prompt')).toMatchObject({ atMs: 16_000, text: 'Right side.' });
	});

	it('keeps rests quiet and skips "Done." when the routine asks for it', () => {
		const loud = compile(base({}), 1);
		expect(loud.cues.filter((c) => c.kind === 'step-end')).toHaveLength(2);
		expect(loud.cues.find((c) => c.kind === 'next-up')?.text).toBe('Rest. Next: B.');
		const quiet = compile(base({ sayRest: false, sayDone: false }), 1);
		expect(quiet.cues.some((c) => c.kind === 'step-end')).toBe(false);
		expect(quiet.cues.find((c) => c.kind === 'next-up')?.text).toBe('Next: B.');
		const silent = compile(base({ sayRest: false, sayDone: false, announceNext: false }), 1);
		expect(silent.cues.some((c) => c.kind === 'next-up' || c.kind === 'rest')).toBe(false);
		// Timing is unchanged by wording choices.
		expect(silent.durationMs).toBe(loud.durationMs);
	});
});
