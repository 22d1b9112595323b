/**
 * Reads a clinic's content folder (LIMBER_CONTENT_DIR): `routines/*.yaml`,
 * `courses/*.yaml` and `media.yaml`, laid out like src/content, and `media/` for the
 * catalogue's files (served under /media by the server entry, hashed by media-table.ts). Read once at start, synchronously, before the server
 * listens; a file that cannot be read becomes a problem like any other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ContentFile } from '../../routine/content-set';
import type { Problem } from '../../routine/problems';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../routine/text-guards';

/** The validator's own limit: a file it would refuse is not read into memory either. */
export const CLINIC_FILE_MAX_BYTES = MAX_FILE_BYTES;
const FOLDERS = ['routines', 'courses'] as const;
/** The clinic's own media catalogue, beside its folders as src/content/media.yaml is. */
export const CLINIC_CATALOG = 'media.yaml';
/** The clinic's media files, as static/media holds the shipped ones. */
export const CLINIC_MEDIA_FOLDER = 'media';

export interface ClinicFiles {
	readonly dir: string;
	readonly files: ContentFile[];
	readonly problems: Problem[];
}

function whole(file: string, message: string): Problem {
	return { file, line: 1, column: 1, message, path: '' };
}

function errorCode(error: unknown): string {
	return (error as NodeJS.ErrnoException).code ?? 'unreadable';
}

export function readClinicFiles(configured: string): ClinicFiles {
	const dir = path.resolve(configured);
	const files: ContentFile[] = [];
	const problems: Problem[] = [];
	try {
		if (!statSync(dir).isDirectory()) return { dir, files, problems: [whole(dir, 'LIMBER_CONTENT_DIR is not a folder')] };
	} catch (error) {
		return { dir, files, problems: [whole(dir, `LIMBER_CONTENT_DIR cannot be read (${errorCode(error)})`)] };
	}
	const readOne = (file: string) => {
		try {
			const stat = statSync(file);
			if (!stat.isFile()) return;
			if (stat.size > CLINIC_FILE_MAX_BYTES) {
				problems.push(whole(file, tooLargeMessage(stat.size)));
				return;
			}
			// .yml files are read too, so checkContent can tell the author to rename them.
			files.push({ file, text: readFileSync(file, 'utf8') });
		} catch (error) {
			// No media.yaml is the usual case: a clinic's routines may name shipped media only.
			if (errorCode(error) !== 'ENOENT') problems.push(whole(file, `this file cannot be read (${errorCode(error)})`));
		}
	};
	readOne(path.join(dir, CLINIC_CATALOG));
	for (const folder of FOLDERS) {
		const at = path.join(dir, folder);
		let names: string[];
		try {
			names = readdirSync(at).sort();
		} catch (error) {
			if (errorCode(error) !== 'ENOENT') problems.push(whole(at, `this folder cannot be read (${errorCode(error)})`));
			continue;
		}
		for (const name of names) {
			if (name.startsWith('.')) continue;
			if (!/\.ya?ml$/i.test(name)) continue;
			readOne(path.join(at, name));
		}
	}
	return { dir, files, problems };
}
