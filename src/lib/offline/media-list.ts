/**
 * The media list of a routine level: every file its session plays, as the player will ask
 * for it. Each item lists its formats in the player's order of preference (WebM before MP4
 * or M4A), each with the MIME type the player tests it by; the browser that downloads picks
 * the one it plays (pick-files.ts). Paths are
 * relative to /media/ and carry content hashes (`?v=`), as the play page gives them.
 *
 * Made on the server from the same session media the play page uses, for every routine and
 * level, and served as the prerendered /routines/ID/offline.json (a clinic's routines and
 * clinicians' programmes, which change without a build, at /routines/ID/offline.json and
 * /p/SHARE/offline.json by the server).
 */
import { cueMedia, type SoundFiles } from '../media/cue-scheduler';
import { mimeOf, type MediaKind } from '../media/playable';
import type { VoiceManifest } from '../media/voice-manifest';
import type { MediaCatalog } from '../routine/schema';
import type { Timeline } from '../routine/timeline';

/** What the item is to the player; it decides how the browser's format is chosen. */
export type MediaRole = 'clip' | 'poster' | 'sound' | 'voice' | 'track' | 'ambience' | 'chime';

export interface MediaChoice {
	readonly path: string;
	/**
	 * The MIME type the player asks the browser about (with codecs for audio), or null for a
	 * picture, which is always taken. Given here so that the downloading page needs none of
	 * the player's code to choose.
	 */
	readonly type: string | null;
}

export interface MediaItem {
	readonly role: MediaRole;
	/** The same content in each format, best first. */
	readonly choices: readonly MediaChoice[];
}

export interface LevelMedia {
	readonly level: number;
	readonly name: string;
	/**
	 * Changes whenever any of the level's files or their contents change, or the routine
	 * itself (a new programme version, a clinic file reloaded): its saved pages are then out
	 * of date too.
	 */
	readonly version: string;
	readonly items: readonly MediaItem[];
}

export interface RoutineMedia {
	readonly routineId: string;
	/** A clinician's programme: its share id, which names its pages (page-urls.ts). */
	readonly shareId?: string;
	readonly title: string;
	/** Size in bytes of every path named in the levels. */
	readonly bytes: Readonly<Record<string, number>>;
	readonly levels: readonly LevelMedia[];
}

/** The session media of one level, as the play page has it (src/lib/server/session-media.ts). */
export interface SessionMediaFiles {
	readonly videos: MediaCatalog['videos'];
	readonly sounds: SoundFiles;
	readonly track: { readonly entry: { readonly files: readonly string[] } } | null;
	readonly ambience: readonly string[] | null;
	readonly chime: readonly string[] | null;
}

/**
 * The items a session plays. With a session track, the relaxation player plays only the
 * track (speech and bells are mixed into it), the ambience bed and the chime. Otherwise the
 * live player plays each clip (and shows its poster) in the order the timeline reaches
 * them, the cue sounds and the speech that the cue scheduler loads, and for audio-first
 * routines the ambience and chime.
 */
const KIND: Readonly<Record<MediaRole, MediaKind | null>> = {
	clip: 'video',
	poster: null,
	sound: 'audio',
	voice: 'audio',
	track: 'audio',
	ambience: 'audio',
	chime: 'audio'
};

function item(role: MediaRole, files: readonly string[]): MediaItem {
	const kind = KIND[role];
	return { role, choices: files.map((path) => ({ path, type: kind === null ? null : (mimeOf(path, kind) ?? null) })) };
}

export function sessionItems(timeline: Timeline, media: SessionMediaFiles, voices: VoiceManifest): MediaItem[] {
	const items: MediaItem[] = [];
	if (media.track) {
		items.push(item('track', media.track.entry.files));
	} else {
		const clips = new Set<string>();
		for (const segment of timeline.segments) {
			const id = segment.video?.clip;
			if (id === undefined || clips.has(id) || !Object.hasOwn(media.videos, id)) continue;
			clips.add(id);
			const clip = media.videos[id];
			if (!clip) continue;
			items.push(item('clip', clip.files));
			if (clip.poster !== undefined) items.push(item('poster', [clip.poster]));
		}
		for (const { key, files } of cueMedia(timeline, media.sounds, voices)) {
			items.push(item(key.startsWith('voice:') ? 'voice' : 'sound', files));
		}
	}
	if (media.ambience && media.ambience.length > 0) items.push(item('ambience', media.ambience));
	if (media.chime && media.chime.length > 0) items.push(item('chime', media.chime));
	return items;
}
