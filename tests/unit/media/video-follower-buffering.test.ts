/** A stalled video holds a solo session's clock after a grace period, and the session resumes where it stopped. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUFFERING_GRACE_MS, STALL_GIVE_UP_MS, VIDEO_STALL_MESSAGE } from '../../../src/lib/media/video-follower';
import type { EngineEvent } from '../../../src/lib/playback/events';
import { cueIds } from '../playback/harness';
import { FRAME_MS, kneeTimeS, rig, type Rig } from './video-fixtures';

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

/** Let `ms` of wall time pass: the session clock, the element and the follower's timers. */
function wait(r: Rig, ms: number): void {
	r.frames(ms);
	vi.advanceTimersByTime(ms);
}

function stall(r: Rig): void {
	r.surface.starved = true;
	r.surface.emit('waiting');
}

function recover(r: Rig, event: 'playing' | 'canplay' = 'playing'): void {
	r.surface.starved = false;
	r.surface.emit(event);
}

const states = (events: readonly EngineEvent[]) =>
	events.flatMap((e) => (e.type === 'state' ? [`${e.from}>${e.to}`] : []));

describe('a stall', () => {
	it('shorter than the grace period changes nothing', () => {
		const r = rig();
		r.engine.start(6000);
		stall(r);
		wait(r, BUFFERING_GRACE_MS - 50);
		recover(r);
		wait(r, 1000);
		expect(states(r.events)).toEqual(['ready>playing']);
		expect(r.follower.status.buffering).toBe(false);
	});

	it('past the grace period holds the clock and shows buffering', () => {
		const r = rig();
		r.engine.start(6000);
		r.frames(1000);
		stall(r);
		wait(r, BUFFERING_GRACE_MS - 10);
		expect(r.engine.state).toBe('playing');
		wait(r, 20);
		expect(r.engine.state).toBe('buffering');
		expect(r.follower.status.buffering).toBe(true);
		const frozen = r.engine.position;
		wait(r, 5000);
		expect(r.engine.position).toBe(frozen);
	});

	it('ends when the video plays again: the session resumes where it stopped and the video catches up', () => {
		const r = rig();
		r.engine.start(6000);
		r.frames(1000);
		stall(r);
		wait(r, 400);
		const frozen = r.engine.position;
		wait(r, 3000);
		const seeks = r.surface.seeks.length;
		recover(r);
		expect(r.engine.state).toBe('playing');
		expect(r.engine.position).toBe(frozen);
		expect(r.follower.status.buffering).toBe(false);
		// The element stopped a grace period before the clock did: lined up by a seek on resume.
		expect(r.surface.seeks.slice(seeks)).toEqual([kneeTimeS(frozen, 5000)]);
	});

	it('loses and doubles no cue', () => {
		const plain = rig();
		plain.engine.start();
		plain.frames(90_000);

		const r = rig();
		r.engine.start();
		r.frames(15_000);
		stall(r);
		wait(r, 4000);
		recover(r, 'canplay');
		r.frames(20_000);
		// A second stall, later in the session.
		stall(r);
		wait(r, 2000);
		recover(r);
		r.frames(90_000);
		expect(r.engine.state).toBe('finished');
		expect(states(r.events).filter((s) => s === 'playing>buffering')).toHaveLength(2);
		const ids = cueIds(r.events);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(cueIds(plain.events));
	});

	it('in a class session shows buffering but does not hold the clock', () => {
		const r = rig({ engine: { waitForBuffering: false } });
		r.engine.start(6000);
		stall(r);
		const before = r.engine.position;
		wait(r, 1000);
		expect(r.follower.status.buffering).toBe(true);
		expect(r.engine.state).toBe('playing');
		expect(r.engine.position).toBeCloseTo(before + 1000, 6);
		recover(r);
		expect(r.follower.status.buffering).toBe(false);
	});

	it('that does not end gives up on the clip: poster, a plain notice, and the clock goes on', () => {
		const r = rig();
		r.engine.start(6000);
		stall(r);
		wait(r, STALL_GIVE_UP_MS - 100);
		expect(r.engine.state).toBe('buffering');
		const hides = r.surface.hides;
		wait(r, 200);
		expect(r.engine.state).toBe('playing');
		expect(r.surface.hides).toBe(hides + 1);
		expect(r.follower.status).toMatchObject({
			display: 'poster',
			clip: 'knee',
			poster: '/media/video/knee.jpg',
			fault: VIDEO_STALL_MESSAGE,
			buffering: false
		});
		const pos = r.engine.position;
		wait(r, 1000);
		expect(r.engine.position).toBeCloseTo(pos + 1000, 6);
	});

	it('that clears while paused lets resume go straight to playing', () => {
		const r = rig();
		r.engine.start(6000);
		stall(r);
		wait(r, 400);
		r.engine.pause();
		expect(r.surface.paused).toBe(true);
		recover(r, 'canplay');
		r.engine.resume();
		expect(r.engine.state).toBe('playing');
		expect(r.surface.paused).toBe(false);
	});

	it('that outlasts a pause makes resume wait for the video, which is told to play', () => {
		const r = rig();
		r.engine.start(6000);
		stall(r);
		wait(r, 400);
		r.engine.pause();
		const frozen = r.engine.position;
		r.engine.resume();
		expect(r.engine.state).toBe('buffering');
		expect(r.surface.paused).toBe(false);
		wait(r, 1000);
		recover(r);
		expect(r.engine.state).toBe('playing');
		expect(r.engine.position).toBe(frozen);
	});

	it('reported during the grace period and then paused is still held on resume', () => {
		const r = rig();
		r.engine.start(6000);
		stall(r);
		wait(r, 100);
		r.engine.pause();
		vi.advanceTimersByTime(BUFFERING_GRACE_MS);
		r.engine.resume();
		expect(r.engine.state).toBe('buffering');
		recover(r);
		expect(r.engine.state).toBe('playing');
	});

	it('is not reported while the session is paused (a paused element that waits is not holding anyone up)', () => {
		const r = rig();
		r.engine.start(6000);
		r.engine.pause();
		stall(r);
		vi.advanceTimersByTime(1000);
		expect(r.follower.status.buffering).toBe(false);
		r.engine.resume();
		expect(r.engine.state).toBe('playing');
	});

	it('is forgotten when the step changes to one without a clip', () => {
		const r = rig();
		r.engine.start(6000);
		stall(r);
		wait(r, 400);
		expect(r.engine.state).toBe('buffering');
		r.engine.next();
		expect(r.engine.state).toBe('playing');
		expect(r.follower.status.buffering).toBe(false);
		vi.advanceTimersByTime(STALL_GIVE_UP_MS);
		expect(r.follower.status.fault).toBeNull();
	});

	it('is released when the follower is destroyed', () => {
		const r = rig();
		r.engine.start(6000);
		stall(r);
		wait(r, 400);
		r.follower.destroy();
		expect(r.engine.state).toBe('playing');
		r.frames(FRAME_MS * 3);
		expect(r.engine.state).toBe('playing');
	});
});
