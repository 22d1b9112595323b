/**
 * Which session track (if any) the play page offers, from the tracks manifest bundled at
 * build time. A track is offered only when it was made from the content now shipped;
 * a stale one is reported once in the server log and the live player is used instead, so
 * the person always hears exactly what the captions say.
 */
import { mixPlan, trackCaptions, type TrackCaption } from '$lib/media/track-plan';
import { EMPTY_TRACK_MANIFEST, findTrack, parseTrackManifest, type TrackEntry, type TrackManifest } from '$lib/media/track-manifest';
import { EMPTY_VOICE_MANIFEST, parseVoiceManifest, voiceFor, type VoiceManifest } from '$lib/media/voice-manifest';
import type { Timeline } from '$lib/routine/timeline';
import { getLibrary } from './content';
import { media } from './media-urls';

const bundled = import.meta.glob(['/static/media/tracks/manifest.json', '/static/media/voice/manifest.json'], {
	import: 'default',
	eager: true
}) as Record<string, unknown>;

let manifests: { readonly tracks: TrackManifest; readonly voices: VoiceManifest } | undefined;
const warned = new Set<string>();

function load(): { readonly tracks: TrackManifest; readonly voices: VoiceManifest } {
	if (manifests) return manifests;
	const t = parseTrackManifest(bundled['/static/media/tracks/manifest.json']);
	const v = parseVoiceManifest(bundled['/static/media/voice/manifest.json']);
	if (!t.ok) console.error(`static/media/tracks/manifest.json: ${t.error}; relaxation sessions use the live player`);
	manifests = { tracks: t.ok ? t.manifest : EMPTY_TRACK_MANIFEST, voices: v.ok ? v.manifest : EMPTY_VOICE_MANIFEST };
	return manifests;
}

export interface SessionTrack {
	readonly entry: TrackEntry;
	/** What is said when, for captions derived from the track position. */
	readonly captions: readonly TrackCaption[];
}

/** The track for this timeline, made from exactly this content, or null. */
export function trackFor(timeline: Timeline): SessionTrack | null {
	const { tracks, voices } = load();
	const found = findTrack(tracks, timeline, voices);
	if (found.status === 'stale') {
		const key = `${timeline.routineId}@${timeline.level}`;
		if (!warned.has(key)) {
			warned.add(key);
			console.warn(`session track for ${key} was made from other content; run npm run media:tracks`);
		}
	}
	if (found.status !== 'ready') return null;
	const plan = mixPlan(timeline, voices, getLibrary().catalog.sounds);
	return { entry: { ...found.track, files: media.versionedAll(found.track.files) }, captions: trackCaptions(timeline, plan) };
}

/** How long the shipped voice takes to say a cue's text, if it has a recording of it. */
export function voiceDurationMs(text: string): number | undefined {
	return voiceFor(load().voices, text)?.durationMs;
}

/** The ambience loop's files (versioned), for the relaxation player and the live fallback. */
export function ambienceFiles(): readonly string[] | null {
	const files = load().tracks.ambience?.files;
	return files ? media.versionedAll(files) : null;
}

/**
 * The voice manifest as the browser gets it (/voice-manifest.json): every file versioned,
 * so a regenerated voice gets a new URL.
 */
let versionedVoices: VoiceManifest | undefined;
export function versionedVoiceManifest(): VoiceManifest {
	if (versionedVoices) return versionedVoices;
	// Prototype-free, like the parsed manifest: a cue that says "constructor" finds nothing.
	const out = Object.create(null) as Record<string, VoiceManifest['voices'][string]>;
	for (const [text, entry] of Object.entries(load().voices.voices)) out[text] = { ...entry, files: media.versionedAll(entry.files) };
	versionedVoices = { version: 1, voices: out };
	return versionedVoices;
}
