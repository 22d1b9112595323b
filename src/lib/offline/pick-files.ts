/**
 * The files this browser downloads from a level's media list: for each item the format the
 * player will choose, the first the browser says it plays by the MIME type the player asks
 * about (src/lib/media/playable.ts), else the first; each file once. A picture is always
 * its one file.
 */
import type { RoutineMedia } from './media-list';

/** A file to keep offline: its URL (path and query) and its size. */
export interface PlannedFile {
	readonly url: string;
	readonly bytes: number;
}

/** Whether the browser plays a MIME type (an element's canPlayType, for the kind in the type). */
export type CanPlay = (type: string) => boolean;

export function pickFiles(list: RoutineMedia, level: number, canPlay: CanPlay, base = '/media/'): PlannedFile[] {
	const entry = list.levels.find((l) => l.level === level);
	if (!entry) return [];
	const out = new Map<string, PlannedFile>();
	for (const item of entry.items) {
		const chosen = (item.choices.find((c) => c.type === null || canPlay(c.type)) ?? item.choices[0])?.path;
		if (chosen === undefined) continue;
		const url = base + chosen;
		if (!out.has(url)) out.set(url, { url, bytes: Object.hasOwn(list.bytes, chosen) ? (list.bytes[chosen] ?? 0) : 0 });
	}
	return [...out.values()];
}

/** Asks a media element of the type's kind. */
export function browserCanPlay(type: string): boolean {
	if (typeof document === 'undefined') return false;
	return document.createElement(type.startsWith('video/') ? 'video' : 'audio').canPlayType(type) !== '';
}

export function totalBytes(files: readonly PlannedFile[]): number {
	return files.reduce((sum, f) => sum + f.bytes, 0);
}
