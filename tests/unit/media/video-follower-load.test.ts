/** The follower shows the right clip at the right moment, prepares the next, and plays with the engine. */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/lib/playback/clock';
import { SessionEngine } from '../../../src/lib/playback/engine';
import { VideoFollower } from '../../../src/lib/media/video-follower';
import { buildTimeline } from '../playback/timeline-builder';
import { FakeVideoSurface, FRAME_MS, KNEE, kneeTimeS, resolveClip, rig, videoTimeline, withVideos } from './video-fixtures';

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
		const { clock, engine, surface, follower } = rig();
		engine.start();
		clock.advance(5010);
		engine.tick();
		// 10 ms past the boundary: the preloaded frame is taken as it is, not sought.
		expect(surface.loads).toEqual([{ id: 'knee', at: 1 }]);
		expect(surface.seeks).toEqual([]);
		expect(surface.paused).toBe(false);
		expect(surface.loop).toBe(false);
		expect(follower.status).toMatchObject({ display: 'video', clip: 'knee', poster: '/media/video/knee.jpg', fault: null });
		// The next different clip, at its in point.
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

	it('when a frame notices the next segment of the same clip before the engine does, seeks once, not nudges', () => {
		// Two phases of one clip; the first is 300 ms long, so the clip starts over 300 ms back:
		// medium drift, which mid-segment would be nudged, but this is a discontinuity.
		const two = buildTimeline([{ title: 'Knee', segments: [{ kind: 'work', ms: 300 }, { kind: 'work', ms: 6000 }] }]);
		const r = rig({ timeline: withVideos(two, [KNEE, KNEE]), follower: { initialSeekLeadMs: 50 } });
		r.engine.start();
		r.frames(290);
		expect(r.surface.seeks).toEqual([]);
		const lead = r.follower.seekLeadMs;
		// The frame callback runs before the engine's tick in this animation frame.
		r.clock.advance(FRAME_MS);
		r.surface.advance(FRAME_MS);
		r.surface.frame();
		const pos = r.engine.position;
		r.engine.tick();
		expect(r.engine.segment.index).toBe(1);
		// Once: the engine's segment event finds it done (the element is `lead` ahead on purpose).
		expect(r.surface.seeks).toHaveLength(1);
		expect(r.surface.seeks[0]).toBeCloseTo(kneeTimeS(pos + lead, 300), 9);
		expect(r.surface.playbackRate).toBe(1);
	});

	it('after a jump to another step, loads its clip at the clock position and preloads the one after', () => {
		const { engine, surface, follower } = rig();
		engine.start(6000);
		engine.seekToStep(2);
		expect(surface.loads.at(-1)).toEqual({ id: 'cat', at: 0 });
		expect(surface.loop).toBe(true);
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
		new VideoFollower(engine, surface, resolveClip);
		expect(surface.loads).toEqual([{ id: 'knee', at: kneeTimeS(9000, 5000) }]);
		expect(surface.paused).toBe(false);
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
