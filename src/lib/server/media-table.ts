/**
 * A table of every file under a media folder: its content hash and size, keyed by its path
 * under the folder (forward slashes). The build reads static/media into it once
 * (scripts/build/media-files.ts, the `virtual:limber/media-files` module); the server reads
 * a clinic's LIMBER_CONTENT_DIR/media into it at start and on SIGHUP. The hash versions
 * media URLs (`?v=`), so a changed file gets another URL and no cache keeps a stale copy.
 *
 * Node only, no SvelteKit imports: the Vite plugin loads this file too.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

/** Hex digits of SHA-256 kept: 48 bits, far beyond a collision among a few thousand files. */
export const HASH_LENGTH = 12;

/** path under the folder → [content hash, bytes] */
export type MediaFileTable = Record<string, readonly [string, number]>;

/** What a file was when it was last hashed, so a reload hashes only what changed. */
export interface HashedFile {
	readonly size: number;
	readonly mtimeMs: number;
	readonly hash: string;
}
export type HashMemo = Map<string, HashedFile>;

const CHUNK = 1 << 20;

/** Hashed a chunk at a time: a clinic's clips may be hundreds of megabytes each. */
function hashFile(file: string): string {
	const hash = createHash('sha256');
	const buffer = Buffer.allocUnsafe(CHUNK);
	const fd = openSync(file, 'r');
	try {
		for (let n = readSync(fd, buffer, 0, CHUNK, null); n > 0; n = readSync(fd, buffer, 0, CHUNK, null)) hash.update(buffer.subarray(0, n));
	} finally {
		closeSync(fd);
	}
	return hash.digest('hex').slice(0, HASH_LENGTH);
}

function walk(dir: string, base: string, out: MediaFileTable, memo: HashMemo | undefined): void {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		// Dotfiles are never served (static-files.ts), so they are not media either.
		if (entry.name.startsWith('.')) continue;
		const full = path.join(dir, entry.name);
		const rel = base ? `${base}/${entry.name}` : entry.name;
		if (entry.isDirectory()) walk(full, rel, out, memo);
		else if (entry.isFile()) {
			const { size, mtimeMs } = statSync(full);
			const known = memo?.get(full);
			const hash = known && known.size === size && known.mtimeMs === mtimeMs ? known.hash : hashFile(full);
			memo?.set(full, { size, mtimeMs, hash });
			out[rel] = [hash, size];
		}
	}
}

/**
 * Every file under `mediaDir`, sorted by path so the table is the same for the same files.
 * A missing folder is an empty table. With `memo`, a file whose size and modification time
 * are unchanged keeps its hash without being read again.
 */
export function readMediaFiles(mediaDir: string, memo?: HashMemo): MediaFileTable {
	const out: MediaFileTable = {};
	try {
		walk(mediaDir, '', out, memo);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
	}
	return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
