/** The follower shows the right clip at the right moment, prepares the next, and plays with the engine. */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/lib/playback/clock';
import { SessionEngine } from '../../../src/lib/playback/engine';
import { PRELOAD_DEFER_MS, PRELOAD_READY_MS, VideoFollower } from '../../../src/lib/media/video-follower';
import { buildTimeline } from '../playback/timeline-builder';
import { BRIDGE, CAT, FakeVideoSurface, FRAME_MS, KNEE, kneeTimeS, ManualTimers, resolveClip, rig, videoTimeline, withVideos } from './video-fixtures';

describe('before the session starts', () => {
	it('hides the video during a count-in without a clip, prepares the first clip at its in point, and mutes', () => {
		const { surface, follower } = rig();
		expect(surface.muted).toBe(true);
		expect(surface.loads).toEqual([]);
		expect(surface.hides).toBeGreaterThan(0);
		expect(surface.preloads.at(-1)).toEqual({ id: 'knee', at: 1 });
		expect(follower.status).toMatchObject({ display: 'none', clip: null, fault: null, buffering: false });
	});
});

describe('step changes', () => {
	it('swaps to the preloaded clip at its in point when the clock plays into its segment', () => {
		const { clock, engine, surface, follower, timers } = rig();
		engine.start();
		clock.advance(5010);
		engine.tick();
		// 10 ms past the boundary: the preloaded frame is taken as it is, not sought.
		expect(surface.loads).toEqual([{ id: 'knee', at: 1 }]);
		expect(surface.seeks).toEqual([]);
		expect(surface.paused).toBe(false);
		expect(surface.loop).toBe(false);
		expect(follower.status).toMatchObject({ display: 'video', clip: 'knee', poster: '/media/video/knee.jpg', fault: null });
		// The next different clip, at its in point, once the clip just swapped in is moving:
		// loading it at once would compete with that clip's start.
		const preloads = surface.preloads.length;
		clock.advance(PRELOAD_DEFER_MS - 1);
		timers.runDue();
		expect(surface.preloads).toHaveLength(preloads);
		clock.advance(1);
		timers.runDue();
		expect(surface.preloads.at(-1)).toEqual({ id: 'cat', at: 0 });
	});

	it('loads a clip at the clock position when the session starts mid-segment', () => {
		const { engine, surface } = rig();
		engine.start(12_000);
		expect(surface.loads).toEqual([{ id: 'knee', at: kneeTimeS(12_000, 5000) }]);
		expect(surface.loads[0]?.at).toBe(2);
		expect(surface.paused).toBe(false);
	});

	it('starts the same clip over at the next segment of the step, with a seek and no reload', () => {
		const r = rig();
		r.engine.start();
		r.frames(24_900);
		expect(r.surface.loads.map((l) => l.id)).toEqual(['knee']);
		const seeksBefore = r.surface.seeks.length;
		// The 20 s hold ended two thirds into the 3 s loop; the switch segment starts it over.
		r.clock.advance(150);
		r.engine.tick();
		const pos = r.engine.position;
		expect(r.surface.loads.map((l) => l.id)).toEqual(['knee']);
		expect(r.surface.seeks.slice(seeksBefore)).toEqual([kneeTimeS(pos, 25_000)]);
		expect(r.surface.currentTime).toBeCloseTo(1.05, 6);
	});

	it('after a jump inside the same clip, seeks to the clock position without reloading', () => {
		const { engine, surface } = rig();
		engine.start(6000);
		engine.seek(39_500);
		expect(surface.loads.map((l) => l.id)).toEqual(['knee']);
		// Segment 3 starts at 30 s: 9.5 s in is 0.5 s into the fourth loop.
		expect(surface.seeks.at(-1)).toBe(1.5);
	});

	it('after a jump inside the same segment, seeks to the clock position', () => {
		const { engine, surface } = rig();
		engine.start(6000);
		engine.seek(15_500);
		expect(surface.loads.map((l) => l.id)).toEqual(['knee']);
		// 10.5 s into segment 1: half way into the fourth 3 s loop.
		expect(surface.seeks).toEqual([2.5]);
	});

	it('seeks once, a seek lead and half a frame before the clip starts over mid-loop in the next segment', () => {
		// Two phases of one clip; the first is 300 ms long, so the clip starts over at 300 ms.
		const two = buildTimeline([{ title: 'Knee', segments: [{ kind: 'work', ms: 300 }, { kind: 'work', ms: 6000 }] }]);
		const r = rig({ timeline: withVideos(two, [KNEE, KNEE]), follower: { initialSeekLeadMs: 20 } });
		const at: number[] = [];
		const seek = r.surface.seek.bind(r.surface);
		r.surface.seek = (sec: number) => {
			at.push(r.engine.position);
			seek(sec);
		};
		r.engine.start();
		r.frames(7 * FRAME_MS);
		expect(r.surface.seeks).toEqual([]);
		// The follower's own timer, 20 ms (the seek lead) and half a frame before the boundary,
		// not a frame or the engine's tick after it: aimed at the in point, where the clip
		// restarts. The old pass stands 300 ms into its loop: a late landing would show it.
		r.frames(2 * FRAME_MS);
		expect(r.surface.seeks).toHaveLength(1);
		// (Half the follower's frame: its first guess, 34 ms, until the frames teach it 33.3.)
		expect(Math.abs((at[0] ?? 0) - (280 - FRAME_MS / 2))).toBeLessThan(1);
		expect(r.surface.seeks[0]).toBeCloseTo(kneeTimeS(300, 300), 3);
		// Once: the engine's segment event and the later frames find it done.
		r.frames(4 * FRAME_MS);
		expect(r.engine.segment.index).toBe(1);
		expect(r.surface.seeks).toHaveLength(1);
		// The fake lands at once, so the element runs the lead ahead until it is nudged back.
		for (const d of r.follower.driftSamples()) expect(Math.abs(d)).toBeLessThan(20 + FRAME_MS / 2 + 1);
		// The fake seeks in no time: the lead goes half way to 0 (about 10 ms). The half frame
		// aimed early on purpose is not counted as the seek landing early (that would give ~2).
		expect(r.follower.seekLeadMs).toBeGreaterThan(7);
		expect(r.follower.seekLeadMs).toBeLessThan(12);
	});

	it('restarts a 24 fps clip at the boundary by its own timer: the next frame would show the old loop', () => {
		const two = buildTimeline([{ title: 'Knee', segments: [{ kind: 'work', ms: 1000 }, { kind: 'work', ms: 6000 }] }]);
		const r = rig({ timeline: withVideos(two, [KNEE, KNEE]) });
		const at: number[] = [];
		const seek = r.surface.seek.bind(r.surface);
		r.surface.seek = (sec: number) => {
			at.push(r.engine.position);
			seek(sec);
		};
		r.engine.start();
		// 24 fps: frames 41.7 ms apart, none at 1000 ms; the seek is made half a frame before
		// 1000 ms (the old pass is 1 s into its loop: landing late would show it).
		r.frames(1200, 1000 / 24);
		expect(at).toHaveLength(1);
		expect(at[0]).toBeCloseTo(1000 - 1000 / 48, 6);
		for (const d of r.follower.driftSamples()) expect(Math.abs(d)).toBeLessThan(1000 / 48 + 1);
	});

	it('a seek made a moment before the clip restarts aims at the in point, never at the end of the old loop', () => {
		const two = buildTimeline([{ title: 'Knee', segments: [{ kind: 'work', ms: 300 }, { kind: 'work', ms: 6000 }] }]);
		const r = rig({ timeline: withVideos(two, [KNEE, KNEE]), follower: { initialSeekLeadMs: 50 } });
		r.engine.start();
		r.frames(6 * FRAME_MS);
		expect(r.surface.seeks).toEqual([]);
		// The timer, due 50 ms and half a frame before the boundary, seeks to the in point.
		r.clock.advance(40);
		r.timers.runDue();
		expect(r.surface.seeks).toHaveLength(1);
		expect(r.surface.seeks[0]).toBeCloseTo(1, 3);
		// The landing is measured a few ms before the boundary and is 200 ms off: sought again,
		// still before the new segment starts by the clock.
		r.clock.advance(20);
		r.engine.tick();
		expect(r.engine.position).toBeLessThan(300);
		r.surface.frame(1.2);
		expect(r.surface.seeks).toHaveLength(2);
		expect(r.surface.seeks[1]).toBeCloseTo(1, 9);
	});

	it('measures a frame displayed just before a boundary the follower already moved past against the new segment', () => {
		// The same clip with another window after the boundary: measured against the old
		// segment, the new segment's in point would read as a frame far outside the loop.
		const two = buildTimeline([{ title: 'Knee', segments: [{ kind: 'work', ms: 3000 }, { kind: 'work', ms: 6000 }] }]);
		const r = rig({ timeline: withVideos(two, [KNEE, { clip: 'knee', inMs: 4500, outMs: 7500 }]) });
		r.engine.start();
		r.frames(3100);
		const seeks = r.surface.seeks.length;
		// Shown at 2995 by its display delay: the new segment's in point, 5 ms early.
		r.surface.frame(4.5, 2995 - r.engine.position);
		expect(r.follower.driftSamples().at(-1)).toBeCloseTo(5, 6);
		expect(r.surface.seeks).toHaveLength(seeks);
	});

	it('after a jump to another step, loads its clip at the clock position and preloads the one after', () => {
		const { clock, engine, surface, follower, timers } = rig();
		engine.start(6000);
		engine.seekToStep(2);
		expect(surface.loads.at(-1)).toEqual({ id: 'cat', at: 0 });
		expect(surface.loop).toBe(true);
		clock.advance(PRELOAD_DEFER_MS);
		timers.runDue();
		expect(surface.preloads.at(-1)).toEqual({ id: 'bridge', at: 0 });
		expect(follower.status.clip).toBe('cat');
	});

	it('hides the video for a step without a clip and prepares the next clip', () => {
		const { engine, surface, follower } = rig();
		engine.start(6000);
		const hides = surface.hides;
		engine.next();
		expect(surface.hides).toBe(hides + 1);
		expect(surface.clip).toBeNull();
		expect(follower.status).toMatchObject({ display: 'none', clip: null, poster: null });
		expect(surface.preloads.at(-1)).toEqual({ id: 'cat', at: 0 });
	});

	it('when one tick passes several boundaries, loads only the clip now on screen', () => {
		const { clock, engine, surface } = rig();
		engine.start();
		clock.advance(61_000);
		engine.tick();
		expect(surface.loads).toEqual([{ id: 'cat', at: 1 }]);
	});

	it('loads the next clip no later than PRELOAD_READY_MS before it is needed, at once when that is sooner than the deferral', () => {
		// Knee for 3 s, then cat: knee is put in front at 5 s and cat is needed 3 s later.
		const short = buildTimeline([
			{ title: 'Count-in', segments: [{ kind: 'count-in', ms: 5000 }] },
			{ title: 'Knee', segments: [{ kind: 'work', ms: 3000 }] },
			{ title: 'Cat', segments: [{ kind: 'work', ms: 2000 }] },
			{ title: 'Bridge', segments: [{ kind: 'work', ms: 10_000 }] }
		]);
		const r = rig({ timeline: withVideos(short, [null, KNEE, CAT, BRIDGE]) });
		r.engine.start();
		r.frames(5000 + FRAME_MS);
		expect(r.surface.loads.at(-1)?.id).toBe('knee');
		const preloads = r.surface.preloads.length;
		// Deferred by 3000 − PRELOAD_READY_MS = 500 ms from the boundary, not the full PRELOAD_DEFER_MS.
		expect(3000 - PRELOAD_READY_MS).toBeLessThan(PRELOAD_DEFER_MS);
		r.frames(400);
		expect(r.surface.preloads).toHaveLength(preloads);
		r.frames(200);
		expect(r.surface.preloads.at(-1)).toEqual({ id: 'cat', at: 0 });
		// Cat is needed 2 s after it is put in front, sooner than PRELOAD_READY_MS: bridge at once.
		r.frames(2500);
		expect(r.surface.loads.at(-1)?.id).toBe('cat');
		expect(r.surface.preloads.at(-1)).toEqual({ id: 'bridge', at: 0 });
	});

	it('hands the same preload to the surface only once', () => {
		const r = rig();
		r.engine.start();
		r.frames(49_000);
		const catPreloads = r.surface.preloads.filter((p) => p?.id === 'cat');
		expect(catPreloads).toHaveLength(1);
	});
});

describe('play and pause follow the engine', () => {
	it('plays while the session runs, pauses on pause, plays on resume, pauses at the end', () => {
		const r = rig();
		r.engine.start(6000);
		expect(r.surface.paused).toBe(false);
		r.engine.pause();
		expect(r.surface.paused).toBe(true);
		r.engine.resume();
		expect(r.surface.paused).toBe(false);
		r.engine.seekToStep(3);
		r.frames(16_000);
		expect(r.engine.state).toBe('finished');
		expect(r.surface.paused).toBe(true);
	});

	it('pauses when the session is stopped', () => {
		const { engine, surface } = rig();
		engine.start(6000);
		engine.stop();
		expect(surface.paused).toBe(true);
	});

	it('on pause, puts the still frame where the clock stopped', () => {
		const r = rig();
		r.engine.start(6000);
		r.frames(1000);
		r.surface.currentTime -= 0.2;
		r.engine.pause();
		expect(r.surface.seeks.at(-1)).toBeCloseTo(kneeTimeS(r.engine.position, 5000), 9);
	});

	it('shows the first clip paused before start when the session has no count-in', () => {
		const noCountIn = withVideos(videoTimeline(), [{ clip: 'cat', inMs: 500, outMs: null }, KNEE]);
		const r = rig({ timeline: noCountIn });
		expect(r.surface.loads).toEqual([{ id: 'cat', at: 0.5 }]);
		expect(r.surface.paused).toBe(true);
		expect(r.follower.status.display).toBe('video');
	});

	it('when created after the session started (video.js loads asynchronously), joins at the clock position and plays', () => {
		const clock = new ManualClock(1000);
		const engine = new SessionEngine(videoTimeline(), clock);
		engine.start();
		clock.advance(9000);
		engine.tick();
		const surface = new FakeVideoSurface();
		const timers = new ManualTimers(clock);
		new VideoFollower(engine, surface, resolveClip, { schedule: timers.schedule });
		expect(surface.loads).toEqual([{ id: 'knee', at: kneeTimeS(9000, 5000) }]);
		expect(surface.paused).toBe(false);
		clock.advance(PRELOAD_DEFER_MS);
		timers.runDue();
		expect(surface.preloads.at(-1)).toEqual({ id: 'cat', at: 0 });
	});

	it('stops following after destroy', () => {
		const r = rig();
		r.engine.start(6000);
		r.follower.destroy();
		const loads = r.surface.loads.length;
		r.engine.seekToStep(2);
		r.engine.pause();
		expect(r.surface.loads).toHaveLength(loads);
		expect(r.surface.paused).toBe(false);
	});
});
