/**
 * The committed loudness report (bench/results/loudness.json, `npm run media:loudness`)
 * covers every voice, sound and track file as it is now, and the files normalised to the
 * target measure within tolerance of it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HELD_TO_TARGET, offTarget, type LoudnessReport } from '../../../scripts/media/loudness-report';
import { AUDIO } from '../../../scripts/media/voice-audio';

const media = fileURLToPath(new URL('../../../static/media/', import.meta.url));
const report = JSON.parse(readFileSync(fileURLToPath(new URL('../../../bench/results/loudness.json', import.meta.url)), 'utf8')) as LoudnessReport;

describe('loudness report', () => {
	it('measures every voice, sound and track file as committed (run `npm run media:loudness` after remaking media)', () => {
		const onDisk = ['voice', 'sounds', 'tracks'].flatMap((d) =>
			readdirSync(`${media}${d}`)
				.filter((f) => /\.(webm|m4a)$/.test(f))
				.map((f) => ({ path: `${d}/${f}`, bytes: statSync(`${media}${d}/${f}`).size }))
		);
		const inReport = report.files.map((f) => ({ path: f.path, bytes: f.bytes }));
		expect(inReport.sort((a, b) => a.path.localeCompare(b.path))).toEqual(onDisk.sort((a, b) => a.path.localeCompare(b.path)));
	});

	it('is measured against the target the voice is normalised to', () => {
		expect(report.target_lufs).toBe(AUDIO.lufs);
	});

	it('the session tracks sit within tolerance of the target', () => {
		const tracks = report.files.filter((f) => f.group === 'tracks');
		expect(tracks.length).toBeGreaterThan(0);
		expect(offTarget({ ...report, files: tracks })).toEqual([]);
	});

	it('the voice sits on the target: median within 0.5 LU, 99 % within tolerance, none louder than tolerance', () => {
		const voice = report.files.filter((f) => f.group === 'voice');
		const sorted = voice.map((f) => f.lufs).sort((a, b) => a - b);
		expect(Math.abs((sorted[Math.floor(sorted.length / 2)] ?? Infinity) - AUDIO.lufs)).toBeLessThanOrEqual(0.5);
		const off = offTarget({ ...report, files: voice });
		// The limiter can only take loudness away: the few off are short words made quieter by
		// it ("Two.", "Six."), never louder ones.
		expect(off.length / voice.length).toBeLessThanOrEqual(0.01);
		for (const f of off) expect(f.lufs, f.path).toBeLessThan(AUDIO.lufs);
		expect(Math.max(...sorted)).toBeLessThanOrEqual(AUDIO.lufs + report.tolerance_lu);
	});

	it('holds the groups made to the target, and only those', () => {
		expect([...HELD_TO_TARGET].sort()).toEqual(['tracks', 'voice']);
		for (const [key, g] of Object.entries(report.groups)) expect(g.held_to_target, key).toBe(HELD_TO_TARGET.some((h) => key.startsWith(h)));
	});
});
