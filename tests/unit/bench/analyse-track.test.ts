/** The background bench's reading of when each cue of a session track was heard. */
import { describe, expect, it } from 'vitest';
import { measureTrackCues } from '../../../bench/background/analyse-track';
import type { PositionSample, TrackRun } from '../../../bench/background/track-run';

/** Reads every 200 ms: the element sits at 0 for `stuckMs` after play, then runs at rate 1, stalling `stallMs` at 10 s. */
function run(stuckMs: number, stallMs = 0): TrackRun {
	const samples: PositionSample[] = [];
	const startPerf = 1000;
	for (let t = 0; t <= 30_000; t += 200) {
		const moving = Math.max(0, t - stuckMs);
		const position = moving > 10_000 ? Math.max(10_000, moving - stallMs) : moving;
		samples.push({ perfMs: startPerf + t, trackSec: position / 1000, paused: false, ended: false, state: 'playing' });
	}
	return {
		label: 'test',
		durationMs: 30_000,
		hiddenForMs: 30_000,
		cues: [
			{ id: 'c0', atMs: 0, kind: 'count-in', text: 'Get ready.' },
			{ id: 'c1', atMs: 5_000, kind: 'phase', text: 'Breathe in.' },
			{ id: 'c2', atMs: 20_000, kind: 'phase', text: 'And out.' }
		],
		samples,
		cueEvents: [],
		unexpectedPauses: 0,
		finished: true,
		trackDurationMs: 31_000,
		endEvents: [],
		pageErrors: []
	};
}

describe('measureTrackCues', () => {
	it('dates a cue at the start to when the track starts moving, not to the last read before', () => {
		const [c0, c1, c2] = measureTrackCues(run(130));
		expect(c0?.errorMs).toBe(0);
		expect(c1?.errorMs).toBeCloseTo(0, 6);
		expect(c2?.errorMs).toBeCloseTo(0, 6);
	});

	it('still finds a cue late by a stall before it', () => {
		const [, c1, c2] = measureTrackCues(run(130, 80));
		expect(c1?.errorMs).toBeCloseTo(0, 6);
		expect(c2?.errorMs).toBeCloseTo(80, 6);
	});

	it('counts a cue the element never reached as missed', () => {
		const r = run(0);
		const cut = { ...r, samples: r.samples.filter((s) => s.trackSec < 15) };
		expect(measureTrackCues(cut)[2]?.errorMs).toBeNull();
	});
});
