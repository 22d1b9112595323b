/**
 * The recording script (npm run media:script, script-cli.ts). Writes the recording script for a clinic's own voice: every phrase Limber speaks, with
 * its id (the file name its recording must have), the routines and steps it is said in, how
 * long it may last, and how long the voice in use says it, as a printable page
 * (recording-script.html) and a spreadsheet (recording-script.csv), in DIR (default
 * ./recording-script). Then record each phrase into <id>.wav (or .flac, .m4a, .mp3) and run
 * `npm run media:import-voice -- FOLDER`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseVoiceManifest, type VoiceManifest } from '../../src/lib/media/voice-manifest';
import { readManifestEntries } from './voice';
import { loadRoutines } from './voice-texts';
import { manifestLengths, phraseSlots, type PhraseSlot } from './voice-slots';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const secs = (ms: number | null): string => (ms === null ? 'no limit' : `${(ms / 1000).toFixed(1)} s`);

function where(slot: PhraseSlot): string[] {
	const seen = new Set<string>();
	for (const u of slot.uses) seen.add(`${u.routineTitle}, level ${u.level}: ${u.step}`);
	return [...seen];
}

function csvCell(v: string): string {
	return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** `voiceOf`: which engine says a phrase now ("festival", "recorded", …), for the spreadsheet. */
export function scriptCsv(slots: readonly PhraseSlot[], manifest: VoiceManifest, voiceOf: (text: string) => string = () => ''): string {
	const rows = [['id', 'text', 'said in', 'max_seconds', 'current_seconds', 'current_voice']];
	for (const s of slots) {
		const v = Object.hasOwn(manifest.voices, s.text) ? manifest.voices[s.text] : undefined;
		rows.push([s.id, s.text, where(s).join('; '), s.maxMs === null ? '' : (s.maxMs / 1000).toFixed(2), v ? (v.durationMs / 1000).toFixed(2) : '', voiceOf(s.text)]);
	}
	return `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

export function scriptHtml(slots: readonly PhraseSlot[]): string {
	const byRoutine = new Map<string, PhraseSlot[]>();
	for (const s of slots) {
		const first = s.uses[0];
		const key = first ? first.routineTitle : '';
		byRoutine.set(key, [...(byRoutine.get(key) ?? []), s]);
	}
	const sections = [...byRoutine].map(
		([routine, list]) => `<section>
<h2>${esc(routine)}</h2>
<table>
<thead><tr><th scope="col">File name</th><th scope="col">Say</th><th scope="col">Where</th><th scope="col">At most</th><th scope="col">Done</th></tr></thead>
<tbody>
${list.map((s) => `<tr><td class="id">${s.id}</td><td class="say">${esc(s.text)}</td><td class="where">${where(s).map(esc).join('<br>')}</td><td class="max">${secs(s.maxMs)}</td><td class="done">☐</td></tr>`).join('\n')}
</tbody>
</table>
</section>`
	);
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Limber recording script</title>
<style>
body { font: 12pt/1.4 system-ui, sans-serif; margin: 2em; color: #1a1a1a; }
h1 { font-size: 20pt; }
h2 { font-size: 15pt; margin-top: 1.6em; break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 0.35em 0.5em; vertical-align: top; text-align: left; }
tr { break-inside: avoid; }
.id { font-family: ui-monospace, monospace; white-space: nowrap; }
.say { font-size: 13pt; width: 45%; }
.where { font-size: 10pt; color: #444; }
.max { white-space: nowrap; }
</style>
</head>
<body>
<h1>Limber recording script</h1>
<p>${slots.length} phrases. Record each one on its own into a file named by its id, for example <code>${slots[0]?.id ?? 'abcdef012345'}.wav</code> (WAV, FLAC, M4A or MP3), in a quiet room, at a steady distance from the microphone. Say exercise cues crisply; say the relaxation and breathing phrases slowly and softly. Keep each one within its time under “At most”: a longer one would run into the next cue. Silence before and after is trimmed. Then run <code>npm run media:import-voice -- FOLDER</code>; phrases you leave out keep the generated voice.</p>
${sections.join('\n')}
</body>
</html>
`;
}

export function readVoiceManifest(file: string): VoiceManifest {
	const parsed = parseVoiceManifest(JSON.parse(readFileSync(file, 'utf8')));
	if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
	return parsed.manifest;
}

export function writeRecordingScript(repo: string, outDir: string): { readonly phrases: number; readonly files: readonly string[] } {
	const manifestFile = join(repo, 'static', 'media', 'voice', 'manifest.json');
	const manifest = readVoiceManifest(manifestFile);
	const raw = readManifestEntries(manifestFile);
	const slots = phraseSlots(loadRoutines(join(repo, 'src', 'content', 'routines')), manifestLengths(manifest));
	mkdirSync(outDir, { recursive: true });
	const files = [join(outDir, 'recording-script.html'), join(outDir, 'recording-script.csv')];
	writeFileSync(files[0] as string, scriptHtml(slots));
	writeFileSync(files[1] as string, scriptCsv(slots, manifest, (t) => raw[t]?.engine ?? ''));
	return { phrases: slots.length, files };
}
