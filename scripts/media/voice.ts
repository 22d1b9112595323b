/**
 * Spoken cues: every distinct cue text of every routine level (see voice-texts.ts) is
 * synthesised with espeak-ng, trimmed, loudness-normalised and encoded twice, WebM/Opus
 * and M4A/AAC (for Safari), into static/media/voice/<hash>.{webm,m4a}; then
 * static/media/voice/manifest.json maps each exact text to its files and length.
 *
 * The file name is the first 12 hex digits of the SHA-1 of the text, so a reworded cue
 * gets a new file and an unchanged one keeps its name. Files no longer in the manifest
 * are deleted. A cache outside static/ (node_modules/.cache) remembers which files were
 * made with the current settings, so reruns only synthesise new texts.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadRoutines, spokenTexts } from './voice-texts';

/** Everything that shapes the sound; changing any of it regenerates every phrase. */
export const VOICE = {
	voice: 'en-gb',
	/** Words per minute: a little slower than conversation. */
	speed: 145,
	pitch: 40,
	/** Extra gap between words, in units of 10 ms. */
	wordGap: 2,
	/** Integrated loudness target (EBU R128); a limiter then holds sample peaks here (dBFS). */
	lufs: -18,
	limitDb: -3.5,
	/** Silence before the speech: keeps the attack out of AAC's priming frame. */
	leadMs: 30,
	tailMs: 60,
	opusKbps: 24,
	aacKbps: 22
} as const;

export interface VoiceEntry {
	readonly files: readonly [string, string];
	readonly durationMs: number;
}

export interface VoiceResult {
	readonly count: number;
	readonly made: number;
	readonly bytes: number;
	readonly seconds: number;
}

export const voiceFileBase = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 12);

/** What espeak-ng is asked to say: the same words, with punctuation it would read aloud smoothed. */
export function speakable(text: string): string {
	return text
		.replace(/(\p{L})[–—-](\p{L})/gu, '$1 $2')
		.replace(/\s[–—]\s/g, ', ')
		.replace(/×/g, ' times ');
}

interface Run {
	readonly stdout: string;
	readonly stderr: string;
}

function run(cmd: string, args: readonly string[], input?: string): Promise<Run> {
	return new Promise((resolve, reject) => {
		const p = spawn(cmd, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		p.on('error', reject);
		p.on('close', (code) => (code === 0 ? resolve({ stdout, stderr }) : reject(new Error(`${cmd} exited ${code}: ${stderr.trim().slice(-800)}`))));
		p.stdin.end(input ?? '');
	});
}

const FF = ['-nostdin', '-hide_banner', '-y'];
const EXACT = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact'];

/** Measured integrated loudness and true peak of a file (padded, so very short words still measure). */
async function loudness(wav: string): Promise<{ readonly i: number; readonly tp: number }> {
	const { stderr } = await run('ffmpeg', [...FF, '-loglevel', 'info', '-i', wav, '-af', 'apad=pad_dur=0.5,loudnorm=print_format=json', '-f', 'null', '-']);
	const json = stderr.slice(stderr.lastIndexOf('{'), stderr.lastIndexOf('}') + 1);
	const m = JSON.parse(json) as { input_i?: string; input_tp?: string };
	return { i: Number.parseFloat(m.input_i ?? 'NaN'), tp: Number.parseFloat(m.input_tp ?? 'NaN') };
}

async function durationMs(file: string): Promise<number> {
	const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
	return Math.round(Number.parseFloat(stdout.trim()) * 1000);
}

/** Synthesise one phrase into outDir/<base>.webm and .m4a; returns the speech length in ms. */
async function synthesise(text: string, base: string, outDir: string, tmp: string): Promise<number> {
	const raw = join(tmp, `${base}-raw.wav`);
	const trimmed = join(tmp, `${base}-trim.wav`);
	const final = join(tmp, `${base}.wav`);
	await run('espeak-ng', ['-v', VOICE.voice, '-s', String(VOICE.speed), '-p', String(VOICE.pitch), '-g', String(VOICE.wordGap), '-w', raw, '--stdin'], speakable(text));
	// Trim espeak's silence at both ends, go to 48 kHz mono float.
	const trim = 'silenceremove=start_periods=1:start_threshold=-55dB:start_silence=0.01,areverse,silenceremove=start_periods=1:start_threshold=-55dB:start_silence=0.02,areverse';
	await run('ffmpeg', [...FF, '-loglevel', 'error', '-i', raw, '-af', trim, '-ar', '48000', '-ac', '1', '-c:a', 'pcm_f32le', ...EXACT, trimmed]);
	const { i, tp } = await loudness(trimmed);
	// Linear gain to the target loudness (synthetic speech peaks high, so a fast limiter
	// catches the few peaks that would pass the ceiling); a word too short to measure is
	// peak-normalised instead.
	const gain = Number.isFinite(i) && i > -70 ? VOICE.lufs - i : VOICE.limitDb - (Number.isFinite(tp) ? tp : 0);
	const limit = (10 ** (VOICE.limitDb / 20)).toFixed(4);
	const pad = `adelay=${VOICE.leadMs}:all=1,apad=pad_dur=${VOICE.tailMs / 1000}`;
	const chain = `volume=${gain.toFixed(2)}dB,alimiter=limit=${limit}:attack=3:release=60:level=false,${pad}`;
	await run('ffmpeg', [...FF, '-loglevel', 'error', '-i', trimmed, '-af', chain, '-c:a', 'pcm_s16le', ...EXACT, final]);
	const webm = join(outDir, `${base}.webm`);
	const m4a = join(outDir, `${base}.m4a`);
	await run('ffmpeg', [...FF, '-loglevel', 'error', '-i', final, ...EXACT, '-ac', '1', '-c:a', 'libopus', '-b:a', `${VOICE.opusKbps}k`, '-application', 'voip', '-f', 'webm', `${webm}.partial`]);
	await run('ffmpeg', [...FF, '-loglevel', 'error', '-i', final, ...EXACT, '-ac', '1', '-ar', '24000', '-c:a', 'aac', '-b:a', `${VOICE.aacKbps}k`, '-movflags', '+faststart', '-f', 'mp4', `${m4a}.partial`]);
	renameSync(`${webm}.partial`, webm);
	renameSync(`${m4a}.partial`, m4a);
	const ms = await durationMs(final);
	for (const f of [raw, trimmed, final]) rmSync(f, { force: true });
	return ms;
}

/**
 * The manifest as JSON with its keys in code-point order. (JSON.stringify would put
 * number-like keys such as "10" first, whatever order they were added in.)
 */
export function manifestJson(voices: Readonly<Record<string, VoiceEntry>>): string {
	const keys = Object.keys(voices).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const lines = keys.map((k) => {
		const v = voices[k] as VoiceEntry;
		return `\t\t${JSON.stringify(k)}: { "files": [${v.files.map((f) => JSON.stringify(f)).join(', ')}], "durationMs": ${v.durationMs} }`;
	});
	return `{\n\t"version": 1,\n\t"voices": {\n${lines.join(',\n')}\n\t}\n}\n`;
}

interface Cache {
	readonly settings: string;
	readonly durations: Record<string, number>;
}

function readCache(file: string, settings: string): Record<string, number> {
	try {
		const c = JSON.parse(readFileSync(file, 'utf8')) as Cache;
		return c.settings === settings ? { ...c.durations } : {};
	} catch {
		return {};
	}
}

/** Run tasks with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const item = items[next++] as T;
			await task(item);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function buildVoice(repo: string, log: (line: string) => void): Promise<VoiceResult> {
	const started = performance.now();
	const outDir = join(repo, 'static', 'media', 'voice');
	const cacheFile = join(repo, 'node_modules', '.cache', 'limber-media', 'voice.json');
	mkdirSync(outDir, { recursive: true });
	mkdirSync(dirname(cacheFile), { recursive: true });
	const espeak = (await run('espeak-ng', ['--version'])).stdout.trim();
	const ffmpeg = (await run('ffmpeg', ['-version'])).stdout.split('\n')[0] ?? '';
	const settings = JSON.stringify({ ...VOICE, espeak, ffmpeg, code: speakable.toString() + synthesise.toString() });
	const durations = readCache(cacheFile, settings);

	const texts = spokenTexts(loadRoutines(join(repo, 'src', 'content', 'routines')));
	const bases = new Map<string, string>();
	for (const t of texts) {
		const b = voiceFileBase(t);
		const clash = [...bases].find(([, other]) => other === b);
		if (clash) throw new Error(`voice: "${t}" and "${clash[0]}" share the file name ${b}; lengthen the hash`);
		bases.set(t, b);
	}
	const todo = texts.filter((t) => {
		const b = bases.get(t) as string;
		return durations[b] === undefined || !existsSync(join(outDir, `${b}.webm`)) || !existsSync(join(outDir, `${b}.m4a`));
	});
	const tmp = mkdtempSync(join(tmpdir(), 'limber-voice-'));
	try {
		let done = 0;
		await pool(todo, 3, async (t) => {
			const b = bases.get(t) as string;
			durations[b] = await synthesise(t, b, outDir, tmp);
			done++;
			if (done % 25 === 0 || done === todo.length) log(`voice: synthesised ${done} of ${todo.length}`);
		});
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}

	const voices: Record<string, VoiceEntry> = {};
	for (const t of texts) {
		const b = bases.get(t) as string;
		voices[t] = { files: [`voice/${b}.webm`, `voice/${b}.m4a`], durationMs: durations[b] as number };
	}
	writeFileSync(join(outDir, 'manifest.json'), manifestJson(voices));
	const keep = new Set(['manifest.json', ...[...bases.values()].flatMap((b) => [`${b}.webm`, `${b}.m4a`])]);
	let removed = 0;
	for (const f of readdirSync(outDir)) {
		if (!keep.has(f)) {
			rmSync(join(outDir, f));
			removed++;
		}
	}
	const kept: Record<string, number> = {};
	for (const b of bases.values()) kept[b] = durations[b] as number;
	writeFileSync(cacheFile, JSON.stringify({ settings, durations: kept } satisfies Cache));
	const bytes = [...keep].reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0);
	const speech = Object.values(kept).reduce((s, ms) => s + ms, 0) / 1000;
	log(
		`voice: ${texts.length} phrases (${todo.length} new, ${removed} stale files removed), ${(speech / 60).toFixed(1)} min of speech, ${(bytes / 1024 / 1024).toFixed(2)} MB in static/media/voice (${((performance.now() - started) / 1000).toFixed(1)} s)`
	);
	return { count: texts.length, made: todo.length, bytes, seconds: speech };
}
