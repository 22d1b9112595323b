/**
 * npm run media:import-voice -- DIR [--voice NAME]: install a clinic's recordings from DIR
 * (import-voice.ts), then remake the session tracks with them, and print one report.
 * Needs ffmpeg.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { importVoice, reportLines } from './import-voice';
import { buildTracks } from './tracks';

const args = process.argv.slice(2);
const voiceAt = args.indexOf('--voice');
const voiceName = voiceAt === -1 ? undefined : args[voiceAt + 1];
const dir = args.find((a, i) => !a.startsWith('--') && i !== voiceAt + 1);
if (!dir) {
	console.error('usage: npm run media:import-voice -- DIR [--voice NAME]   (recordings named by phrase id; see npm run media:script)');
	process.exit(2);
}
for (const tool of ['ffmpeg', 'ffprobe']) {
	if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
		console.error(`media:import-voice: ${tool} is required (apt-get install ffmpeg)`);
		process.exit(1);
	}
}
const repo = resolve(import.meta.dirname, '..', '..');
const log = (line: string) => console.log(line);
try {
	const report = await importVoice({
		recordingsDir: resolve(dir),
		routinesDir: join(repo, 'src', 'content', 'routines'),
		voiceDir: join(repo, 'static', 'media', 'voice'),
		voiceName,
		log
	});
	if (report.installed.length > 0) await buildTracks(repo, log);
	for (const line of reportLines(report)) console.log(line);
} catch (err) {
	console.error(`media:import-voice: ${err instanceof Error ? err.message : String(err)}`);
	process.exit(1);
}
