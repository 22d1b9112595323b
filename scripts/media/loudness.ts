/**
 * npm run media:loudness [-- --check]
 *
 * Measures the integrated loudness (EBU R128, ffmpeg's loudnorm analysis, as voice-audio.ts
 * normalises by) and true peak of every file the app plays: the spoken cues, the cue
 * sounds, the relaxation session tracks and the ambience bed, in both formats. Writes
 * bench/results/loudness.json with each file's figures and, per group and format, the
 * spread (min, p50, max) against what the group is made to:
 *
 * - voice: normalised to AUDIO.lufs (−18 LUFS) one phrase at a time, each file measured and
 *   settled on it after encoding; phrases under SHORT_PHRASE_MS also as "voice short";
 * - tracks: voice and sounds mixed at their own levels with silence between, so their gated
 *   integrated loudness should sit near the voice's;
 * - sounds: peak-normalised beeps and bells, not loudness-normalised: reported, not held to
 *   the target (a short bright beep reads louder than its LUFS figure says);
 * - ambience: a hush at TRACK.ambience.rmsDb under the voice, far below the target on purpose.
 *
 * `--check` measures and compares with the committed report instead of writing it: exit 1
 * when a file is missing from it or measures more than 0.5 LU away.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOUDNESS_TOLERANCE_LU, summariseLoudness, type LoudnessGroup, type LoudnessReport, type MeasuredFile } from './loudness-report';
import { AUDIO } from './voice-audio';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const media = join(repo, 'static', 'media');
const reportFile = join(repo, 'bench', 'results', 'loudness.json');

function ffmpeg(args: readonly string[]): Promise<string> {
	return new Promise((ok, fail) => {
		const p = spawn('ffmpeg', ['-nostdin', '-hide_banner', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
		let err = '';
		p.stderr.on('data', (d: Buffer) => (err += d.toString()));
		p.on('error', fail);
		p.on('close', (code) => (code === 0 ? ok(err) : fail(new Error(`ffmpeg exited ${code}: ${err.trim().slice(-400)}`))));
	});
}

/** Integrated loudness and true peak; padded with silence so a word shorter than the 400 ms gate still measures. */
async function measure(file: string): Promise<{ i: number; tp: number }> {
	const err = await ffmpeg(['-loglevel', 'info', '-i', file, '-af', 'apad=pad_dur=0.5,loudnorm=print_format=json', '-f', 'null', '-']);
	const m = JSON.parse(err.slice(err.lastIndexOf('{'), err.lastIndexOf('}') + 1)) as { input_i?: string; input_tp?: string };
	return { i: Number.parseFloat(m.input_i ?? 'NaN'), tp: Number.parseFloat(m.input_tp ?? 'NaN') };
}

function groupOf(folder: string, name: string): LoudnessGroup | null {
	if (!/\.(webm|m4a)$/.test(name)) return null;
	if (folder === 'voice') return 'voice';
	if (folder === 'sounds') return 'sounds';
	if (folder === 'tracks') return name.startsWith('ambience-') ? 'ambience' : 'tracks';
	return null;
}

type Listed = { path: string; group: LoudnessGroup; bytes: number; speech_ms?: number };

/** Each voice file's phrase length, from the manifest: short phrases are reported on their own too. */
function speechLengths(): Map<string, number> {
	const manifest = JSON.parse(readFileSync(join(media, 'voice', 'manifest.json'), 'utf8')) as { voices: Record<string, { files: string[]; durationMs: number }> };
	return new Map(Object.values(manifest.voices).flatMap((v) => v.files.map((f) => [f, v.durationMs] as const)));
}

function listFiles(): Listed[] {
	const out: Listed[] = [];
	const lengths = speechLengths();
	for (const folder of ['voice', 'sounds', 'tracks']) {
		for (const name of readdirSync(join(media, folder)).sort()) {
			const group = groupOf(folder, name);
			const path = `${folder}/${name}`;
			const speech = lengths.get(path);
			if (group) out.push({ path, group, bytes: statSync(join(media, folder, name)).size, ...(speech === undefined ? {} : { speech_ms: speech }) });
		}
	}
	return out;
}

async function measureAll(files: ReturnType<typeof listFiles>, log: (s: string) => void): Promise<MeasuredFile[]> {
	const results: MeasuredFile[] = new Array(files.length);
	let next = 0;
	let done = 0;
	const worker = async () => {
		while (next < files.length) {
			const k = next++;
			const f = files[k] as (typeof files)[number];
			const { i, tp } = await measure(join(media, f.path));
			results[k] = { ...f, lufs: Math.round(i * 10) / 10, true_peak_dbtp: Math.round(tp * 10) / 10 };
			if (++done % 100 === 0) log(`loudness: ${done} of ${files.length}`);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(4, cpus().length)) }, worker));
	return results;
}

async function main(): Promise<void> {
	const check = process.argv.includes('--check');
	const started = performance.now();
	const log = (s: string) => console.log(s);
	const files = listFiles();
	log(`loudness: measuring ${files.length} files in static/media/{voice,sounds,tracks}`);
	const measured = await measureAll(files, log);
	const report: LoudnessReport = summariseLoudness(measured, AUDIO.lufs);
	for (const [key, g] of Object.entries(report.groups)) {
		log(
			`${key.padEnd(16)} n ${String(g.n).padStart(4)}  min ${g.min_lufs}  p50 ${g.p50_lufs}  max ${g.max_lufs} LUFS  spread ${g.spread_lu} LU  ` +
				(g.held_to_target ? `worst ${g.worst_off_target_lu} LU off ${report.target_lufs}` : '(not held to the target)')
		);
	}
	if (check) {
		const committed = JSON.parse(readFileSync(reportFile, 'utf8')) as LoudnessReport;
		const before = new Map(committed.files.map((f) => [f.path, f]));
		const problems = measured.flatMap((f) => {
			const was = before.get(f.path);
			if (!was) return [`${f.path}: not in the committed report`];
			return Math.abs(was.lufs - f.lufs) > 0.5 ? [`${f.path}: ${f.lufs} LUFS, report says ${was.lufs}`] : [];
		});
		for (const p of problems) console.error(p);
		process.exit(problems.length ? 1 : 0);
	}
	writeFileSync(reportFile, `${JSON.stringify({ ...report, measured_at: new Date().toISOString() }, null, '\t')}\n`);
	log(`loudness: wrote bench/results/loudness.json (tolerance ±${LOUDNESS_TOLERANCE_LU} LU; ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

await main();
