/**
 * What the device keeps about one download: which routine level, which files (with their
 * sizes) and from which version of its media list. A record is written only once every
 * file is in the media cache, so a record means "ready offline". Records come back from
 * IndexedDB and are checked before use: one that does not fit is ignored, never trusted.
 *
 * A clinician's programme is a download like a routine, with its share id (its pages are
 * /p/SHARE…). When the clinician withdraws it, the record stays, marked so and holding no
 * files, so the downloads page can say what became of it; the person's history of it is in
 * the progress store and is not touched.
 */
import type { RoutineMedia } from './media-list';
import type { PlannedFile } from './pick-files';

export interface DownloadRecord {
	/** `routine@level` */
	readonly id: string;
	readonly routineId: string;
	/** A clinician's programme: its share id. */
	readonly shareId?: string;
	/** The clinician withdrew the programme: nothing of it is kept to play. */
	readonly withdrawn?: true;
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
const SHARE_ID = /^[A-Za-z0-9_-]{22}$/;
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
		...(list.shareId === undefined ? {} : { shareId: list.shareId }),
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
		ISO_TIME.test(r.savedAt) &&
		(r.shareId === undefined || (typeof r.shareId === 'string' && SHARE_ID.test(r.shareId))) &&
		(r.withdrawn === undefined || (r.withdrawn === true && r.shareId !== undefined));
	if (!ok) return null;
	const files = (r.files as PlannedFile[]).map((f) => ({ url: f.url, bytes: f.bytes }));
	return {
		id: r.id as string,
		routineId: r.routineId as string,
		...(r.shareId === undefined ? {} : { shareId: r.shareId as string }),
		...(r.withdrawn === true ? { withdrawn: true as const } : {}),
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
	return rec.withdrawn !== true && entry !== undefined && entry.version !== rec.version;
}

/** What is left of a download once its programme is withdrawn: the fact, no files. */
export function withdrawnRecord(rec: DownloadRecord): DownloadRecord {
	return { ...rec, withdrawn: true, files: [], bytes: 0 };
}
