import { describe, expect, it } from 'vitest';
import { LOUDNESS_TOLERANCE_LU, offTarget, summariseLoudness, type MeasuredFile } from '../../../../scripts/media/loudness-report';

const file = (path: string, group: MeasuredFile['group'], lufs: number): MeasuredFile => ({ path, group, bytes: 1, lufs, true_peak_dbtp: -3 });

describe('loudness report', () => {
	const files = [
		file('voice/a.webm', 'voice', -18.2),
		file('voice/a.m4a', 'voice', -17.9),
		file('voice/b.webm', 'voice', -21),
		file('tracks/t.webm', 'tracks', -19),
		file('sounds/tick.webm', 'sounds', -9),
		file('tracks/ambience-soft-noise.webm', 'ambience', -40)
	];
	const report = summariseLoudness(files, -18);

	it('gives each group and format its spread', () => {
		expect(report.groups.voice).toMatchObject({ n: 3, min_lufs: -21, p50_lufs: -18.2, max_lufs: -17.9, spread_lu: 3.1, held_to_target: true, worst_off_target_lu: 3 });
		expect(report.groups['voice webm']).toMatchObject({ n: 2, min_lufs: -21, max_lufs: -18.2 });
		expect(report.groups['voice m4a']).toMatchObject({ n: 1, min_lufs: -17.9 });
		expect(report.groups.sounds?.held_to_target).toBe(false);
		expect(report.groups.ambience?.held_to_target).toBe(false);
		expect(report.tolerance_lu).toBe(LOUDNESS_TOLERANCE_LU);
	});

	it('lists the files off target only in the groups made to it', () => {
		expect(offTarget(report).map((f) => f.path)).toEqual(['voice/b.webm']);
	});
});
