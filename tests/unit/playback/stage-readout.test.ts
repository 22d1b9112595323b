import { describe, expect, it } from 'vitest';
import type { EngineState } from '../../../src/lib/playback/events';
import { spokenDuration, stageReadout, timerName, toggleLabel } from '../../../src/lib/playback/stage-readout';
import { compile } from '../../../src/lib/routine/compile';
import type { Segment, Timeline } from '../../../src/lib/routine/timeline';
import { shippedRoutines } from '../content/shipped';

const routines = shippedRoutines();
function timeline(id: string): Timeline {
	const r = routines.find((x) => x.id === id);
	if (!r) throw new Error(`no routine ${id}`);
	return compile(r, 1);
}

function find(t: Timeline, test: (s: Segment) => boolean): Segment {
	const s = t.segments.find(test);
	if (!s) throw new Error('no such segment');
	return s;
}

function read(t: Timeline, seg: Segment, state: EngineState = 'playing') {
	return stageReadout({ state, timeline: t, segment: seg, step: t.steps[seg.stepIndex]!, exerciseName: (id) => `name:${id}` });
}

const mobility = timeline('morning-mobility');
const lesson = timeline('back-school-lesson-1');

describe('stageReadout', () => {
	it('a get ready names the coming exercise and offers to start now', () => {
		const seg = find(mobility, (s) => s.kind === 'count-in');
		const r = read(mobility, seg, 'count-in');
		const first = find(mobility, (s) => s.kind === 'work');
		expect(r.part).toBe('get-ready');
		expect(r.word).toBe('Get ready');
		expect(r.name).toBe(`name:${first.exerciseId}`);
		expect(r.skipLabel).toBe('Start now');
	});

	it('a repetition with phases shows the phase as the word and the rep as a counter', () => {
		const seg = find(mobility, (s) => s.kind === 'work' && s.phase !== null && s.repCount > 1 && s.rep === 3);
		const r = read(mobility, seg);
		expect(r.part).toBe('exercise');
		expect(r.word).toBe(seg.phase);
		expect(r.counters).toContain(`Rep 3 of ${seg.repCount}`);
		expect(r.skipLabel).toBeNull();
	});

	it('a sided hold in sets says HOLD with the set and side', () => {
		const seg = find(mobility, (s) => s.kind === 'work' && s.side === 'right' && s.setCount > 1 && s.repCount === 1 && s.phase === null);
		const r = read(mobility, seg);
		expect(r.word).toBe('Hold');
		expect(r.counters).toEqual([`Set ${seg.set} of ${seg.setCount}`, 'Right side']);
	});

	it('repetitions without phases count in the word', () => {
		const t = timeline('mckenzie-extension');
		const seg = find(t, (s) => s.kind === 'work' && s.phase === null && s.repCount > 1 && s.rep === 2);
		expect(read(t, seg).word).toBe(`Rep 2 of ${seg.repCount}`);
	});

	it('switching sides says which side comes next', () => {
		const seg = find(mobility, (s) => s.kind === 'switch');
		const after = mobility.segments[seg.index + 1] as Segment;
		const r = read(mobility, seg);
		expect(r.part).toBe('switch-sides');
		expect(r.word).toBe('Switch sides');
		expect(r.counters).toEqual([`Now the ${after.side} side`]);
	});

	it('a rest between sets names the coming exercise, with its set and side, and offers to skip', () => {
		const seg = find(mobility, (s) => s.kind === 'rest' && s.setCount > 1);
		const next = mobility.segments.slice(seg.index + 1).find((s) => s.kind === 'work') as Segment;
		const r = read(mobility, seg);
		expect(r.part).toBe('rest');
		expect(r.word).toBe('Rest');
		expect(r.skipLabel).toBe('Skip rest');
		expect(r.lead).toBe('Up next');
		expect(r.name).toBe(`name:${next.exerciseId}`);
		expect(r.nextUp).toContain(`Set ${next.set} of ${next.setCount}`);
	});

	it('a rest step is itself what to do, with the next exercise after it', () => {
		const seg = find(lesson, (s) => s.kind === 'rest' && lesson.steps[s.stepIndex]!.kind === 'rest');
		const r = read(lesson, seg);
		expect(r.lead).toBeNull();
		expect(r.name).toBe(lesson.steps[seg.stepIndex]!.title);
		expect(r.nextUp).not.toBeNull();
	});

	it('a talk is a talk, with what follows it', () => {
		const seg = find(lesson, (s) => s.kind === 'education');
		const r = read(lesson, seg);
		expect(r.part).toBe('talk');
		expect(r.word).toBe('Talk');
		expect(r.name).toBe(lesson.steps[seg.stepIndex]!.title);
		expect(r.nextUp).not.toBeNull();
	});

	it('a relaxation session listens rather than talks', () => {
		const t = timeline('breathing-relaxation');
		const seg = find(t, (s) => s.kind === 'education');
		expect(read(t, seg).word).toBe('Listen');
	});

	it('held states say so in the word and offer no skip', () => {
		const seg = find(mobility, (s) => s.kind === 'rest');
		expect(read(mobility, seg, 'paused')).toMatchObject({ word: 'Paused', held: true, part: 'rest', skipLabel: null });
		expect(read(mobility, seg, 'buffering')).toMatchObject({ word: 'Loading', held: true });
	});

	it('the end says whether the session was finished or stopped', () => {
		const seg = mobility.segments[mobility.segments.length - 1] as Segment;
		expect(read(mobility, seg, 'finished')).toMatchObject({ part: 'end', word: 'Done' });
		expect(read(mobility, seg, 'stopped')).toMatchObject({ part: 'end', word: 'Stopped' });
	});

	it('names work in every shipped routine and level without throwing, and never repeat the name as next up', () => {
		for (const routine of routines) {
			for (const level of routine.levels.map((_, i) => i + 1)) {
				const t = compile(routine, level);
				for (const seg of t.segments) {
					const r = read(t, seg);
					expect(r.word.length).toBeGreaterThan(0);
					expect(r.name.length).toBeGreaterThan(0);
					if (r.nextUp !== null) expect(r.nextUp).not.toBe(r.name);
				}
			}
		}
	});
});

describe('timerName and spokenDuration', () => {
	it('reads the countdown as words with the name', () => {
		const seg = find(mobility, (s) => s.kind === 'work');
		expect(timerName(read(mobility, seg), 45_000)).toBe(`45 seconds left, name:${seg.exerciseId}`);
		expect(spokenDuration(65_000)).toBe('1 minute 5 seconds');
		expect(spokenDuration(120_000)).toBe('2 minutes');
		expect(spokenDuration(1)).toBe('1 second');
		expect(spokenDuration(-5)).toBe('0 seconds');
	});
});

describe('toggleLabel', () => {
	it.each([
		['ready', 'Start'],
		['count-in', 'Pause'],
		['playing', 'Pause'],
		// Loading goes on by itself; pressing the button pauses it, so it must say so.
		['buffering', 'Pause'],
		['paused', 'Resume'],
		['finished', 'Start'],
		['stopped', 'Start']
	] as const)('%s → %s', (state, label) => {
		expect(toggleLabel(state)).toBe(label);
	});
});
