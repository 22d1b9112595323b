/**
 * The session tracks made by `npm run media:tracks`, as listed in
 * static/media/tracks/manifest.json: one continuous recording per relaxation routine and
 * level, and the ambience loop. A track is offered only if it was made from the content
 * now shipped (its cue fingerprint matches); otherwise the live player takes over, so a
 * reworded cue can never be heard differently from what the captions say.
 */
import { isRelativeMediaPath } from './media-path';
import type { Timeline } from '../routine/timeline';
import { cueFingerprint } from './track-plan';
import type { VoiceManifest } from './voice-manifest';

export interface TrackEntry {
	readonly routineId: string;
	readonly level: number;
	/** The track's own length: the timeline plus the last sound's tail. */
	readonly durationMs: number;
	/** The timeline it was made from; the session ends there. */
	readonly timelineDurationMs: number;
	readonly fingerprint: string;
	/** Paths relative to /media/, WebM/Opus first, M4A/AAC (Safari) second. */
	readonly files: readonly string[];
}

export interface AmbienceEntry {
	readonly files: readonly string[];
	readonly durationMs: number;
}

export interface TrackManifest {
	readonly version: 1;
	readonly ambience: AmbienceEntry | null;
	readonly tracks: readonly TrackEntry[];
}

export type TrackManifestResult =
	| { readonly ok: true; readonly manifest: TrackManifest }
	| { readonly ok: false; readonly error: string };

export const EMPTY_TRACK_MANIFEST: TrackManifest = Object.freeze({ version: 1, ambience: null, tracks: Object.freeze([]) });

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function files(v: unknown, where: string): readonly string[] | string {
	if (!Array.isArray(v) || v.length === 0) return `${where}.files must be a non-empty array`;
	for (const f of v) {
		if (!isRelativeMediaPath(f)) {
			return `${where}.files has an invalid path: ${JSON.stringify(f)}`;
		}
	}
	return Object.freeze([...(v as string[])]);
}

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

function trackEntry(v: unknown, i: number): TrackEntry | string {
	const where = `tracks[${i}]`;
	if (!isRecord(v)) return `${where} must be an object`;
	const { routineId, level, durationMs, timelineDurationMs, fingerprint } = v;
	if (typeof routineId !== 'string' || routineId === '') return `${where}.routineId must be a string`;
	if (typeof level !== 'number' || !Number.isInteger(level) || level < 1) return `${where}.level must be a whole number from 1`;
	if (!positive(durationMs) || !positive(timelineDurationMs)) return `${where}: durations must be positive numbers`;
	if (typeof fingerprint !== 'string' || !/^[0-9a-f]{16}$/.test(fingerprint)) return `${where}.fingerprint must be 16 hex digits`;
	const f = files(v.files, where);
	if (typeof f === 'string') return f;
	return Object.freeze({ routineId, level, durationMs, timelineDurationMs, fingerprint, files: f });
}

/** Validate parsed JSON; all or nothing, as for the voice manifest. */
export function parseTrackManifest(data: unknown): TrackManifestResult {
	if (!isRecord(data)) return { ok: false, error: 'manifest must be a JSON object' };
	if (data.version !== 1) return { ok: false, error: `unsupported manifest version ${JSON.stringify(data.version)}` };
	if (!Array.isArray(data.tracks)) return { ok: false, error: 'tracks must be an array' };
	const tracks: TrackEntry[] = [];
	const seen = new Set<string>();
	for (const [i, raw] of data.tracks.entries()) {
		const t = trackEntry(raw, i);
		if (typeof t === 'string') return { ok: false, error: t };
		const key = `${t.routineId}@${t.level}`;
		if (seen.has(key)) return { ok: false, error: `tracks[${i}]: a second track for ${key}` };
		seen.add(key);
		tracks.push(t);
	}
	let ambience: AmbienceEntry | null = null;
	if (data.ambience !== undefined && data.ambience !== null) {
		if (!isRecord(data.ambience)) return { ok: false, error: 'ambience must be an object' };
		const f = files(data.ambience.files, 'ambience');
		if (typeof f === 'string') return { ok: false, error: f };
		if (!positive(data.ambience.durationMs)) return { ok: false, error: 'ambience.durationMs must be a positive number' };
		ambience = Object.freeze({ files: f, durationMs: data.ambience.durationMs });
	}
	return { ok: true, manifest: Object.freeze({ version: 1, ambience, tracks: Object.freeze(tracks) }) };
}

export type TrackLookup =
	| { readonly status: 'ready'; readonly track: TrackEntry }
	| { readonly status: 'none' }
	/** Made from other content: the routine changed and `npm run media:tracks` was not run. */
	| { readonly status: 'stale'; readonly track: TrackEntry };

/** The track for this timeline, if one was made from exactly this content. */
export function findTrack(manifest: TrackManifest, timeline: Timeline, voices: VoiceManifest): TrackLookup {
	const track = manifest.tracks.find((t) => t.routineId === timeline.routineId && t.level === timeline.level);
	if (!track) return { status: 'none' };
	const fresh = track.timelineDurationMs === timeline.durationMs && track.fingerprint === cueFingerprint(timeline, voices);
	return fresh ? { status: 'ready', track } : { status: 'stale', track };
}

/** Which routines get a session track: the relaxation category and any marked audio-first. */
export function wantsTrack(routine: { readonly category: string; readonly audioFirst: boolean }): boolean {
	return routine.category === 'relaxation' || routine.audioFirst;
}

/** Manifest JSON as the generator writes it: stable order, one track a line, for small diffs. */
export function trackManifestJson(manifest: TrackManifest): string {
	const sorted = [...manifest.tracks].sort((a, b) => (a.routineId < b.routineId ? -1 : a.routineId > b.routineId ? 1 : a.level - b.level));
	const lines = sorted.map((t) => `\t\t${JSON.stringify(t)}`);
	return `{\n\t"version": 1,\n\t"ambience": ${JSON.stringify(manifest.ambience)},\n\t"tracks": [\n${lines.join(',\n')}\n\t]\n}\n`;
}
