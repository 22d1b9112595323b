/**
 * Renders every exercise clip and encodes it for the web: WebM (VP9, constrained
 * quality), MP4 (H.264 Main, yuv420p, faststart) and a poster (WebP, the held pose, at
 * twice the video size so it prints cleanly). Frames go to ffmpeg as raw RGB on stdin;
 * one ffmpeg process writes both videos. Encoders run bit-exact without metadata and
 * with a fixed thread count, so reruns on the same ffmpeg give the same files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ClipRenderer, FPS, frameCount, frameTime, HEIGHT, WIDTH, type ClipDef } from './clip';
import { Raster } from './raster';

export interface EncodedClip {
	readonly id: string;
	readonly description: string;
	/** Paths relative to static/media. */
	readonly files: readonly [string, string];
	readonly poster: string;
	/** Seconds, as ffprobe reads the WebM back. */
	readonly duration: number;
	readonly bytes: { readonly webm: number; readonly mp4: number; readonly poster: number };
}

const COLOUR = ['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv'];
const QUIET = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'];
const EXACT = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-threads', '2'];

/** Run ffmpeg with raw RGB frames on stdin, writing them as they are rendered. */
async function pipeFrames(args: readonly string[], frames: Iterable<Uint8Array>): Promise<void> {
	const ff = spawn('ffmpeg', [...args], { stdio: ['pipe', 'inherit', 'pipe'] });
	let stderr = '';
	ff.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
	const done = new Promise<void>((resolve, reject) => {
		ff.on('error', reject);
		ff.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${stderr.trim()}`))));
	});
	for (const frame of frames) {
		if (!ff.stdin.write(frame)) await new Promise<void>((resolve) => ff.stdin.once('drain', resolve));
	}
	ff.stdin.end();
	await done;
}

export function probeDuration(file: string): number {
	const res = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' });
	const d = Number.parseFloat(res.stdout.trim());
	if (res.status !== 0 || !Number.isFinite(d) || d <= 0) throw new Error(`ffprobe could not read the duration of ${file}: ${res.stderr}`);
	return d;
}

function* frames(renderer: ClipRenderer, count: number): Generator<Uint8Array> {
	const raster = new Raster(WIDTH, HEIGHT);
	for (let i = 0; i < count; i++) {
		renderer.render(frameTime(renderer.clip, i), raster);
		yield Buffer.from(raster.data);
	}
}

export async function encodeClip(clip: ClipDef, outDir: string): Promise<EncodedClip> {
	const renderer = new ClipRenderer(clip);
	const n = frameCount(clip);
	const webm = join(outDir, `${clip.id}.webm`);
	const mp4 = join(outDir, `${clip.id}.mp4`);
	const poster = join(outDir, `${clip.id}.webp`);
	// Write to temporary names first, so an interrupted run never leaves a half file in place.
	const tmp = (f: string) => f.replace(/\.(\w+)$/, '.partial.$1');
	await pipeFrames(
		[
			...QUIET,
			...['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${WIDTH}x${HEIGHT}`, '-r', String(FPS), '-i', '-'],
			...['-vf', 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p', ...COLOUR, ...EXACT, '-an'],
			// VP9 in constrained-quality mode: CRF with a bitrate ceiling; a keyframe every 2 s for seeking.
			...['-c:v', 'libvpx-vp9', '-crf', '36', '-b:v', '220k', '-row-mt', '1', '-deadline', 'good', '-cpu-used', '2', '-g', '48', '-f', 'webm', tmp(webm)],
			...['-vf', 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p', ...COLOUR, ...EXACT, '-an'],
			...['-c:v', 'libx264', '-profile:v', 'main', '-preset', 'slow', '-tune', 'animation', '-crf', '25', '-maxrate', '400k', '-bufsize', '800k', '-g', '48'],
			...['-movflags', '+faststart', '-f', 'mp4', tmp(mp4)]
		],
		frames(renderer, n)
	);
	// The poster: the held pose, rendered at twice the size for print.
	const big = new Raster(WIDTH * 2, HEIGHT * 2);
	renderer.render(renderer.posterTime, big);
	await pipeFrames(
		[...QUIET, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${WIDTH * 2}x${HEIGHT * 2}`, '-i', '-', ...EXACT, '-c:v', 'libwebp', '-quality', '88', '-compression_level', '6', '-frames:v', '1', '-f', 'webp', tmp(poster)],
		[big.data]
	);
	for (const f of [webm, mp4, poster]) renameSync(tmp(f), f);
	const duration = probeDuration(webm);
	const mp4Duration = probeDuration(mp4);
	if (Math.abs(duration - mp4Duration) > 0.05) throw new Error(`${clip.id}: WebM lasts ${duration} s but MP4 ${mp4Duration} s`);
	return {
		id: clip.id,
		description: clip.description,
		files: [`video/${clip.id}.webm`, `video/${clip.id}.mp4`],
		poster: `video/${clip.id}.webp`,
		duration,
		bytes: { webm: statSync(webm).size, mp4: statSync(mp4).size, poster: statSync(poster).size }
	};
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0).padStart(4)} KB`;
