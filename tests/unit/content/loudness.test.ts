/**
 * The committed loudness report (bench/results/loudness.json, `npm run media:loudness`)
 * covers every voice, sound and track file as it is now, and the files normalised to the
 * target measure within tolerance of it: every phrase, and the short ones as loud as the rest.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HELD_TO_TARGET, offTarget, SHORT_PHRASE_MS, type LoudnessReport } from '../../../scripts/media/loudness-report';
import type { VoiceManifest } from '../../../src/lib/media/voice-manifest';
import { AUDIO } from '../../../scripts/media/voice-audio';

const media = fileURLToPath(new URL('../../../static/media/', import.meta.url));
const report = JSON.parse(readFileSync(fileURLToPath(new URL('../../../bench/results/loudness.json', import.meta.url)), 'utf8')) as LoudnessReport;
const manifest = JSON.parse(readFileSync(`${media}voice/manifest.json`, 'utf8')) as VoiceManifest;

function median(values: readonly number[]): number {
	const v = [...values].sort((a, b) => a - b);
	return v.length ? (v[Math.floor(v.length / 2)] as number) : NaN;
}

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

	it('the voice sits on the target: median within 0.5 LU, every phrase within tolerance, all within 1 LU of each other', () => {
		const voice = report.files.filter((f) => f.group === 'voice');
		expect(Math.abs(median(voice.map((f) => f.lufs)) - AUDIO.lufs)).toBeLessThanOrEqual(0.5);
		expect(offTarget({ ...report, files: voice }).map((f) => `${f.path} ${f.lufs}`)).toEqual([]);
		// Each file is settled on the target after encoding (voice-audio.ts), to within a few tenths.
		expect(report.groups.voice?.spread_lu).toBeLessThanOrEqual(1);
	});

	it('short phrases (one-word counts, "Done.") are as loud as the longer ones', () => {
		// By the manifest's lengths, not the report's, so a report that predates them is held too.
		const short = new Set(
			Object.values(manifest.voices)
				.filter((v) => v.durationMs < SHORT_PHRASE_MS)
				.flatMap((v) => v.files)
		);
		const voice = report.files.filter((f) => f.group === 'voice');
		const [shortFiles, longer] = [voice.filter((f) => short.has(f.path)), voice.filter((f) => !short.has(f.path))];
		expect(shortFiles.length).toBeGreaterThan(20);
		// A listener notices about 1 LU between two phrases in a row.
		expect(Math.abs(median(shortFiles.map((f) => f.lufs)) - median(longer.map((f) => f.lufs)))).toBeLessThanOrEqual(0.5);
		expect(shortFiles.filter((f) => Math.abs(f.lufs - AUDIO.lufs) > 1).map((f) => `${f.path} ${f.lufs}`)).toEqual([]);
	});

	it('holds the groups made to the target, and only those', () => {
		expect([...HELD_TO_TARGET].sort()).toEqual(['tracks', 'voice']);
		for (const [key, g] of Object.entries(report.groups)) expect(g.held_to_target, key).toBe(HELD_TO_TARGET.some((h) => key.startsWith(h)));
	});
});
