/**
 * Session tracks for the relaxation player: for every relaxation (or audio-first) routine
 * and level, the compiled timeline's speech and cue sounds mixed at their offsets (by
 * mixPlan, the live scheduler's own rule) into one continuous mono recording, encoded as
 * WebM/Opus and M4A/AAC (Safari) in static/media/tracks/, plus a soft noise loop for the
 * ambience channel. static/media/tracks/manifest.json lists them with a fingerprint of the
 * cues each was made from; the app offers a track only while that still matches.
 *
 * Mixing happens here in PCM (Float32 at 24 kHz, plenty for speech and the bells), so every
 * clip lands on the sample it is due; ffmpeg only decodes the clips and encodes the result.
 * Tracks carry no ambience: silence costs Opus almost nothing, so a 24-minute track stays
 * small, and the person sets the ambience volume (or turns it off) separately.
 *
 * Reuses a track when its fingerprint, files and the mixing settings are unchanged.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { compile } from '../../src/lib/routine/compile';
import { mediaCatalog } from '../../src/lib/routine/schema';
import { cueFingerprint, mixPlan, type MixItem } from '../../src/lib/media/track-plan';
import { parseTrackManifest, trackManifestJson, wantsTrack, type AmbienceEntry, type TrackEntry } from '../../src/lib/media/track-manifest';
import { parseVoiceManifest } from '../../src/lib/media/voice-manifest';
import { loadRoutines } from './voice-texts';

export const TRACK = {
	rate: 24_000,
	opusKbps: 20,
	aacKbps: 24,
	/** Silence after the last sound ends, so the closing chime is not cut at the file's end. */
	tailMs: 1500,
	ambience: {
		seconds: 40,
		crossfadeSeconds: 4,
		/** RMS level of the noise bed before the channel volume, dBFS: a hush under the voice. */
		rmsDb: -32,
		seed: 0x5eed
	}
} as const;

function run(cmd: string, args: readonly string[], input?: Buffer): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const p = spawn(cmd, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
		const out: Buffer[] = [];
		let stderr = '';
		p.stdout.on('data', (d: Buffer) => out.push(d));
		p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		p.on('error', reject);
		p.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`${cmd} exited ${code}: ${stderr.trim().slice(-800)}`))));
		p.stdin.end(input ?? Buffer.alloc(0));
	});
}

const FF = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'];
const EXACT = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact'];

async function decode(file: string): Promise<Float32Array> {
	const raw = await run('ffmpeg', [...FF, '-i', file, '-f', 'f32le', '-ac', '1', '-ar', String(TRACK.rate), '-']);
	return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4).slice();
}

/** Add each clip into one buffer at its sample; clips cut short fade out linearly. */
export function mixInto(length: number, items: readonly MixItem[], clips: ReadonlyMap<string, Float32Array>, rate: number): Float32Array {
	const out = new Float32Array(length);
	for (const item of items) {
		const clip = clips.get(item.files[0] ?? '');
		if (!clip) throw new Error(`no decoded clip for ${item.files[0]}`);
		const start = Math.round((item.startMs * rate) / 1000);
		const end = item.endMs === null ? start + clip.length : Math.min(start + clip.length, Math.round((item.endMs * rate) / 1000));
		const fadeFrom = item.endMs === null ? end : end - Math.round((item.fadeMs * rate) / 1000);
		for (let i = start; i < end && i < length; i++) {
			const gain = i < fadeFrom ? 1 : (end - i) / Math.max(1, end - fadeFrom);
			out[i] = (out[i] as number) + (clip[i - start] as number) * gain;
		}
	}
	return out;
}

async function encode(pcm: Float32Array, base: string): Promise<void> {
	const input = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
	const src = ['-f', 'f32le', '-ar', String(TRACK.rate), '-ac', '1', '-i', '-'];
	await run('ffmpeg', [...FF, ...src, ...EXACT, '-c:a', 'libopus', '-b:a', `${TRACK.opusKbps}k`, '-application', 'audio', '-f', 'webm', `${base}.webm.partial`], input);
	await run('ffmpeg', [...FF, ...src, ...EXACT, '-c:a', 'aac', '-b:a', `${TRACK.aacKbps}k`, '-movflags', '+faststart', '-f', 'mp4', `${base}.m4a.partial`], input);
	renameSync(`${base}.webm.partial`, `${base}.webm`);
	renameSync(`${base}.m4a.partial`, `${base}.m4a`);
}

/** Seeded PRNG (mulberry32): the same noise on every run, so the files do not churn. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A soft, dark noise bed that loops without a seam: brown-ish noise (integrated white
 * noise with a leak), low-passed twice, with its last seconds cross-faded into its start.
 */
export function ambienceLoop(rate: number): Float32Array {
	const { seconds, crossfadeSeconds, rmsDb, seed } = TRACK.ambience;
	const n = seconds * rate;
	const fade = crossfadeSeconds * rate;
	const next = random(seed);
	const raw = new Float32Array(n + fade);
	let brown = 0;
	let lp1 = 0;
	let lp2 = 0;
	const a = Math.exp((-2 * Math.PI * 600) / rate);
	for (let i = 0; i < raw.length; i++) {
		brown = brown * 0.995 + (next() * 2 - 1) * 0.1;
		lp1 = a * lp1 + (1 - a) * brown;
		lp2 = a * lp2 + (1 - a) * lp1;
		raw[i] = lp2;
	}
	const loop = raw.slice(0, n);
	// Equal-power cross-fade: the tail beyond the loop's end fades into the loop's start.
	for (let i = 0; i < fade; i++) {
		const x = i / fade;
		loop[i] = (raw[i] as number) * Math.sin((x * Math.PI) / 2) + (raw[n + i] as number) * Math.cos((x * Math.PI) / 2);
	}
	let sum = 0;
	for (const s of loop) sum += s * s;
	const rms = Math.sqrt(sum / loop.length);
	const gain = 10 ** (rmsDb / 20) / rms;
	for (let i = 0; i < loop.length; i++) loop[i] = (loop[i] as number) * gain;
	return loop;
}

interface Cache {
	readonly settings: string;
}

export interface TrackResult {
	readonly count: number;
	readonly made: number;
	readonly bytes: number;
}

export async function buildTracks(repo: string, log: (line: string) => void): Promise<TrackResult> {
	const media = join(repo, 'static', 'media');
	const outDir = join(media, 'tracks');
	const manifestFile = join(outDir, 'manifest.json');
	const cacheFile = join(repo, 'node_modules', '.cache', 'limber-media', 'tracks.json');
	mkdirSync(outDir, { recursive: true });
	mkdirSync(dirname(cacheFile), { recursive: true });

	const voicesParsed = parseVoiceManifest(JSON.parse(readFileSync(join(media, 'voice', 'manifest.json'), 'utf8')));
	if (!voicesParsed.ok) throw new Error(`tracks: static/media/voice/manifest.json: ${voicesParsed.error} (run npm run media -- --only voice)`);
	const voices = voicesParsed.manifest;
	const catalog = mediaCatalog.parse(parse(readFileSync(join(repo, 'src', 'content', 'media.yaml'), 'utf8')));
	const ffmpeg = (await run('ffmpeg', ['-version'])).toString().split('\n')[0] ?? '';
	const settings = JSON.stringify({ ...TRACK, ffmpeg, code: mixInto.toString() + encode.toString() + mixPlan.toString() });
	let cached = '';
	try {
		cached = (JSON.parse(readFileSync(cacheFile, 'utf8')) as Cache).settings;
	} catch {
		// No cache: make everything.
	}
	const previous = existsSync(manifestFile) ? parseTrackManifest(JSON.parse(readFileSync(manifestFile, 'utf8'))) : null;
	const old = previous?.ok ? previous.manifest.tracks : [];

	const clips = new Map<string, Float32Array>();
	const clip = async (file: string) => {
		if (!clips.has(file)) clips.set(file, await decode(join(media, file)));
		return clips.get(file) as Float32Array;
	};

	const tracks: TrackEntry[] = [];
	let made = 0;
	for (const r of loadRoutines(join(repo, 'src', 'content', 'routines'))) {
		if (!wantsTrack(r)) continue;
		for (let level = 1; level <= r.levels.length; level++) {
			const timeline = compile(r, level);
			const fingerprint = cueFingerprint(timeline, voices);
			const name = `${r.id}-${level}`;
			const files = [`tracks/${name}.webm`, `tracks/${name}.m4a`];
			const before = old.find((t) => t.routineId === r.id && t.level === level);
			const reusable =
				cached === settings && before?.fingerprint === fingerprint && files.every((f) => existsSync(join(media, f)));
			if (reusable && before) {
				tracks.push(before);
				continue;
			}
			const plan = mixPlan(timeline, voices, catalog.sounds);
			let endMs = timeline.durationMs;
			for (const item of plan) {
				const c = await clip(item.files[0] ?? '');
				endMs = Math.max(endMs, item.endMs ?? item.startMs + (c.length * 1000) / TRACK.rate);
			}
			const durationMs = Math.ceil(endMs + TRACK.tailMs);
			const pcm = mixInto(Math.round((durationMs * TRACK.rate) / 1000), plan, clips, TRACK.rate);
			let peak = 0;
			for (const s of pcm) peak = Math.max(peak, Math.abs(s));
			// Clips are each normalised below full scale; only overlapping ones could sum past it.
			if (peak > 1) for (let i = 0; i < pcm.length; i++) pcm[i] = (pcm[i] as number) / peak;
			await encode(pcm, join(outDir, name));
			tracks.push({ routineId: r.id, level, durationMs, timelineDurationMs: timeline.durationMs, fingerprint, files });
			made++;
			log(`tracks: ${name} ${(durationMs / 60000).toFixed(1)} min, ${plan.length} clips`);
		}
	}

	const ambienceFiles = ['tracks/ambience-soft-noise.webm', 'tracks/ambience-soft-noise.m4a'];
	if (cached !== settings || !ambienceFiles.every((f) => existsSync(join(media, f)))) {
		await encode(ambienceLoop(TRACK.rate), join(outDir, 'ambience-soft-noise'));
		log('tracks: ambience loop made');
	}
	const ambience: AmbienceEntry = { files: ambienceFiles, durationMs: TRACK.ambience.seconds * 1000 };
	writeFileSync(manifestFile, trackManifestJson({ version: 1, ambience, tracks }));

	const keep = new Set(['manifest.json', ...ambienceFiles, ...tracks.flatMap((t) => t.files)].map((f) => f.replace(/^tracks\//, '')));
	for (const f of readdirSync(outDir)) if (!keep.has(f)) rmSync(join(outDir, f));
	writeFileSync(cacheFile, JSON.stringify({ settings } satisfies Cache));
	const bytes = [...keep].reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0);
	log(`tracks: ${tracks.length} tracks (${made} made), ${(bytes / 1024 / 1024).toFixed(2)} MB in static/media/tracks`);
	return { count: tracks.length, made, bytes };
}
