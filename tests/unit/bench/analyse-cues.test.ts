/**
 * The sync and background benches' pairing of scheduled cues with onsets at the tap, on the
 * shape of a live relaxation run (bench:background): the ambience bed starts at Start, a
 * moment before the count-in's bell and words, which are scheduled ahead at the same `when`.
 */
import { describe, expect, it } from 'vitest';
import { countCues, measureParts, type CueRun } from '../../../bench/sync/analyse-cues';
import type { SourceStart } from '../../../bench/sync/types';

const DUE = 1.43;
const start = (sourceId: number, whenSec: number, calledAtSec: number, durationSec: number, leadInSec: number | null): SourceStart => ({
	sourceId,
	ctxId: 1,
	whenSec,
	calledAtSec,
	durationSec,
	leadInSec
});

function liveRun(options: { bed: boolean; movedTo?: number }): CueRun {
	const starts = [
		// The unlock's silent frame.
		start(1, 0, 1.34, 0.00005, null),
		...(options.bed ? [start(2, 0, 1.352, 40, 0)] : []),
		// The count-in's bell and its words, scheduled ahead at the same time.
		start(3, DUE, 1.38, 0.6, 0.0105),
		start(4, DUE, 1.38, 3.07, 0.033),
		start(5, 6.43, 4.98, 24.6, 0.035)
	];
	const moved = options.movedTo;
	if (moved !== undefined) starts.push(start(6, moved, 6.0, 24.6, 0.035));
	const heardC1 = (moved ?? 6.43) + 0.035;
	return {
		player: {
			cues: [
				{ id: 'c0', kind: 'count-in', atMs: 0 },
				{ id: 'c1', kind: 'education', atMs: 5000 }
			],
			scheduleLog: [
				{ cueId: 'c0', kind: 'count-in', part: 'sound', dueAudioSec: DUE, scheduledAudioSec: DUE, reason: 'clear' },
				{ cueId: 'c0', kind: 'count-in', part: 'voice', dueAudioSec: DUE, scheduledAudioSec: DUE, reason: 'clear' },
				{ cueId: 'c1', kind: 'education', part: 'voice', dueAudioSec: 6.43, scheduledAudioSec: 6.43, reason: 'clear' }
			],
			// A start lead: the clock stood before the first position at Start.
			stateEvents: [{ from: 'ready', to: 'count-in', atMs: 0, perfMs: 2377, clockMs: 2377, positionMs: -116 }],
			realignments: moved === undefined ? [] : [{ fromSec: 6.43, toSec: moved }]
		},
		tap: {
			// The bed plays at volume 0 (the benches' setting): only the cues reach the tap.
			segments: [
				{ onsetSec: DUE + 0.0105, offsetSec: 2.12, peak: 0.84 },
				{ onsetSec: 2.77, offsetSec: 3.2, peak: 0.63 },
				{ onsetSec: heardC1, offsetSec: heardC1 + 0.45, peak: 0.6 }
			],
			starts,
			stops: moved === undefined ? [] : [{ sourceId: 5, whenSec: 0, calledAtSec: 6.0 }]
		}
	};
}

describe('measureParts', () => {
	it('hears the first cue on time when the ambience bed started just before it (not the bed)', () => {
		const parts = measureParts(liveRun({ bed: true }), 0.02);
		const first = parts.filter((p) => p.cueId === 'c0');
		expect(first.map((p) => p.status)).toEqual(['heard', 'heard']);
		expect(Math.abs(first[0]?.errorMs ?? Infinity)).toBeLessThan(0.01);
		expect(first[0]?.atStart).toBe(false);
		expect(countCues(parts)).toMatchObject({ expected: 2, heard: 2, missed: 0 });
	});

	it('pairs the same way with no bed at all', () => {
		expect(countCues(measureParts(liveRun({ bed: false }), 0.02))).toMatchObject({ heard: 2, missed: 0 });
	});

	it('still follows a cue that realign() moved to a new source', () => {
		const parts = measureParts(liveRun({ bed: true, movedTo: 6.45 }), 0.02);
		const c1 = parts.find((p) => p.cueId === 'c1');
		expect(c1?.status).toBe('heard');
		expect(c1?.errorMs).toBeCloseTo(20, 6);
	});
});
