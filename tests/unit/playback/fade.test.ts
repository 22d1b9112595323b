import { describe, expect, it } from 'vitest';
import { AMBIENCE_END_FADE_MS, ambienceEndGain, fadeCurve } from '../../../src/lib/playback/fade';

const MIN = 60_000;
const DURATION = 40 * MIN;

describe('fadeCurve and ambienceEndGain', () => {
	it('falls from full to silent, faster than a straight line at first', () => {
		expect(fadeCurve(1)).toBe(1);
		expect(fadeCurve(0)).toBe(0);
		expect(fadeCurve(0.5)).toBeCloseTo(0.25);
		expect(fadeCurve(2)).toBe(1);
		expect(fadeCurve(-1)).toBe(0);
		expect(fadeCurve(Number.NaN)).toBe(1);
	});

	it('fades the ambience over the session’s last seconds only', () => {
		expect(ambienceEndGain(0, DURATION)).toBe(1);
		expect(ambienceEndGain(DURATION - AMBIENCE_END_FADE_MS - 1, DURATION)).toBe(1);
		expect(ambienceEndGain(DURATION - AMBIENCE_END_FADE_MS / 2, DURATION)).toBeCloseTo(0.25);
		expect(ambienceEndGain(DURATION, DURATION)).toBe(0);
		expect(ambienceEndGain(DURATION + 5000, DURATION)).toBe(0);
	});
});
