import { describe, expect, it } from 'vitest';
import { audioTimeAt, MAX_STAMP_AGE_MS } from '../../../src/lib/media/audio-time';

describe('audioTimeAt', () => {
	it('extrapolates the output stamp to the given moment: what the speakers play then', () => {
		// The sample of context time 10.000 s left the output at perf 5000 ms; 30 ms later
		// the speakers play 10.030, while the context has rendered ahead to 10.06.
		expect(audioTimeAt(10.06, { contextTime: 10, performanceTime: 5000 }, 5030)).toBeCloseTo(10.03, 9);
	});

	it('follows a context that lost time to an underrun: the same wall moment maps to an earlier audio time', () => {
		const before = audioTimeAt(20.05, { contextTime: 20, performanceTime: 9000 }, 9040);
		// After the underrun the output is 20 ms behind where it was on the wall clock.
		const after = audioTimeAt(20.03, { contextTime: 19.98, performanceTime: 9000 }, 9040);
		expect(before - after).toBeCloseTo(0.02, 9);
	});

	it.each([
		{ why: 'no stamp (no getOutputTimestamp)', stamp: null },
		{ why: 'an empty stamp', stamp: {} },
		{ why: 'before the first audio callback (zeros)', stamp: { contextTime: 0, performanceTime: 0 } },
		{ why: 'a stale stamp (output suspended)', stamp: { contextTime: 9, performanceTime: 5000 - MAX_STAMP_AGE_MS - 1 } },
		{ why: 'a stamp far ahead of what was rendered', stamp: { contextTime: 12, performanceTime: 5000 } },
		{ why: 'a stamp further behind than any output latency', stamp: { contextTime: 8, performanceTime: 5000 } }
	])('uses currentTime for $why', ({ stamp }) => {
		expect(audioTimeAt(10, stamp, 5000)).toBe(10);
	});
});
