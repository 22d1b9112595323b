/**
 * The recorded (or synthesised) speech for cue texts, as listed by the voice generator in
 * static/media/voice/manifest.json. Keyed by the exact cue text, so captions and speech
 * cannot drift apart; a text missing from the manifest is simply shown, not spoken.
 * The file arrives over the network at run time, so it is checked here before use rather
 * than trusted; a bad manifest means "no voice", never a broken session.
 */
import { isRelativeMediaPath } from './media-path';

export interface VoiceEntry {
	/** Paths relative to /media/, one per format (WebM/Opus first, then M4A/AAC). */
	readonly files: readonly string[];
	/** Length of the speech; the voice queue needs it before the file is decoded. */
	readonly durationMs: number;
}

export interface VoiceManifest {
	readonly version: 1;
	readonly voices: Readonly<Record<string, VoiceEntry>>;
}

export type VoiceManifestResult =
	| { readonly ok: true; readonly manifest: VoiceManifest }
	| { readonly ok: false; readonly error: string };

/** Served by src/routes/voice-manifest.json: the shipped manifest with each file's content hash. */
export const VOICE_MANIFEST_URL = '/voice-manifest.json';

export const EMPTY_VOICE_MANIFEST: VoiceManifest = Object.freeze({ version: 1, voices: Object.freeze({}) });

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkEntry(text: string, v: unknown): string | VoiceEntry {
	const where = `voices[${JSON.stringify(text)}]`;
	if (!isRecord(v)) return `${where} must be an object`;
	const { files, durationMs } = v;
	if (!Array.isArray(files) || files.length === 0) return `${where}.files must be a non-empty array`;
	for (const f of files) {
		if (!isRelativeMediaPath(f)) {
			return `${where}.files has an invalid path: ${JSON.stringify(f)}`;
		}
	}
	if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs <= 0) {
		return `${where}.durationMs must be a positive number`;
	}
	return Object.freeze({ files: Object.freeze([...(files as string[])]), durationMs });
}

/** Validate parsed JSON. All or nothing: one bad entry suggests a broken generator run. */
export function parseVoiceManifest(data: unknown): VoiceManifestResult {
	if (!isRecord(data)) return { ok: false, error: 'manifest must be a JSON object' };
	if (data.version !== 1) return { ok: false, error: `unsupported manifest version ${JSON.stringify(data.version)}` };
	if (!isRecord(data.voices)) return { ok: false, error: 'voices must be an object' };
	// A prototype-free record, so a cue that says "constructor" cannot find Object's.
	const voices: Record<string, VoiceEntry> = Object.create(null) as Record<string, VoiceEntry>;
	for (const [text, raw] of Object.entries(data.voices)) {
		const entry = checkEntry(text, raw);
		if (typeof entry === 'string') return { ok: false, error: entry };
		voices[text] = entry;
	}
	return { ok: true, manifest: Object.freeze({ version: 1, voices: Object.freeze(voices) }) };
}

/** The speech for a cue text, if there is any. */
export function voiceFor(manifest: VoiceManifest, text: string): VoiceEntry | undefined {
	return Object.hasOwn(manifest.voices, text) ? manifest.voices[text] : undefined;
}

/**
 * Fetch and check the manifest. Never rejects: a missing or broken manifest gives the
 * empty one (captions only) and the reason, which the caller may log.
 */
export async function loadVoiceManifest(
	fetchImpl: typeof fetch,
	url: string = VOICE_MANIFEST_URL
): Promise<{ readonly manifest: VoiceManifest; readonly error: string | null }> {
	try {
		const res = await fetchImpl(url);
		if (!res.ok) return { manifest: EMPTY_VOICE_MANIFEST, error: `${url}: HTTP ${res.status}` };
		const parsed = parseVoiceManifest(await res.json());
		return parsed.ok ? { manifest: parsed.manifest, error: null } : { manifest: EMPTY_VOICE_MANIFEST, error: `${url}: ${parsed.error}` };
	} catch (err) {
		return { manifest: EMPTY_VOICE_MANIFEST, error: `${url}: ${err instanceof Error ? err.message : String(err)}` };
	}
}
