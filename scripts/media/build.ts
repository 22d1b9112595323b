/**
 * npm run media [-- --force] [-- --only sounds|video|pictures|voice|tracks]
 *
 * Makes all of Limber's demo media from scratch, reproducibly: cue sounds (generate.sh,
 * sox), exercise clips (video/, drawn in TypeScript and encoded with ffmpeg) and spoken
 * cues (voice.ts: festival's HTS voice, espeak-ng as the fallback), the back-school talk pictures
 * (talk-pictures/, SVG), then the relaxation session tracks mixed from those cues
 * (tracks.ts, ffmpeg; `npm run media:tracks` makes only them). Unchanged clips and phrases are reused from a cache in
 * node_modules/.cache; --force makes everything again. Ends by checking that every
 * exercise outside audio-first routines names a clip, and printing the total size of
 * static/media against its budget.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVideos } from './video/videos';
import { buildTracks } from './tracks';
import { buildTalkPictures } from './talk-pictures/build';
import { buildVoice } from './voice';
import { loadRoutines } from './voice-texts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Session tracks (about 12 MB for two formats) came after the first 25 MB budget, the talk
// pictures and phase clips after the 40 MB one. A browser
// downloads only the one track and format it plays.
const BUDGET_BYTES = 60 * 1024 * 1024;

const args = process.argv.slice(2);
const force = args.includes('--force');
const onlyAt = args.indexOf('--only');
const only = onlyAt === -1 ? null : (args[onlyAt + 1] ?? '');
if (only !== null && !['sounds', 'video', 'pictures', 'voice', 'tracks'].includes(only)) {
	console.error('usage: npm run media [-- --force] [-- --only sounds|video|pictures|voice|tracks]');
	process.exit(2);
}
const wants = (part: string) => only === null || only === part;

// Tracks are mixed in TypeScript from the committed voice and sound files: ffmpeg suffices.
// The default voice is festival's HTS voice (voice-engines.ts); LIMBER_VOICE=espeak-ng does without it.
const voiceTools = process.env.LIMBER_VOICE === 'espeak-ng' ? ['espeak-ng'] : ['espeak-ng', 'festival', 'text2wave'];
for (const tool of only === 'tracks' ? ['ffmpeg'] : only === 'pictures' ? [] : ['ffmpeg', 'ffprobe', 'sox', ...voiceTools]) {
	if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
		console.error(`media: ${tool} is required to make the media (apt-get install ffmpeg sox espeak-ng festival festvox-us-slt-hts); the app and tests do not need it`);
		process.exit(1);
	}
}

function dirBytes(dir: string): number {
	let total = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const abs = join(dir, e.name);
		total += e.isDirectory() ? dirBytes(abs) : statSync(abs).size;
	}
	return total;
}

const started = performance.now();
const log = (line: string) => console.log(line);
try {
	if (wants('sounds')) {
		const res = spawnSync('bash', [join(repo, 'scripts', 'media', 'generate.sh')], { stdio: 'inherit' });
		if (res.status !== 0) throw new Error('cue sounds failed (scripts/media/generate.sh)');
	}
	if (wants('video')) {
		const clips = await buildVideos(repo, log, force);
		const ids = new Set(clips.map((c) => c.id));
		const missing: string[] = [];
		for (const r of loadRoutines(join(repo, 'src', 'content', 'routines'))) {
			if (r.audioFirst) continue;
			for (const e of r.exercises) {
				const v = e.media?.video;
				if (!v) missing.push(`${r.id}: exercise ${e.id} names no video`);
				else if (!ids.has(v)) missing.push(`${r.id}: exercise ${e.id} names video "${v}", which no clip makes`);
			}
		}
		for (const m of missing) console.warn(`media: ${m}`);
	}
	if (wants('pictures')) buildTalkPictures(repo, log);
	if (wants('voice')) await buildVoice(repo, log);
	if (wants('tracks')) await buildTracks(repo, log);
} catch (err) {
	console.error(`media: ${err instanceof Error ? err.message : String(err)}`);
	process.exit(1);
}

const total = dirBytes(join(repo, 'static', 'media'));
const mb = (b: number) => (b / 1024 / 1024).toFixed(2);
console.log(`media: static/media holds ${mb(total)} MB of a ${mb(BUDGET_BYTES)} MB budget; done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (total > BUDGET_BYTES) {
	console.error('media: over budget; lower the clip quality or bitrates in scripts/media/');
	process.exit(1);
}
