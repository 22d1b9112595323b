/**
 * A clinic's own voice (npm run media:import-voice -- DIR, import-voice-cli.ts): a folder
 * of recordings named by phrase id (see the recording script) replaces the generated voice
 * for those phrases.
 *
 * Each recording is trimmed of its silence, normalised to the same loudness as every other
 * phrase and encoded into both formats (voice-audio.ts) under the phrase's usual file name,
 * and the manifest says "recorded" for it; `npm run media` keeps such phrases as long as
 * their text is still spoken. A recording too long for its place (voice-slots.ts) is not
 * installed: it would run into the next cue. Phrases without a recording keep the voice they
 * had. One report lists what was installed, what is missing, which files match no phrase,
 * and which recordings are too long and by how much.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { parseVoiceManifest } from '../../src/lib/media/voice-manifest';
import { durationMs as lengthMs, encodeSpeech, trimSilence } from './voice-audio';
import { manifestJson, readManifestEntries, voiceNameOf, type VoiceEntry } from './voice';
import { manifestLengths, phraseSlots, type PhraseSlot } from './voice-slots';
import { loadRoutines, textStyles } from './voice-texts';

export const RECORDING_EXTENSIONS = ['.wav', '.flac', '.m4a', '.mp3'] as const;

/** A recording's room noise sits well above synthetic silence: trim below this. */
const RECORDING_SILENCE_DB = -50;

export interface TooLong {
	readonly id: string;
	readonly text: string;
	readonly file: string;
	readonly lengthMs: number;
	readonly maxMs: number;
	readonly overMs: number;
}

export interface ImportReport {
	readonly installed: readonly { readonly id: string; readonly text: string; readonly lengthMs: number }[];
	/** Phrases with no recording: they keep the voice they had. */
	readonly missing: readonly PhraseSlot[];
	/** Files in the folder that are not named by a phrase id (or not a recording format). */
	readonly unmatched: readonly string[];
	readonly tooLong: readonly TooLong[];
}

/** Which recording belongs to which phrase, and which files belong to none. */
export function matchRecordings(files: readonly string[], slots: readonly PhraseSlot[]): { readonly matched: Map<string, string>; readonly unmatched: string[] } {
	const ids = new Set(slots.map((s) => s.id));
	const matched = new Map<string, string>();
	const unmatched: string[] = [];
	for (const f of [...files].sort()) {
		const ext = extname(f).toLowerCase();
		const id = basename(f, extname(f)).toLowerCase();
		const ok = (RECORDING_EXTENSIONS as readonly string[]).includes(ext) && ids.has(id) && !matched.has(id);
		if (ok) matched.set(id, f);
		else unmatched.push(f);
	}
	return { matched, unmatched };
}

/** The report in plain lines, for the terminal. */
export function reportLines(r: ImportReport): string[] {
	const lines = [`${r.installed.length} recording${r.installed.length === 1 ? '' : 's'} installed.`];
	if (r.tooLong.length) {
		lines.push(`${r.tooLong.length} too long for their place (not installed; the phrase keeps its voice):`);
		for (const t of r.tooLong) lines.push(`  ${t.file}: ${(t.lengthMs / 1000).toFixed(2)} s, at most ${(t.maxMs / 1000).toFixed(2)} s, ${(t.overMs / 1000).toFixed(2)} s too long: ${JSON.stringify(t.text)}`);
	}
	if (r.unmatched.length) {
		lines.push(`${r.unmatched.length} file${r.unmatched.length === 1 ? '' : 's'} match no phrase (name a recording by its id from the recording script; WAV, FLAC, M4A or MP3):`);
		for (const f of r.unmatched) lines.push(`  ${f}`);
	}
	if (r.missing.length) {
		lines.push(`${r.missing.length} phrase${r.missing.length === 1 ? '' : 's'} not recorded (they keep the voice they had):`);
		for (const s of r.missing) lines.push(`  ${s.id}  ${JSON.stringify(s.text)}`);
	}
	return lines;
}

export interface ImportOptions {
	readonly recordingsDir: string;
	readonly routinesDir: string;
	/** static/media/voice: the phrase files and manifest.json. */
	readonly voiceDir: string;
	/** What the manifest calls the recorded voice ("clinic" by default). */
	readonly voiceName?: string;
	readonly log?: (line: string) => void;
}

export async function importVoice(o: ImportOptions): Promise<ImportReport> {
	const log = o.log ?? (() => undefined);
	const manifestFile = join(o.voiceDir, 'manifest.json');
	const parsed = parseVoiceManifest(JSON.parse(readFileSync(manifestFile, 'utf8')));
	if (!parsed.ok) throw new Error(`${manifestFile}: ${parsed.error} (run npm run media -- --only voice first)`);
	const routines = loadRoutines(o.routinesDir);
	const slots = phraseSlots(routines, manifestLengths(parsed.manifest));
	const styles = textStyles(routines);
	if (!existsSync(o.recordingsDir)) throw new Error(`no folder ${o.recordingsDir}`);
	const files = readdirSync(o.recordingsDir, { withFileTypes: true })
		.filter((e) => e.isFile() && !e.name.startsWith('.'))
		.map((e) => e.name);
	const { matched, unmatched } = matchRecordings(files, slots);

	const entries = readManifestEntries(manifestFile);
	const installed: { id: string; text: string; lengthMs: number }[] = [];
	const tooLong: TooLong[] = [];
	const tmp = mkdtempSync(join(tmpdir(), 'limber-import-'));
	const staging = join(tmp, 'out');
	mkdirSync(staging);
	try {
		for (const slot of slots) {
			const file = matched.get(slot.id);
			if (!file) continue;
			const trimmed = join(tmp, `${slot.id}-trim.wav`);
			await trimSilence(join(o.recordingsDir, file), trimmed, RECORDING_SILENCE_DB);
			const speech = await lengthMs(trimmed);
			if (!(speech > 0)) {
				unmatched.push(`${file} (silent after trimming)`);
				continue;
			}
			// Encoded aside first: a recording that does not fit must not replace the phrase.
			const length = await encodeSpeech(trimmed, slot.id, staging, tmp);
			if (slot.maxMs !== null && length > slot.maxMs) {
				tooLong.push({ id: slot.id, text: slot.text, file, lengthMs: length, maxMs: slot.maxMs, overMs: length - slot.maxMs });
				continue;
			}
			for (const ext of ['webm', 'm4a']) {
				const from = join(staging, `${slot.id}.${ext}`);
				const to = join(o.voiceDir, `${slot.id}.${ext}`);
				// A rename fails across file systems (the temporary folder may be elsewhere).
				try {
					renameSync(from, to);
				} catch {
					copyFileSync(from, to);
				}
			}
			entries[slot.text] = { ...entries[slot.text], durationMs: length, engine: 'recorded', voice: o.voiceName ?? 'clinic' };
			installed.push({ id: slot.id, text: slot.text, lengthMs: length });
			log(`import-voice: ${file} → ${slot.id} (${(length / 1000).toFixed(2)} s)`);
		}
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}

	const voices: Record<string, VoiceEntry> = {};
	for (const slot of slots) {
		const e = entries[slot.text];
		if (!e || typeof e.durationMs !== 'number') continue;
		const engine = e.engine ?? 'espeak-ng';
		voices[slot.text] = {
			files: [`voice/${slot.id}.webm`, `voice/${slot.id}.m4a`],
			durationMs: e.durationMs,
			engine,
			voice: e.voice ?? (engine === 'recorded' ? 'clinic' : voiceNameOf(engine)),
			style: styles.get(slot.text) ?? 'crisp'
		};
	}
	writeFileSync(manifestFile, manifestJson(voices));
	const have = new Set(matched.keys());
	const missing = slots.filter((s) => !have.has(s.id));
	return { installed, missing, unmatched, tooLong };
}
