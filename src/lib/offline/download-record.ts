/**
 * What the device keeps about one download: which routine level, which files (with their
 * sizes) and from which version of its media list. A record is written only once every
 * file is in the media cache, so a record means "ready offline". Records come back from
 * IndexedDB and are checked before use: one that does not fit is ignored, never trusted.
 */
import * as v from 'valibot';
import type { RoutineMedia } from './media-list';
import type { PlannedFile } from './pick-files';

const mediaUrl = v.pipe(v.string(), v.startsWith('/media/'), v.maxLength(500));

const record = v.strictObject({
	id: v.pipe(v.string(), v.maxLength(100)),
	routineId: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(64)),
	level: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
	title: v.pipe(v.string(), v.maxLength(200)),
	levelName: v.pipe(v.string(), v.maxLength(200)),
	version: v.pipe(v.string(), v.maxLength(64)),
	files: v.array(v.strictObject({ url: mediaUrl, bytes: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
	bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
	savedAt: v.pipe(v.string(), v.isoTimestamp())
});

export type DownloadRecord = v.InferOutput<typeof record>;

export function downloadId(routineId: string, level: number): string {
	return `${routineId}@${level}`;
}

/** The record of a finished download of `level` from `list`, with the files it fetched. */
export function makeRecord(list: RoutineMedia, level: number, files: readonly PlannedFile[], now: Date): DownloadRecord {
	const entry = list.levels.find((l) => l.level === level);
	if (!entry) throw new Error(`${list.routineId} has no level ${level}`);
	return {
		id: downloadId(list.routineId, level),
		routineId: list.routineId,
		level,
		title: list.title,
		levelName: entry.name,
		version: entry.version,
		files: files.map((f) => ({ url: f.url, bytes: f.bytes })),
		bytes: files.reduce((s, f) => s + f.bytes, 0),
		savedAt: now.toISOString()
	};
}

/** The record, or null when what was read is not one (another build's, or damaged). */
export function parseRecord(value: unknown): DownloadRecord | null {
	const r = v.safeParse(record, value);
	return r.success && r.output.id === downloadId(r.output.routineId, r.output.level) ? r.output : null;
}

/** The routine's media changed since this download: it needs the new files. */
export function isOutdated(rec: DownloadRecord, list: RoutineMedia): boolean {
	const entry = list.levels.find((l) => l.level === rec.level);
	return entry !== undefined && entry.version !== rec.version;
}
