/**
 * Builds every exercise clip into static/media/video/ and lists them under `videos:` in
 * src/content/media.yaml, with durations read back from the encoded files.
 *
 * A cache outside static/ (node_modules/.cache) records each clip's fingerprint (its
 * frames' joint positions and scene, the renderer's source and the ffmpeg version); a
 * clip whose fingerprint and files are unchanged is not encoded again.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { mediaCatalog } from '../../../src/lib/routine/schema';
import { clipDuration, ClipRenderer, type ClipDef } from './clip';
import { partTimes } from './motion';
import { CLIPS } from './clips';
import { encodeClip, kb, type EncodedClip } from './encode';

const here = dirname(fileURLToPath(import.meta.url));
/** Source files that decide how a clip's frames and files look (the others only decide joint positions, which the fingerprint holds). */
const RENDERER = ['raster.ts', 'scene.ts', 'clip.ts', 'encode.ts'];

type Cache = Record<string, { readonly fingerprint: string; readonly clip: EncodedClip }>;

function readCache(file: string): Cache {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as Cache;
	} catch {
		return {};
	}
}

function fingerprint(clip: ClipDef, renderer: string): string {
	return createHash('sha256').update(renderer).update(new ClipRenderer(clip).fingerprint()).digest('hex');
}

function unchanged(outDir: string, e: EncodedClip): boolean {
	const sizes: [string, number][] = [
		[e.files[0], e.bytes.webm],
		[e.files[1], e.bytes.mp4],
		[e.poster, e.bytes.poster]
	];
	return sizes.every(([f, size]) => {
		const abs = join(outDir, '..', f);
		return existsSync(abs) && statSync(abs).size === size;
	});
}

/** A description as YAML: plain when short and safe, else folded (`>-`) at about 96 columns like the rest of the file. */
export function describe(text: string): string {
	const plain = /^[A-Za-z0-9][^:#'"\n]*$/.test(text) && !text.includes(': ') && !/\s$/.test(text);
	if (plain && text.length <= 80) return ` ${text}`;
	const words = text.split(/\s+/);
	const lines: string[] = [];
	let line = '';
	for (const w of words) {
		if (line && line.length + 1 + w.length > 90) {
			lines.push(line);
			line = w;
		} else line = line ? `${line} ${w}` : w;
	}
	if (line) lines.push(line);
	return ` >-\n${lines.map((l) => `      ${l}`).join('\n')}`;
}

/**
 * The parts of a phased clip for media.yaml: the last one runs to the file's end (its last
 * frame is the first again). A rhythmic clip's one looping part is the whole file.
 */
function partsYaml(def: ClipDef | undefined, fileDuration: number): string[] {
	if (def?.loopPart) return ['    parts:', `      ${def.loopPart}: { in: 0, out: ${fileDuration}, loop: true }`];
	if (!def?.parts) return [];
	const parts = partTimes(def.motion, def.parts);
	const end = clipDuration(def);
	const s = (t: number) => Number(t.toFixed(3));
	return ['    parts:', ...parts.map((p) => `      ${p.name}: { in: ${s(p.in)}, out: ${s(p.out >= end - 1e-6 ? fileDuration : p.out)} }`)];
}

export function videosYaml(clips: readonly EncodedClip[], defs: ReadonlyMap<string, ClipDef> = new Map()): string {
	const lines = [
		'# Exercise clips, made by `npm run media` (scripts/media/video/): a figure animated between',
		'# key poses, one loop per file, WebM/VP9 first and MP4/H.264 second. The poster is the held',
		'# pose (twice the video size, for print). Durations are read back from the files. A clip made',
		"# for a repetition's phases names its parts (one per phase, in order; a rhythmic clip, walking",
		'# or kicking, has one part that loops); a clip of one side says which (the other side is',
		'# shown mirrored).',
		'videos:'
	];
	for (const c of clips) {
		lines.push(
			`  ${c.id}:`,
			`    files: [${c.files.join(', ')}]`,
			`    poster: ${c.poster}`,
			`    duration: ${c.duration}`,
			`    description:${describe(c.description)}`,
			...partsYaml(defs.get(c.id), c.duration),
			...(defs.get(c.id)?.side ? [`    side: ${defs.get(c.id)?.side}`] : [])
		);
	}
	return `${lines.join('\n')}\n`;
}

/** Replace the `videos:` block of media.yaml (and the comment right above it), leaving the rest as written. */
export function replaceVideos(yamlText: string, block: string): string {
	return replaceBlock(yamlText, 'videos', block);
}

/** Replace a top-level block of media.yaml (and the comment right above it), leaving the rest as written. */
export function replaceBlock(yamlText: string, key: string, block: string): string {
	const lines = yamlText.split('\n');
	const at = lines.findIndex((l) => l.startsWith(`${key}:`));
	if (at === -1) throw new Error(`media.yaml has no top-level "${key}:" key`);
	let start = at;
	while (start > 0 && /^#/.test(lines[start - 1] ?? '')) start--;
	let end = lines.findIndex((l, i) => i > at && /^[A-Za-z]/.test(l));
	if (end === -1) end = lines.length;
	// Keep a comment block that introduces the next key.
	while (end > at + 1 && /^#/.test(lines[end - 1] ?? '')) end--;
	while (end > at + 1 && (lines[end - 1] ?? '').trim() === '') end--;
	const after = lines.slice(end);
	while (after.length > 0 && (after[0] ?? '').trim() === '') after.shift();
	return [...lines.slice(0, start), ...block.replace(/\n$/, '').split('\n'), ...(after.length ? ['', ...after] : [])].join('\n');
}

export async function buildVideos(repo: string, log: (line: string) => void, force = false): Promise<EncodedClip[]> {
	const started = performance.now();
	const outDir = join(repo, 'static', 'media', 'video');
	const cacheFile = join(repo, 'node_modules', '.cache', 'limber-media', 'video.json');
	mkdirSync(outDir, { recursive: true });
	mkdirSync(dirname(cacheFile), { recursive: true });
	const ids = new Set<string>();
	for (const c of CLIPS) {
		if (ids.has(c.id)) throw new Error(`two clips are called ${c.id}`);
		ids.add(c.id);
	}
	const ffmpeg = spawnSync('ffmpeg', ['-version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '';
	const renderer = ffmpeg + RENDERER.map((f) => readFileSync(join(here, f), 'utf8')).join('\n');
	const cache = force ? {} : readCache(cacheFile);
	const next: Cache = {};
	const out: EncodedClip[] = [];
	let made = 0;
	for (const clip of CLIPS) {
		const fp = fingerprint(clip, renderer);
		const hit = cache[clip.id];
		let e: EncodedClip;
		if (hit && hit.fingerprint === fp && unchanged(outDir, hit.clip) && hit.clip.description === clip.description) {
			e = hit.clip;
		} else {
			const t = performance.now();
			e = await encodeClip(clip, outDir);
			made++;
			log(
				`video: ${e.id.padEnd(24)} ${e.duration.toFixed(3).padStart(6)} s  webm ${kb(e.bytes.webm)}  mp4 ${kb(e.bytes.mp4)}  poster ${kb(e.bytes.poster)}  (${((performance.now() - t) / 1000).toFixed(1)} s)`
			);
			next[clip.id] = { fingerprint: fp, clip: e };
			// Save as we go, so an interrupted run keeps what it finished.
			writeFileSync(cacheFile, JSON.stringify({ ...cache, ...next }));
		}
		next[clip.id] = { fingerprint: fp, clip: e };
		out.push(e);
	}
	writeFileSync(cacheFile, JSON.stringify(next));

	const keep = new Set(out.flatMap((e) => [...e.files, e.poster]));
	for (const f of readdirSync(outDir)) {
		if (!keep.has(`video/${f}`)) {
			rmSync(join(outDir, f));
			log(`video: removed stale video/${f}`);
		}
	}

	const catalogFile = join(repo, 'src', 'content', 'media.yaml');
	const before = readFileSync(catalogFile, 'utf8');
	const after = replaceVideos(before, videosYaml(out, new Map(CLIPS.map((c) => [c.id, c]))));
	// Never write a catalogue the app would reject.
	mediaCatalog.parse(parse(after));
	if (after !== before) {
		writeFileSync(catalogFile, after);
		log('video: updated videos in src/content/media.yaml');
	}
	const bytes = out.reduce((s, e) => s + e.bytes.webm + e.bytes.mp4 + e.bytes.poster, 0);
	log(`video: ${out.length} clips (${made} encoded), ${(bytes / 1024 / 1024).toFixed(2)} MB in static/media/video (${((performance.now() - started) / 1000).toFixed(1)} s)`);
	return out;
}
