/**
 * Contact sheets for checking clips by eye: six frames of each clip in one PNG.
 * Usage: tsx scripts/media/video/preview.ts OUT_DIR [clip-id...]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ClipRenderer, clipDuration, HEIGHT, WIDTH } from './clip';
import { CLIPS } from './clips';
import { Raster } from './raster';

const [out = '/tmp/limber-preview', ...ids] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
for (const clip of CLIPS.filter((c) => ids.length === 0 || ids.includes(c.id))) {
	const r = new ClipRenderer(clip);
	const T = clipDuration(clip);
	const times = [0, T / 6, (2 * T) / 6, r.posterTime, (4 * T) / 6, (5 * T) / 6];
	const frames: Uint8Array[] = [];
	for (const t of times) {
		const raster = new Raster(WIDTH, HEIGHT);
		r.render(t, raster);
		frames.push(raster.data);
	}
	const res = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${WIDTH}x${HEIGHT}`, '-i', '-', '-vf', 'tile=3x2:padding=4:color=black', '-frames:v', '1', join(out, `${clip.id}.png`)], { input: Buffer.concat(frames) });
	if (res.status !== 0) throw new Error(String(res.stderr));
	const poster = new Raster(WIDTH, HEIGHT);
	r.render(r.posterTime, poster);
	const png = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${WIDTH}x${HEIGHT}`, '-i', '-', '-frames:v', '1', join(out, `${clip.id}-poster.png`)], { input: Buffer.from(poster.data) });
	if (png.status !== 0) throw new Error(String(png.stderr));
	console.log(clip.id, T.toFixed(2), 's; poster at', r.posterTime.toFixed(2));
}
