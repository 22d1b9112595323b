/**
 * What the device keeps about one download: which routine level, which files (with their
 * sizes) and from which version of its media list. A record is written only once every
 * file is in the media cache, so a record means "ready offline". Records come back from
 * IndexedDB and are checked before use: one that does not fit is ignored, never trusted.
 */
import type { RoutineMedia } from './media-list';
import type { PlannedFile } from './pick-files';

export interface DownloadRecord {
	/** `routine@level` */
	readonly id: string;
	readonly routineId: string;
	readonly level: number;
	readonly title: string;
	readonly levelName: string;
	/** The media list's version of the level when it was downloaded. */
	readonly version: string;
	readonly files: readonly PlannedFile[];
	readonly bytes: number;
	/** ISO time the download finished. */
	readonly savedAt: string;
}

const ROUTINE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown, max = Number.MAX_SAFE_INTEGER): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;

function isFile(v: unknown): v is PlannedFile {
	if (typeof v !== 'object' || v === null) return false;
	const f = v as Record<string, unknown>;
	return Object.keys(f).length === 2 && isText(f.url, 500) && f.url.startsWith('/media/') && isCount(f.bytes);
}

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

/**
 * The record, or null when what was read is not one (another build's, or damaged).
 * Checked by hand, not with valibot as the progress records are: see download-db.ts.
 */
export function parseRecord(value: unknown): DownloadRecord | null {
	if (typeof value !== 'object' || value === null) return null;
	const r = value as Record<string, unknown>;
	const ok =
		isText(r.routineId, 64) &&
		ROUTINE_ID.test(r.routineId) &&
		isCount(r.level, 12) &&
		r.level >= 1 &&
		r.id === downloadId(r.routineId, r.level) &&
		isText(r.title, 200) &&
		isText(r.levelName, 200) &&
		isText(r.version, 64) &&
		Array.isArray(r.files) &&
		r.files.every(isFile) &&
		isCount(r.bytes) &&
		isText(r.savedAt, 40) &&
		ISO_TIME.test(r.savedAt);
	if (!ok) return null;
	const files = (r.files as PlannedFile[]).map((f) => ({ url: f.url, bytes: f.bytes }));
	return {
		id: r.id as string,
		routineId: r.routineId as string,
		level: r.level as number,
		title: r.title as string,
		levelName: r.levelName as string,
		version: r.version as string,
		files,
		bytes: r.bytes as number,
		savedAt: r.savedAt as string
	};
}

/** The routine's media changed since this download: it needs the new files. */
export function isOutdated(rec: DownloadRecord, list: RoutineMedia): boolean {
	const entry = list.levels.find((l) => l.level === rec.level);
	return entry !== undefined && entry.version !== rec.version;
}
