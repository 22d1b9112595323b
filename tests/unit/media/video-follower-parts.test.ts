/**
 * A clip with a part per phase: the follower plays the phase's part while the phase lasts,
 * so the figure tilts while the voice says "tilt" and relaxes with "relax"; it holds an end
 * pose a phase outlasts; and it mirrors a one-sided clip for the other side.
 */
import { describe, expect, it } from 'vitest';
import { VideoFollower } from '../../../src/lib/media/video-follower';
import { MIN_PART_RATE } from '../../../src/lib/media/phase-part';
import { ManualClock } from '../../../src/lib/playback/clock';
import { SessionEngine } from '../../../src/lib/playback/engine';
import type { Side, Timeline, VideoRef } from '../../../src/lib/routine/timeline';
import { buildTimeline, cue, fromStart } from '../playback/timeline-builder';
import { FakeVideoSurface, FRAME_MS, ManualTimers, passTime, resolveClip } from './video-fixtures';

const TILT: VideoRef = { clip: 'tilt', inMs: 0, outMs: null };

/** Repetitions of the given phases (name → ms) of the tilt clip, then a rest of the same clip. */
function phases(list: readonly [string, number][], reps = 3): Timeline {
	const segs: { kind: 'work' | 'rest'; ms: number; part?: string }[] = [];
	for (let r = 0; r < reps; r++) for (const [name, ms] of list) segs.push({ kind: 'work', ms, part: name });
	segs.push({ kind: 'rest', ms: 5000 });
	const base = buildTimeline([{ title: 'Pelvic tilt', segments: segs.map((s) => ({ kind: s.kind, ms: s.ms, cues: [cue(s.kind === 'rest' ? 'rest' : 'phase', fromStart(0))] })) }]);
	return { ...base, segments: base.segments.map((s, i) => ({ ...s, video: { ...TILT, ...(segs[i]?.part ? { part: segs[i]?.part } : {}) } })) };
}

function play(timeline: Timeline) {
	const clock = new ManualClock(1000);
	const engine = new SessionEngine(timeline, clock);
	const surface = new FakeVideoSurface();
	const timers = new ManualTimers(clock);
	const follower = new VideoFollower(engine, surface, resolveClip, { initialSeekLeadMs: 0, initialStartLeadMs: 0, schedule: timers.schedule });
	/** Element time (ms) at the first frame of each segment, and the rate then. */
	const atStart: { index: number; mediaMs: number; rate: number; paused: boolean }[] = [];
	/** The same, half-way through each segment. */
	const atMiddle: { index: number; mediaMs: number; paused: boolean }[] = [];
	let seen = -1;
	engine.start();
	for (let i = 0; i < 20_000 && engine.state !== 'finished'; i++) {
		passTime(FRAME_MS, clock, surface, timers);
		engine.tick();
		const seg = engine.segment.index;
		if (seg !== seen) {
			seen = seg;
			atStart.push({ index: seg, mediaMs: surface.currentTime * 1000, rate: surface.playbackRate, paused: surface.paused });
		}
		const mid = (engine.segment.startMs + engine.segment.endMs) / 2;
		if (atMiddle.length === seg && engine.position >= mid) atMiddle.push({ index: seg, mediaMs: surface.currentTime * 1000, paused: surface.paused });
		if (surface.clip !== null && !surface.paused) surface.frame();
	}
	return { engine, surface, follower, atStart, atMiddle };
}

describe('a phase plays its part of the clip', () => {
	it('tilt 5 s / relax 3 s over parts of 4 s and 2 s: each phase starts on its part, no seek within a rep', () => {
		const { atStart, surface, follower } = play(phases([['tilt', 5000], ['relax', 3000]]));
		const works = atStart.slice(0, 6);
		works.forEach((s, i) => {
			const partIn = i % 2 === 0 ? 0 : 4000;
			// Within a frame of the part's first frame (folded: 6 s is 0 s again).
			const off = Math.min(Math.abs(s.mediaMs - partIn), Math.abs(s.mediaMs - partIn - 6000));
			expect(off, `segment ${s.index}`).toBeLessThan(FRAME_MS + 1);
		});
		expect(works[0]?.rate).toBeCloseTo(0.8, 2);
		expect(works[1]?.rate).toBeCloseTo(2 / 3, 2);
		// The parts tile the clip: tilt runs into relax with a rate change alone; at the clip's
		// end the follower sends it round to the start on time (the element's own loop waits
		// for the main thread); and the rest after the last repetition is sought to its still
		// starting pose. No other seek.
		expect(surface.seeks.every((s) => Math.abs(s) < 0.001)).toBe(true);
		expect(surface.seeks.length).toBeLessThanOrEqual(3);
		expect(Math.max(...follower.driftSamples().map(Math.abs))).toBeLessThan(FRAME_MS);
	});

	it('a phase much longer than its part plays it at the slowest rate, then holds the end pose', () => {
		// relax part is 2 s: at most 4 s at half speed, then held for 4 s.
		const { atStart, surface, engine } = play(phases([['tilt', 4000], ['relax', 8000]], 2));
		expect(atStart[1]?.rate).toBe(MIN_PART_RATE);
		// Held at the last frame of the part while the phase goes on.
		expect(engine.state).toBe('finished');
		const heldSeeks = surface.seeks.filter((s) => Math.abs(s - 5.999) < 0.002);
		expect(heldSeeks.length).toBe(2);
		// And moving again in the next repetition's tilt.
		expect(atStart[2]?.paused).toBe(false);
		expect(Math.min(atStart[2]?.mediaMs ?? 1e9, Math.abs((atStart[2]?.mediaMs ?? 0) - 6000))).toBeLessThan(FRAME_MS * 2);
	});

	it('a rest between repetitions shows the starting pose, still', () => {
		const { atMiddle } = play(phases([['tilt', 4000], ['relax', 2000]], 1));
		const rest = atMiddle[2];
		expect(rest?.paused).toBe(true);
		expect(Math.min(rest?.mediaMs ?? 1e9, Math.abs((rest?.mediaMs ?? 0) - 6000))).toBeLessThan(FRAME_MS + 1);
	});

	it('a phase shorter than its part even at the fastest rate starts later in it and ends on its end pose', () => {
		const { atStart } = play(phases([['tilt', 1500], ['relax', 2000]], 1));
		// tilt part 4 s in 1.5 s: 1.6× from 4000 − 2400 = 1600 ms.
		expect(atStart[0]?.rate).toBeCloseTo(1.6, 3);
		expect(Math.abs((atStart[1]?.mediaMs ?? 0) - 4000)).toBeLessThan(FRAME_MS * 1.6 + 1);
	});
});

describe('the other side of a one-sided clip', () => {
	function sided(): Timeline {
		const base = buildTimeline([
			{
				title: 'Twist',
				segments: [
					{ kind: 'work', ms: 5000, cues: [cue('step-start', fromStart(0))] },
					{ kind: 'switch', ms: 2000, cues: [cue('switch-sides', fromStart(0))] },
					{ kind: 'work', ms: 5000, cues: [cue('step-start', fromStart(0))] }
				]
			}
		]);
		const sides: Side[] = ['left', 'right', 'right'];
		return { ...base, segments: base.segments.map((s, i) => ({ ...s, side: sides[i] ?? null, video: { clip: 'twist', inMs: 0, outMs: null } })) };
	}

	it('is shown mirrored, and the side the clip shows is not', () => {
		const clock = new ManualClock(0);
		const engine = new SessionEngine(sided(), clock);
		const surface = new FakeVideoSurface();
		new VideoFollower(engine, surface, resolveClip, { initialSeekLeadMs: 0 });
		engine.start();
		const mirroredAt: boolean[] = [];
		for (const ms of [1000, 6000, 9000]) {
			while (engine.position < ms) {
				clock.advance(FRAME_MS);
				surface.advance(FRAME_MS);
				engine.tick();
				surface.frame();
			}
			mirroredAt.push(surface.mirrored);
		}
		expect(mirroredAt).toEqual([false, true, true]);
	});
});

describe('a looping part (walk, kick) repeats through its phase', () => {
	const WALK: VideoRef = { clip: 'walk', inMs: 0, outMs: null };
	/** Repetitions of one 30 s "walk" phase of the walk clip (4.4 s), back to back. */
	function walks(reps: number): Timeline {
		const base = buildTimeline([{ title: 'Water walking', segments: Array.from({ length: reps }, () => ({ kind: 'work' as const, ms: 30_000, cues: [cue('phase', fromStart(0))] })) }]);
		return { ...base, segments: base.segments.map((s) => ({ ...s, video: { ...WALK, part: 'walk' } })) };
	}

	it('a whole number of passes at a rate that fits, never held still, each repetition straight on with no seek', () => {
		const clock = new ManualClock(1000);
		const engine = new SessionEngine(walks(3), clock);
		const surface = new FakeVideoSurface();
		const follower = new VideoFollower(engine, surface, resolveClip, { initialSeekLeadMs: 0 });
		engine.start();
		let pausedFrames = 0;
		for (let i = 0; i < 10_000 && engine.state !== 'finished'; i++) {
			clock.advance(FRAME_MS);
			surface.advance(FRAME_MS);
			engine.tick();
			if (engine.state === 'playing' && surface.paused) pausedFrames++;
			if (surface.clip !== null && !surface.paused) surface.frame();
		}
		// 30 s / 4.4 s ≈ 6.8: seven passes, a little faster than the clip's own pace.
		expect(surface.playbackRate).toBeCloseTo((7 * 4400) / 30_000, 3);
		expect(surface.loop).toBe(true);
		expect(pausedFrames).toBe(0);
		expect(surface.seeks).toEqual([]);
		expect(Math.max(...follower.driftSamples().map(Math.abs))).toBeLessThan(FRAME_MS);
	});
});
