/**
 * The follower's own timer: what the element must do at a boundary or a loop's end is done
 * a lead ahead of it, not when the engine's tick or the next frame notices. In Chromium the
 * step change that comes with a boundary keeps the main thread busy for up to ~100 ms, and
 * an element started, or looping by itself, inside that time starts that much late (in
 * bench:sync on 2026-12-02 the first frame of each new exercise was 78–177 ms late).
 */
import { describe, expect, it } from 'vitest';
import { buildTimeline, cue, fromStart } from '../playback/timeline-builder';
import type { Timeline, VideoRef } from '../../../src/lib/routine/timeline';
import { FRAME_MS, KNEE, kneeTimeS, rig, withVideos } from './video-fixtures';

/** Where the engine was each time the surface was told to do something. */
function watch(r: ReturnType<typeof rig>) {
	const calls: { what: string; at: number; value?: number | string }[] = [];
	const s = r.surface;
	const load = s.load.bind(s);
	const play = s.play.bind(s);
	const seek = s.seek.bind(s);
	s.load = (clip, at) => {
		calls.push({ what: 'load', at: r.engine.position, value: clip.id });
		load(clip, at);
	};
	s.play = () => {
		calls.push({ what: 'play', at: r.engine.position });
		play();
	};
	s.seek = (sec) => {
		calls.push({ what: 'seek', at: r.engine.position, value: sec });
		seek(sec);
	};
	const rate = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(s), 'playbackRate') as PropertyDescriptor;
	Object.defineProperty(s, 'playbackRate', {
		get: () => rate.get?.call(s) as number,
		set: (v: number) => {
			if (v !== rate.get?.call(s)) calls.push({ what: 'rate', at: r.engine.position, value: v });
			rate.set?.call(s, v);
		}
	});
	return calls;
}

const TILT: VideoRef = { clip: 'tilt', inMs: 0, outMs: null };

/** A rest holding the tilt clip's start pose, then tilt 5 s and relax 2 s (parts of 4 s and 2 s), twice. */
function restThenReps(): Timeline {
	const parts = [undefined, 'tilt', 'relax', 'tilt', 'relax'] as const;
	const base = buildTimeline([
		{
			title: 'Pelvic tilt',
			segments: [
				{ kind: 'rest', ms: 3000, cues: [cue('rest', fromStart(0))] },
				...parts.slice(1).map((_, i) => ({ kind: 'work' as const, ms: i % 2 === 0 ? 5000 : 2000, cues: [cue('phase', fromStart(0))] }))
			]
		}
	]);
	return { ...base, segments: base.segments.map((s, i) => ({ ...s, video: { ...TILT, ...(parts[i] ? { part: parts[i] } : {}) } })) };
}

describe('a new clip at a boundary', () => {
	it('is swapped in and started a start lead before the boundary, and the segment event changes nothing', () => {
		const r = rig({ follower: { initialStartLeadMs: 15 } });
		const calls = watch(r);
		r.engine.start();
		r.frames(4950);
		expect(calls.filter((c) => c.what === 'load')).toEqual([]);
		r.frames(100);
		// The count-in (no clip) ends at 5 s: the preloaded knee clip goes in front at 4985.
		const load = calls.find((c) => c.what === 'load');
		expect(load?.value).toBe('knee');
		expect(load?.at).toBeCloseTo(4985, 6);
		expect(calls.find((c) => c.what === 'play')?.at).toBeCloseTo(4985, 6);
		expect(r.surface.loads.at(-1)).toEqual({ id: 'knee', at: 1 });
		// The engine's own segment event came after and neither reloaded nor sought.
		expect(r.engine.segment.index).toBe(1);
		expect(calls.filter((c) => c.what === 'load')).toHaveLength(1);
		expect(calls.filter((c) => c.what === 'seek')).toEqual([]);
	});

	it('is timed by the clock, which runs towards the start during the engine\'s start lead while the position waits', () => {
		const r = rig({ follower: { initialStartLeadMs: 15 }, engine: { startLeadMs: 120 } });
		const clockAt: number[] = [];
		const load = r.surface.load.bind(r.surface);
		r.surface.load = (clip, at) => {
			clockAt.push(r.engine.clockPosition);
			load(clip, at);
		};
		r.engine.start();
		r.frames(5200);
		// Timed by the position, it would have gone 120 ms early (at 4865 by the clock).
		expect(clockAt).toHaveLength(1);
		expect(clockAt[0]).toBeCloseTo(4985, 6);
	});

	it('learns the swap lead from the first frame after the boundary, apart from the start lead of a held pose', () => {
		// The fake starts moving at once, so swapping 30 ms early puts the clip 30 ms ahead.
		const r = rig({ follower: { initialSwapLeadMs: 30, initialStartLeadMs: 4 } });
		r.engine.start();
		r.frames(5100);
		expect(r.follower.swapLeadMs).toBeCloseTo(15, 0);
		expect(r.follower.startLeadMs).toBe(4);
		// And the next new clip (cat at 60 s, after a rest without a clip) is started that much ahead.
		const calls = watch(r);
		r.frames(55_000);
		const load = calls.find((c) => c.what === 'load' && c.value === 'cat');
		expect(load?.at).toBeCloseTo(60_000 - 15, 0);
	});

	it('when the timer fires late (a busy main thread), the engine\'s segment event swaps it once and the late timer does nothing more', () => {
		const r = rig({ follower: { initialStartLeadMs: 15 } });
		r.timers.lateMs = 80;
		const calls = watch(r);
		r.engine.start();
		r.frames(5300);
		expect(calls.filter((c) => c.what === 'load')).toHaveLength(1);
		expect(calls.find((c) => c.what === 'load')?.at).toBeGreaterThanOrEqual(5000);
		expect(r.surface.loads.at(-1)?.id).toBe('knee');
		expect(Math.abs(r.surface.currentTime - kneeTimeS(r.engine.position, 5000))).toBeLessThan(FRAME_MS / 1000);
	});
});

describe('a held pose into a phase that moves', () => {
	it('is started a start lead before the phase, at the part\'s first frame', () => {
		const r = rig({ timeline: restThenReps(), follower: { initialStartLeadMs: 20 } });
		const calls = watch(r);
		r.engine.start();
		r.frames(2900);
		// The rest holds the start pose: still.
		expect(r.surface.paused).toBe(true);
		r.frames(200);
		const play = calls.filter((c) => c.what === 'play').at(-1);
		expect(play?.at).toBeCloseTo(2980, 6);
		expect(r.surface.paused).toBe(false);
		// Already at the tilt part's first frame (0): no seek was needed.
		expect(calls.filter((c) => c.what === 'seek' && c.at > 2000)).toEqual([]);
	});
});

describe('parts and loops', () => {
	it('tilt into relax (one after the other in the clip) changes only the rate, at the boundary; relax into tilt is a seek to the start, on time', () => {
		const r = rig({ timeline: restThenReps() });
		const calls = watch(r);
		r.engine.start();
		r.frames(3000 + 5000 + 2000 + 500);
		const seeks = calls.filter((c) => c.what === 'seek' && c.at > 2999);
		// Tilt (3–8 s, its 4 s part at 0.8) into relax: no seek, the rate goes to 1 at 8 s.
		expect(calls.filter((c) => c.what === 'rate' && c.at > 7000 && c.at < 9000)).toEqual([{ what: 'rate', at: expect.closeTo(8000, 6), value: 1 }]);
		// Relax (8–10 s) ends at the clip's end: sent to 0 at 10 s.
		expect(seeks).toHaveLength(1);
		expect(seeks[0]?.at).toBeCloseTo(10_000, 6);
		expect(seeks[0]?.value).toBeCloseTo(0, 2);
		for (const d of r.follower.driftRecords().filter((x) => x.positionMs > 3000)) expect(Math.abs(d.driftMs)).toBeLessThan(1);
	});

	it('a jump re-aims the planned loop: the old timer does not go off at its old moment', () => {
		const r = rig();
		r.engine.start(5000);
		r.frames(1000);
		const calls = watch(r);
		// At 6 s the loop of the knee segment (1–4 s of the clip, from 5 s) would go round at 8 s.
		r.engine.seek(9500);
		r.frames(2000);
		const seeks = calls.filter((c) => c.what === 'seek');
		// The jump's own seek, then the loop going round at 11 s by the new position; nothing at 11.5 s.
		expect(seeks.map((c) => Math.round(c.at))).toEqual([9500, 11_000]);
		expect(seeks[1]?.value).toBeCloseTo(1, 3);
	});

	it('a loop going round when the timer is late is sent round once, to where the clock is', () => {
		const two = buildTimeline([{ title: 'Knee', segments: [{ kind: 'work', ms: 20_000 }] }]);
		const r = rig({ timeline: withVideos(two, [KNEE]) });
		r.timers.lateMs = 70;
		r.engine.start();
		r.frames(3500);
		// The loop (1–4 s) went round at 3 s by the clock; the first frame past the out point
		// sent it round, and the late timer left it there.
		expect(r.surface.seeks).toHaveLength(1);
		expect(Math.abs(r.surface.currentTime - kneeTimeS(r.engine.position, 0))).toBeLessThan(FRAME_MS / 1000 + 0.001);
	});
});
