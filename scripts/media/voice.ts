/**
 * Spoken cues: every distinct cue text of every routine level (see voice-texts.ts) is
 * said by a speech engine (voice-engines.ts: festival's HTS voice by default, espeak-ng as
 * the fallback), calmly for relaxation routines and crisply for exercise, then trimmed,
 * loudness-normalised and encoded (voice-audio.ts) into static/media/voice/<hash>.{webm,m4a};
 * static/media/voice/manifest.json maps each exact text to its files, its length and the
 * engine and voice that made it.
 *
 * The file name is the first 12 hex digits of the SHA-1 of the text, so a reworded cue
 * gets a new file and an unchanged one keeps its name (and URL). Files no longer in the
 * manifest are deleted. A phrase a clinic recorded (engine "recorded", put there by
 * `npm run media:import-voice`) is kept as it is while its text is still spoken. A cache
 * outside static/ (node_modules/.cache) remembers which files were made with the current
 * settings, so reruns only synthesise new texts.
 *
 * LIMBER_VOICE=espeak-ng makes every phrase with espeak-ng (a machine without festival).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AUDIO, encodeSpeech, SPEECH_ENCODING_CODE } from './voice-audio';
import { engineVersion, run, ESPEAK_VOICE, FESTIVAL_VOICE, festivalAvailable, STYLES, synthesiseRaw, clauses, speakable, type EngineId, type EngineName, type VoiceStyle } from './voice-engines';
import { voiceFileBase } from './voice-id';
import { loadRoutines, spokenTexts, textStyles } from './voice-texts';

export { speakable };

export interface VoiceEntry extends EngineId {
	readonly files: readonly [string, string];
	readonly durationMs: number;
	readonly style: VoiceStyle;
}

export interface VoiceResult {
	readonly count: number;
	readonly made: number;
	readonly bytes: number;
	readonly seconds: number;
}

export { voiceFileBase };

/**
 * The manifest as JSON with its keys in code-point order. (JSON.stringify would put
 * number-like keys such as "10" first, whatever order they were added in.)
 */
export function manifestJson(voices: Readonly<Record<string, VoiceEntry>>): string {
	const keys = Object.keys(voices).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const lines = keys.map((k) => {
		const v = voices[k] as VoiceEntry;
		const files = v.files.map((f) => JSON.stringify(f)).join(', ');
		return `\t\t${JSON.stringify(k)}: { "files": [${files}], "durationMs": ${v.durationMs}, "engine": ${JSON.stringify(v.engine)}, "voice": ${JSON.stringify(v.voice)}, "style": ${JSON.stringify(v.style)} }`;
	});
	return `{\n\t"version": 1,\n\t"voices": {\n${lines.join(',\n')}\n\t}\n}\n`;
}

/** The manifest on disk, as the generator wrote it (entries without an engine predate it). */
export function readManifestEntries(file: string): Record<string, Partial<VoiceEntry>> {
	try {
		const data = JSON.parse(readFileSync(file, 'utf8')) as { voices?: Record<string, Partial<VoiceEntry>> };
		return data.voices ?? {};
	} catch {
		return {};
	}
}

interface CachedPhrase {
	readonly durationMs: number;
	readonly engine: EngineName;
}

interface Cache {
	readonly settings: string;
	readonly phrases: Record<string, CachedPhrase>;
}

function readCache(file: string, settings: string): Record<string, CachedPhrase> {
	try {
		const c = JSON.parse(readFileSync(file, 'utf8')) as Cache;
		return c.settings === settings && c.phrases ? { ...c.phrases } : {};
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

/** Say one phrase with `engine`, falling back to espeak-ng if festival fails on it. */
async function makePhrase(engine: EngineName, text: string, style: VoiceStyle, base: string, outDir: string, tmp: string, log: (l: string) => void): Promise<CachedPhrase> {
	const raw = join(tmp, `${base}-speech.wav`);
	try {
		try {
			await synthesiseRaw(engine, text, style, raw, tmp, base);
		} catch (err) {
			if (engine === 'espeak-ng') throw err;
			log(`voice: festival failed on ${JSON.stringify(text)} (${err instanceof Error ? err.message.slice(0, 120) : String(err)}); using espeak-ng`);
			await synthesiseRaw('espeak-ng', text, style, raw, tmp, base);
			return { durationMs: await encodeSpeech(raw, base, outDir, tmp), engine: 'espeak-ng' };
		}
		return { durationMs: await encodeSpeech(raw, base, outDir, tmp), engine };
	} finally {
		rmSync(raw, { force: true });
	}
}

export const voiceNameOf = (engine: EngineName): string => (engine === 'festival' ? FESTIVAL_VOICE : ESPEAK_VOICE);

export async function buildVoice(repo: string, log: (line: string) => void): Promise<VoiceResult> {
	const started = performance.now();
	const outDir = join(repo, 'static', 'media', 'voice');
	const manifestFile = join(outDir, 'manifest.json');
	const cacheFile = join(repo, 'node_modules', '.cache', 'limber-media', 'voice.json');
	mkdirSync(outDir, { recursive: true });
	mkdirSync(dirname(cacheFile), { recursive: true });
	const wanted: EngineName = process.env.LIMBER_VOICE === 'espeak-ng' ? 'espeak-ng' : 'festival';
	if (wanted === 'festival' && !(await festivalAvailable())) {
		throw new Error(`festival with the ${FESTIVAL_VOICE} voice is needed for the default voice (apt-get install festival festvox-us-slt-hts), or set LIMBER_VOICE=espeak-ng for the fallback voice`);
	}
	const versions = { festival: wanted === 'festival' ? await engineVersion('festival') : null, espeak: await engineVersion('espeak-ng') };
	const ffmpeg = (await run('ffmpeg', ['-version'])).stdout.split('\n')[0] ?? '';
	const settings = JSON.stringify({ wanted, STYLES, AUDIO, versions, ffmpeg, code: speakable.toString() + clauses.toString() + synthesiseRaw.toString() + SPEECH_ENCODING_CODE });
	const cache = readCache(cacheFile, settings);
	const previous = readManifestEntries(manifestFile);

	const routines = loadRoutines(join(repo, 'src', 'content', 'routines'));
	const texts = spokenTexts(routines);
	const styles = textStyles(routines);
	const bases = new Map<string, string>();
	for (const t of texts) {
		const b = voiceFileBase(t);
		const clash = [...bases].find(([, other]) => other === b);
		if (clash) throw new Error(`voice: "${t}" and "${clash[0]}" share the file name ${b}; lengthen the hash`);
		bases.set(t, b);
	}
	const filesExist = (b: string) => existsSync(join(outDir, `${b}.webm`)) && existsSync(join(outDir, `${b}.m4a`));
	const recorded = (t: string) => {
		const p = previous[t];
		return p?.engine === 'recorded' && typeof p.durationMs === 'number' && filesExist(bases.get(t) as string) ? p : null;
	};
	const todo = texts.filter((t) => {
		const b = bases.get(t) as string;
		return recorded(t) === null && (cache[b] === undefined || !filesExist(b));
	});
	const tmp = mkdtempSync(join(tmpdir(), 'limber-voice-'));
	try {
		let done = 0;
		await pool(todo, 2, async (t) => {
			const b = bases.get(t) as string;
			cache[b] = await makePhrase(wanted, t, styles.get(t) ?? 'crisp', b, outDir, tmp, log);
			done++;
			if (done % 25 === 0 || done === todo.length) log(`voice: synthesised ${done} of ${todo.length}`);
		});
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}

	const voices: Record<string, VoiceEntry> = {};
	const kept: Record<string, CachedPhrase> = {};
	for (const t of texts) {
		const b = bases.get(t) as string;
		const files = [`voice/${b}.webm`, `voice/${b}.m4a`] as const;
		const style = styles.get(t) ?? 'crisp';
		const rec = recorded(t);
		if (rec) {
			voices[t] = { files, durationMs: rec.durationMs as number, engine: 'recorded', voice: rec.voice ?? 'clinic', style };
			continue;
		}
		const made = cache[b] as CachedPhrase;
		kept[b] = made;
		voices[t] = { files, durationMs: made.durationMs, engine: made.engine, voice: voiceNameOf(made.engine), style };
	}
	writeFileSync(manifestFile, manifestJson(voices));
	const keep = new Set(['manifest.json', ...[...bases.values()].flatMap((b) => [`${b}.webm`, `${b}.m4a`])]);
	let removed = 0;
	for (const f of readdirSync(outDir)) {
		if (!keep.has(f)) {
			rmSync(join(outDir, f), { recursive: true });
			removed++;
		}
	}
	writeFileSync(cacheFile, JSON.stringify({ settings, phrases: kept } satisfies Cache));
	const bytes = [...keep].reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0);
	const speech = Object.values(voices).reduce((s, v) => s + v.durationMs, 0) / 1000;
	const byEngine = Object.values(voices).reduce<Record<string, number>>((acc, v) => ({ ...acc, [v.engine]: (acc[v.engine] ?? 0) + 1 }), {});
	log(
		`voice: ${texts.length} phrases (${todo.length} new, ${removed} stale files removed; ${Object.entries(byEngine).map(([e, n]) => `${n} ${e}`).join(', ')}), ${(speech / 60).toFixed(1)} min of speech, ${(bytes / 1024 / 1024).toFixed(2)} MB in static/media/voice (${((performance.now() - started) / 1000).toFixed(1)} s)`
	);
	return { count: texts.length, made: todo.length, bytes, seconds: speech };
}
