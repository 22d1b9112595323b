/** A missing or undecodable clip leaves the poster and a plain notice; the session goes on. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VIDEO_FAULT_MESSAGE } from '../../../src/lib/media/video-follower';
import { cueIds } from '../playback/harness';
import { rig, videoTimeline, withVideos, KNEE, CAT } from './video-fixtures';

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('a clip that fails to load', () => {
	it('is replaced by its poster and a plain notice while the session keeps advancing', () => {
		const r = rig();
		r.engine.start(6000);
		const hides = r.surface.hides;
		r.surface.emit('error', 'knee');
		expect(r.surface.hides).toBe(hides + 1);
		expect(r.follower.status).toEqual({
			display: 'poster',
			clip: 'knee',
			poster: '/media/video/knee.jpg',
			fault: VIDEO_FAULT_MESSAGE,
			buffering: false
		});
		const pos = r.engine.position;
		r.frames(2000);
		expect(r.engine.state).toBe('playing');
		expect(r.engine.position).toBeCloseTo(pos + 2000, 6);
	});

	it('is not loaded again for the later segments that use it', () => {
		const r = rig();
		r.engine.start(6000);
		r.surface.emit('error', 'knee');
		const loads = r.surface.loads.length;
		const seeks = r.surface.seeks.length;
		r.frames(40_000); // through the switch and the second side
		expect(r.surface.loads.slice(loads).map((l) => l.id)).not.toContain('knee');
		expect(r.surface.seeks).toHaveLength(seeks);
		expect(r.follower.driftSamples().length).toBeLessThan(5);
	});

	it('does not stop the next clips: the notice goes at the next step and its clip plays', () => {
		const r = rig();
		r.engine.start(6000);
		r.surface.emit('error', 'knee');
		r.frames(45_000); // into the rest step
		expect(r.follower.status).toMatchObject({ display: 'none', fault: null });
		r.frames(10_000); // into the cat step
		expect(r.surface.loads.at(-1)?.id).toBe('cat');
		expect(r.follower.status).toMatchObject({ display: 'video', clip: 'cat', fault: null });
	});

	it('while it is being preloaded shows its poster and notice as soon as its step begins', () => {
		const r = rig();
		r.engine.start(6000);
		r.surface.emit('error', 'cat');
		// The clip on screen is not affected.
		expect(r.follower.status).toMatchObject({ display: 'video', clip: 'knee', fault: null });
		r.engine.seekToStep(2);
		expect(r.surface.loads.map((l) => l.id)).not.toContain('cat');
		expect(r.follower.status).toMatchObject({ display: 'poster', clip: 'cat', poster: '/media/video/cat.jpg', fault: VIDEO_FAULT_MESSAGE });
		expect(r.engine.state).toBe('playing');
	});

	it('is not preloaded again', () => {
		const r = rig();
		r.surface.emit('error', 'knee');
		r.engine.start();
		expect(r.surface.preloads.at(-1)?.id).not.toBe('knee');
	});

	it('releases a stalled session', () => {
		const r = rig();
		r.engine.start(6000);
		r.surface.starved = true;
		r.surface.emit('waiting');
		vi.advanceTimersByTime(400);
		expect(r.engine.state).toBe('buffering');
		r.surface.emit('error', 'knee');
		expect(r.engine.state).toBe('playing');
		expect(r.follower.status.buffering).toBe(false);
	});

	it('never changes which cues play, even when every clip fails', () => {
		const plain = rig();
		plain.engine.start();
		plain.frames(90_000);

		const r = rig();
		for (const id of ['knee', 'cat', 'bridge']) r.surface.emit('error', id);
		r.engine.start();
		r.frames(90_000);
		expect(r.engine.state).toBe('finished');
		expect(cueIds(r.events)).toEqual(cueIds(plain.events));
	});
});

describe('a clip the catalogue does not have', () => {
	it('shows the notice without a poster (the page shows the illustration) and the session goes on', () => {
		const timeline = withVideos(videoTimeline(), [null, { clip: 'no-such-clip', inMs: 0, outMs: null }, KNEE, KNEE, null, CAT]);
		const r = rig({ timeline });
		r.engine.start(6000);
		expect(r.surface.loads).toEqual([]);
		expect(r.follower.status).toMatchObject({ display: 'poster', clip: 'no-such-clip', poster: null, fault: VIDEO_FAULT_MESSAGE });
		r.frames(20_000);
		expect(r.surface.loads.at(-1)?.id).toBe('knee');
		expect(r.follower.status.fault).toBeNull();
	});
});

describe('status listeners', () => {
	it('hear each change once, and nothing after unsubscribing', () => {
		const r = rig();
		const seen: string[] = [];
		const off = r.follower.onStatus((s) => seen.push(`${s.display}:${s.clip ?? '-'}:${s.fault ? 'fault' : 'ok'}`));
		r.engine.start(6000);
		r.frames(1000);
		r.surface.emit('error', 'knee');
		off();
		r.engine.next();
		expect(seen).toEqual(['video:knee:ok', 'poster:knee:fault']);
	});
});
