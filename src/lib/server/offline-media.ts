/**
 * The offline media list of each routine (src/lib/offline/media-list.ts), from the session
 * media its play page hands the player and the versioned voice manifest; for a clinician's
 * programme too, with its share id.
 */
import { createHash } from 'node:crypto';
import { sessionItems, type LevelMedia, type RoutineMedia } from '$lib/offline/media-list';
import type { Routine } from '$lib/routine/schema';
import { timelineFor } from './content';
import { media } from './media-urls';
import { sessionMedia } from './session-media';
import { versionedVoiceManifest } from './tracks';

// By the routine object, like content.ts's timelines: a reloaded routine gets a fresh list.
const lists = new WeakMap<Routine, RoutineMedia>();

export function routineMedia(routine: Routine, shareId?: string): RoutineMedia {
	const cached = lists.get(routine);
	if (cached) return cached;
	const voices = versionedVoiceManifest();
	// The saved pages show the whole routine (every level's dosage on its page), so any change
	// to it, not only to a level's media, makes each level's download fetch its pages again:
	// a programme's new version, a clinic file reloaded. Files already kept are not fetched.
	const document = JSON.stringify(routine);
	const bytes: Record<string, number> = {};
	const levels: LevelMedia[] = routine.levels.map((level, i) => {
		const timeline = timelineFor(routine, i + 1);
		const items = sessionItems(timeline, sessionMedia(routine, timeline), voices);
		for (const item of items) {
			for (const { path } of item.choices) {
				const size = media.bytes(path);
				if (size !== null) bytes[path] = size;
			}
		}
		// The paths carry content hashes, so hashing them covers the files' contents too.
		const version = createHash('sha256').update(JSON.stringify(items)).update(document).digest('hex').slice(0, 12);
		return { level: i + 1, name: level.name, version, items };
	});
	const list: RoutineMedia = { routineId: routine.id, ...(shareId === undefined ? {} : { shareId }), title: routine.title, bytes, levels };
	lists.set(routine, list);
	return list;
}
