import { describe, expect, it } from 'vitest';
import { LOUDNESS_TOLERANCE_LU, offTarget, SHORT_PHRASE_MS, summariseLoudness, type MeasuredFile } from '../../../../scripts/media/loudness-report';

const file = (path: string, group: MeasuredFile['group'], lufs: number, speechMs?: number): MeasuredFile => ({
	path,
	group,
	bytes: 1,
	lufs,
	true_peak_dbtp: -3,
	...(speechMs === undefined ? {} : { speech_ms: speechMs })
});

describe('loudness report', () => {
	const files = [
		file('voice/a.webm', 'voice', -18.2, 2400),
		file('voice/a.m4a', 'voice', -17.9, 2400),
		file('voice/b.webm', 'voice', -21, 411),
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

	it('reports the short phrases on their own as well, held to the target', () => {
		expect(SHORT_PHRASE_MS).toBe(1000);
		expect(report.groups['voice short']).toMatchObject({ n: 1, min_lufs: -21, max_lufs: -21, held_to_target: true, worst_off_target_lu: 3 });
		expect(summariseLoudness(files.filter((f) => f.path !== 'voice/b.webm'), -18).groups['voice short']).toBeUndefined();
	});

	it('lists the files off target only in the groups made to it', () => {
		expect(offTarget(report).map((f) => f.path)).toEqual(['voice/b.webm']);
	});
});
