import { describe, expect, it } from 'vitest';
import { SessionEndReporter, type SessionEnd } from '../../../src/lib/playback/session-end';

function reporter() {
	const starts: number[] = [];
	const ends: SessionEnd[] = [];
	const r = new SessionEndReporter(
		() => starts.push(1),
		(e) => ends.push(e)
	);
	return { r, starts, ends };
}

describe('SessionEndReporter', () => {
	it('reports the start once and the end once', () => {
		const { r, starts, ends } = reporter();
		r.observe('playing', 0, 1000, false);
		r.observe('paused', 400, 1000, false);
		r.observe('playing', 400, 1000, false);
		r.observe('finished', 1000, 1000, false);
		r.observe('finished', 1000, 1000, false);
		expect(starts).toHaveLength(1);
		expect(ends).toEqual([{ outcome: 'finished', playedMs: 1000 }]);
	});

	it('reports a sleep-timer pause at once, and the real end after it if the person carries on', () => {
		const { r, ends } = reporter();
		r.observe('playing', 0, 600_000, false);
		r.sleepTimerRanOut(300_000.4);
		r.observe('paused', 300_000, 600_000, false);
		expect(ends).toEqual([{ outcome: 'sleep-timer', playedMs: 300_000 }]);
		r.observe('playing', 300_000, 600_000, false);
		r.observe('stopped', 420_000, 600_000, false);
		expect(ends).toEqual([
			{ outcome: 'sleep-timer', playedMs: 300_000 },
			{ outcome: 'stopped', playedMs: 420_000 }
		]);
		r.sleepTimerRanOut(500_000);
		expect(ends).toHaveLength(2);
	});

	it('reports no sleep-timer end for a session that never started', () => {
		const { r, ends } = reporter();
		r.sleepTimerRanOut(0);
		expect(ends).toEqual([]);
	});
});
