import { describe, expect, it } from 'vitest';
import { follow, PAUSED_TOLERANCE_MS, PLAYING_TOLERANCE_MS, type LocalPlayback } from '$lib/classroom/follow';
import type { LiveState } from '$lib/classroom/protocol';

const ANCHOR = 1_700_000_000_000;
const DURATION = 600_000;

function live(status: LiveState['status'], positionMs: number): LiveState {
	return { lessonId: 'l', code: 'ACDEFG', routineId: 'r', level: 1, status, positionMs, anchorServerMs: ANCHOR, seq: 1 };
}

function local(state: LocalPlayback['state'], positionMs: number): LocalPlayback {
	return { state, positionMs, durationMs: DURATION };
}

describe('follow', () => {
	it('leaves a device alone while the lesson is waiting to start', () => {
		expect(follow(local('ready', 0), live('waiting', 0), ANCHOR + 5_000)).toEqual({ type: 'none' });
	});

	it('starts a late joiner where the room is now, not where the last change was', () => {
		expect(follow(local('ready', 0), live('playing', 10_000), ANCHOR + 42_500)).toEqual({
			type: 'start',
			atMs: 52_500,
			paused: false
		});
	});

	it('starts a joiner into a paused lesson at the frozen position, paused', () => {
		expect(follow(local('ready', 0), live('paused', 10_000), ANCHOR + 42_500)).toEqual({
			type: 'start',
			atMs: 10_000,
			paused: true
		});
	});

	it('leaves drift inside the playing band and seeks beyond it', () => {
		const now = ANCHOR + 1_000;
		const inBand = follow(local('playing', 11_000 - PLAYING_TOLERANCE_MS + 1), live('playing', 10_000), now);
		expect(inBand).toEqual({ type: 'none' });
		expect(follow(local('playing', 11_000 + PLAYING_TOLERANCE_MS + 1), live('playing', 10_000), now)).toEqual({
			type: 'seek',
			toMs: 11_000
		});
		expect(follow(local('count-in', 9_000), live('playing', 10_000), now)).toEqual({ type: 'seek', toMs: 11_000 });
	});

	it('pauses a running device, then holds it to the frozen position within a tight band', () => {
		const now = ANCHOR + 3_000;
		expect(follow(local('playing', 10_020), live('paused', 10_000), now)).toEqual({ type: 'pause' });
		expect(follow(local('paused', 10_000 + PAUSED_TOLERANCE_MS), live('paused', 10_000), now)).toEqual({ type: 'none' });
		expect(follow(local('paused', 10_016 + PAUSED_TOLERANCE_MS), live('paused', 10_000), now)).toEqual({
			type: 'seek',
			toMs: 10_000
		});
	});

	it('resumes a paused device when the room plays; the next call corrects the position', () => {
		expect(follow(local('paused', 10_000), live('playing', 10_000), ANCHOR + 40)).toEqual({ type: 'resume' });
	});

	it('before the anchor instant a playing state holds the device where it will start', () => {
		expect(follow(local('paused', 10_000), live('playing', 10_000), ANCHOR - 200)).toEqual({ type: 'resume' });
		expect(follow(local('playing', 9_800), live('playing', 10_000), ANCHOR - 200)).toEqual({ type: 'none' });
	});

	it('stops a device when the lesson ends and leaves a finished one alone', () => {
		expect(follow(local('playing', 30_000), live('ended', 30_000), ANCHOR)).toEqual({ type: 'stop' });
		expect(follow(local('paused', 30_000), live('ended', 30_000), ANCHOR)).toEqual({ type: 'stop' });
		expect(follow(local('finished', DURATION), live('ended', DURATION), ANCHOR)).toEqual({ type: 'none' });
	});

	it('rebuilds a finished engine when the room went back into the lesson', () => {
		expect(follow(local('finished', DURATION), live('playing', 550_000), ANCHOR + 1_000)).toEqual({
			type: 'rebuild',
			atMs: 551_000,
			paused: false
		});
	});

	it('does not restart anything once the room itself has run past the end', () => {
		expect(follow(local('finished', DURATION), live('playing', DURATION - 1_000), ANCHOR + 5_000)).toEqual({ type: 'none' });
		expect(follow(local('ready', 0), live('playing', DURATION), ANCHOR + 5_000)).toEqual({ type: 'none' });
	});
});
