/**
 * Frames do not reach the page at the clip's own rate: a 24 fps clip on a 60 Hz screen is
 * shown for two refreshes, then three (33 ms, then 50 ms), and a busy main thread delays a
 * callback further. Wherever the same clip starts over (a repetition after a repetition, a
 * rest after a repetition, the second side after a switch), the follower must seek before
 * the last frame of the old segment, or the first frames of the new segment show the old
 * segment's pose: in bench:sync on 2026-12-01 such frames were 1 to 3 s off.
 */
import { describe, expect, it } from 'vitest';
import { VideoFollower } from '../../../src/lib/media/video-follower';
import { ManualClock } from '../../../src/lib/playback/clock';
import { SessionEngine } from '../../../src/lib/playback/engine';
import { buildTimeline, cue, fromStart } from '../playback/timeline-builder';
import { FakeVideoSurface, KNEE, ManualTimers, passTime, resolveClip, withVideos } from './video-fixtures';

/** Ten repetitions of 5 s + 3 s of one clip, a rest of the same clip, then the end. */
function repsTimeline() {
	const segments = [];
	for (let rep = 0; rep < 10; rep++) {
		segments.push({ kind: 'work' as const, ms: 5000, cues: [cue('phase', fromStart(0))] });
		segments.push({ kind: 'work' as const, ms: 3000, cues: [cue('phase', fromStart(0))] });
	}
	segments.push({ kind: 'rest' as const, ms: 10_000, cues: [cue('rest', fromStart(0))] });
	const base = buildTimeline([{ title: 'Pelvic tilt', segments }]);
	return withVideos(base, base.segments.map(() => KNEE));
}

/** Play to the end with frames reported at `cadence` (ms, repeating), the element moving in between. */
function play(cadence: readonly number[], seekLatencyFrames: number) {
	const clock = new ManualClock(100_000);
	const engine = new SessionEngine(repsTimeline(), clock);
	const surface = new FakeVideoSurface();
	surface.seekLatencyFrames = seekLatencyFrames;
	const timers = new ManualTimers(clock);
	const follower = new VideoFollower(engine, surface, resolveClip, { initialSeekLeadMs: 40, schedule: timers.schedule });
	engine.start();
	let i = 0;
	while (engine.state !== 'finished' && i < 100_000) {
		const d = cadence[i++ % cadence.length] as number;
		passTime(d, clock, surface, timers);
		engine.tick();
		if (surface.clip !== null && !surface.paused && !surface.seeking) surface.frame();
	}
	return { follower, surface, engine };
}

describe('same clip starting over, frames at a screen\'s cadence', () => {
	it('24 fps on 60 Hz (33 ms, 50 ms): no displayed frame is from the old segment', () => {
		const { follower, engine } = play([1000 / 30, 50], 1);
		expect(engine.state).toBe('finished');
		const worst = Math.max(...follower.driftSamples().map(Math.abs));
		expect(worst).toBeLessThan(100);
	});

	it('with a late callback now and then (a busy main thread), still none', () => {
		const { follower } = play([1000 / 30, 50, 1000 / 30, 50, 1000 / 30, 83], 1);
		const worst = Math.max(...follower.driftSamples().map(Math.abs));
		expect(worst).toBeLessThan(100);
	});
});
