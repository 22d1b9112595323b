/**
 * A clinic's recordings replace the generated voice for their phrases: matched by phrase id,
 * trimmed, normalised, encoded, marked "recorded" in the manifest; and one report lists what
 * is missing, what matches nothing and what is too long for its place (not installed).
 * The end-to-end part needs ffmpeg (installed by .ci/run) and runs on the fixture routine
 * with recordings the test writes itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importVoice, matchRecordings, reportLines, type ImportReport } from '../../../../scripts/media/import-voice';
import { AUDIO, loudness } from '../../../../scripts/media/voice-audio';
import { manifestJson } from '../../../../scripts/media/voice';
import { voiceFileBase } from '../../../../scripts/media/voice-id';
import { phraseSlots } from '../../../../scripts/media/voice-slots';
import { loadRoutines, spokenTexts } from '../../../../scripts/media/voice-texts';
import { ROOT } from '../../content/shipped';
import { toneWav } from './wav';

const ROUTINES = `${ROOT}tests/unit/fixtures/content/routines`;
const routines = loadRoutines(ROUTINES);
const slots = phraseSlots(routines, () => 1000);
const id = (text: string) => voiceFileBase(text);

describe('matchRecordings', () => {
	it('matches files named by phrase id in the four formats, whatever the case, and nothing else', () => {
		const release = id('Release');
		const press = id('Press');
		const { matched, unmatched } = matchRecordings([`${release}.WAV`, `${press}.mp3`, 'hello.wav', `${release}.flac`, 'notes.txt', `${id('Rest.')}.ogg`], slots);
		expect(Object.fromEntries(matched)).toEqual({ [press]: `${press}.mp3`, [release]: `${release}.WAV` });
		// A second recording of the same phrase is not silently dropped: it is listed.
		expect(unmatched.sort()).toEqual([`${release}.flac`, `${id('Rest.')}.ogg`, 'hello.wav', 'notes.txt'].sort());
	});
});

describe('reportLines', () => {
	it('says in one list what was installed, too long (by how much), unmatched and missing', () => {
		const r: ImportReport = {
			installed: [{ id: 'aaa', text: 'Release', lengthMs: 900 }],
			tooLong: [{ id: 'bbb', text: 'Pelvic tilt. Press', file: 'bbb.wav', lengthMs: 3590, maxMs: 2850, overMs: 740 }],
			unmatched: ['hello.wav'],
			missing: slots.slice(0, 2)
		};
		const lines = reportLines(r);
		expect(lines[0]).toBe('1 recording installed.');
		expect(lines).toContain('  bbb.wav: 3.59 s, at most 2.85 s, 0.74 s too long: "Pelvic tilt. Press"');
		expect(lines).toContain('  hello.wav');
		expect(lines.some((l) => l.startsWith('2 phrases not recorded'))).toBe(true);
	});
});

const hasFfmpeg = spawnSync('sh', ['-c', 'command -v ffmpeg && command -v ffprobe']).status === 0;

describe.skipIf(!hasFfmpeg)('importVoice with recordings on disk', () => {
	let dir = '';
	let voiceDir = '';
	let report: ImportReport;
	const release = id('Release');
	const pelvic = id('Pelvic tilt. Press');

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'limber-import-test-'));
		voiceDir = join(dir, 'voice');
		const recordings = join(dir, 'recordings');
		mkdirSync(voiceDir);
		mkdirSync(recordings);
		// A generated voice for every phrase, as `npm run media` leaves it.
		const voices = Object.fromEntries(
			spokenTexts(routines).map((t) => [t, { files: [`voice/${id(t)}.webm`, `voice/${id(t)}.m4a`] as [string, string], durationMs: 1000, engine: 'festival' as const, voice: 'cmu_us_slt_arctic_hts', style: 'crisp' as const }])
		);
		writeFileSync(join(voiceDir, 'manifest.json'), manifestJson(voices));
		writeFileSync(join(recordings, `${release}.wav`), toneWav(0.8));
		writeFileSync(join(recordings, `${pelvic}.wav`), toneWav(3.5));
		writeFileSync(join(recordings, 'hello.wav'), toneWav(0.5));
		writeFileSync(join(recordings, 'notes.txt'), 'take 2 was better');
		report = await importVoice({ recordingsDir: recordings, routinesDir: ROUTINES, voiceDir });
	}, 60_000);

	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('installs a recording that fits, trimmed of its silence, in both formats', () => {
		expect(report.installed.map((i) => i.text)).toEqual(['Release']);
		// 0.8 s of sound plus the usual lead and tail, the 0.3 s of quiet either side gone.
		const ms = report.installed[0]?.lengthMs ?? 0;
		expect(ms).toBeGreaterThan(800);
		expect(ms).toBeLessThan(800 + AUDIO.leadMs + AUDIO.tailMs + 60);
		expect(existsSync(join(voiceDir, `${release}.webm`))).toBe(true);
		expect(existsSync(join(voiceDir, `${release}.m4a`))).toBe(true);
	});

	it('normalises it to the loudness of every other phrase', async () => {
		const { i } = await loudness(join(voiceDir, `${release}.webm`));
		expect(Math.abs(i - AUDIO.lufs)).toBeLessThan(1.5);
	});

	it('marks it recorded in the manifest and leaves the other phrases as they were', () => {
		const m = JSON.parse(readFileSync(join(voiceDir, 'manifest.json'), 'utf8')) as { voices: Record<string, { engine: string; voice: string; durationMs: number; files: string[] }> };
		expect(m.voices.Release).toMatchObject({ engine: 'recorded', voice: 'clinic', files: [`voice/${release}.webm`, `voice/${release}.m4a`] });
		expect(m.voices.Release?.durationMs).toBe(report.installed[0]?.lengthMs);
		expect(m.voices['Pelvic tilt. Press']).toMatchObject({ engine: 'festival', durationMs: 1000 });
		expect(Object.keys(m.voices).length).toBe(spokenTexts(routines).length);
	});

	it('reports a recording too long for its place, by how much, without installing it', () => {
		expect(report.tooLong).toHaveLength(1);
		const t = report.tooLong[0];
		expect(t?.text).toBe('Pelvic tilt. Press');
		expect(t?.maxMs).toBe(2850);
		expect(t?.overMs).toBeGreaterThan(500);
		expect(t?.overMs).toBeCloseTo((t?.lengthMs ?? 0) - 2850, 6);
		expect(existsSync(join(voiceDir, `${pelvic}.webm`))).toBe(false);
	});

	it('reports the files that match no phrase and the phrases not recorded', () => {
		expect([...report.unmatched].sort()).toEqual(['hello.wav', 'notes.txt']);
		expect(report.missing.map((s) => s.text)).not.toContain('Release');
		// The one too long is listed there, not as missing.
		expect(report.missing.map((s) => s.text)).not.toContain('Pelvic tilt. Press');
		expect(report.missing.map((s) => s.text)).toContain('Rest.');
		expect(report.missing).toHaveLength(spokenTexts(routines).length - 2);
	});
});
