/**
 * The one place that turns a media file's path into the path the pages are given: with its
 * content hash as `?v=` (`video/clip.webm` → `video/clip.webm?v=3f2a9c01b7de`). Hashes come
 * from the files in static/media at build time (scripts/build/media-files.ts), and from a
 * clinic's LIMBER_CONTENT_DIR/media when the server reads that folder (content.ts), so a
 * changed file gets a new URL: HTTP caches may keep `?v=` responses for good, and the
 * offline media cache keys its copies by these URLs. Every load function that hands media
 * to a page goes through here (content.ts, tracks.ts, the voice manifest, the offline media
 * lists).
 */
import files from 'virtual:limber/media-files';
import { VERSION_PARAM, withoutQuery } from '$lib/media/media-path';
import type { MediaCatalog } from '$lib/routine/schema';

type FileTable = Readonly<Record<string, readonly [string, number]>>;

export interface MediaUrls {
	/** The path with its content hash; a file missing from static/media keeps its bare path. */
	versioned(path: string): string;
	versionedAll(paths: readonly string[]): string[];
	/** The file's size in bytes, or null for a file not in static/media. */
	bytes(path: string): number | null;
	/** The catalogue with every file path versioned (memoised per catalogue object). */
	catalog(catalog: MediaCatalog): MediaCatalog;
}

/** Over a given table of files: tests pass their own, the app the build's (below). */
export function mediaUrls(table: FileTable): MediaUrls {
	const facts = (path: string) => {
		const bare = withoutQuery(path);
		return Object.hasOwn(table, bare) ? table[bare] : undefined;
	};
	const versioned = (path: string) => {
		const f = facts(path);
		return f ? `${withoutQuery(path)}?${VERSION_PARAM}=${f[0]}` : path;
	};
	const versionedAll = (paths: readonly string[]) => paths.map(versioned);
	const memo = new WeakMap<MediaCatalog, MediaCatalog>();
	return {
		versioned,
		versionedAll,
		bytes: (path) => facts(path)?.[1] ?? null,
		catalog(catalog) {
			let out = memo.get(catalog);
			if (out) return out;
			const map = <T, U>(record: Readonly<Record<string, T>>, f: (v: T) => U) =>
				Object.fromEntries(Object.entries(record).map(([id, v]) => [id, f(v)]));
			out = {
				sounds: map(catalog.sounds, (s) => ({ ...s, files: versionedAll(s.files) })),
				videos: map(catalog.videos, (v) => ({
					...v,
					files: versionedAll(v.files),
					...(v.poster === undefined ? {} : { poster: versioned(v.poster) })
				})),
				images: map(catalog.images, (i) => ({ ...i, file: versioned(i.file) }))
			};
			memo.set(catalog, out);
			return out;
		}
	};
}

/** The build's own files (static/media). */
export const shippedMediaFiles: FileTable = files;

let current = mediaUrls(files);

/**
 * Adds a clinic's media files (read from LIMBER_CONTENT_DIR/media) to the shipped ones, in
 * place of any added before (a reload). A shipped file of the same path wins, as it does
 * when the server answers `/media/…` (src/lib/server/http/start.ts).
 */
export function useClinicMediaFiles(clinic: FileTable): void {
	current = mediaUrls({ ...clinic, ...files });
}

/** The build's media files, and the clinic's once content.ts has read them. */
export const media: MediaUrls = {
	versioned: (path) => current.versioned(path),
	versionedAll: (paths) => current.versionedAll(paths),
	bytes: (path) => current.bytes(path),
	catalog: (catalog) => current.catalog(catalog)
};
