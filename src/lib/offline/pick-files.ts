/**
 * The files this browser downloads from a level's media list: for each item the format the
 * player will choose (the first the browser plays, as the players decide in
 * src/lib/media/playable.ts), each file once.
 */
import { filesToTry, type MediaKind } from '../media/playable';
import type { MediaRole, RoutineMedia } from './media-list';

/** A file to keep offline: its URL (path and query) and its size. */
export interface PlannedFile {
	readonly url: string;
	readonly bytes: number;
}

const KIND: Readonly<Record<MediaRole, MediaKind | null>> = {
	clip: 'video',
	poster: null,
	sound: 'audio',
	voice: 'audio',
	track: 'audio',
	ambience: 'audio',
	chime: 'audio'
};

export type CanPlay = (mime: string, kind: MediaKind) => boolean;

export function pickFiles(list: RoutineMedia, level: number, canPlay: CanPlay, base = '/media/'): PlannedFile[] {
	const entry = list.levels.find((l) => l.level === level);
	if (!entry) return [];
	const out = new Map<string, PlannedFile>();
	for (const item of entry.items) {
		const kind = KIND[item.role];
		const chosen = kind === null ? item.choices[0] : filesToTry(item.choices, (mime) => canPlay(mime, kind), kind)[0];
		if (chosen === undefined) continue;
		const url = base + chosen;
		if (!out.has(url)) out.set(url, { url, bytes: Object.hasOwn(list.bytes, chosen) ? (list.bytes[chosen] ?? 0) : 0 });
	}
	return [...out.values()];
}

export function totalBytes(files: readonly PlannedFile[]): number {
	return files.reduce((sum, f) => sum + f.bytes, 0);
}
