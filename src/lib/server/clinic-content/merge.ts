/**
 * A clinic's own routine and course files, and its own media catalogue (media.yaml, whose
 * files are in its media/ folder), checked together with the shipped content by the same
 * checkContent() the build and `npm run validate` use. Unlike shipped content, a
 * clinic file with problems does not stop the server: it is left out, its problems are
 * kept for the start-up log and /teach, and the check runs again without it (a course may
 * have named a routine that is now gone) until what remains is clean.
 *
 * Pure, like content-set.ts: the files are read from disk by read-dir.ts. Relative imports,
 * so `npm run validate -- --clinic DIR` (tsx, no SvelteKit aliases) runs this same check.
 */
import { checkContent, contentKind, type AddedCatalog, type ContentFile, type ContentSet, type MediaFileExists } from '../../routine/content-set';
import { parseCourse, parseMediaCatalog, parseRoutine, problemAt, type Parsed } from '../../routine/parse';
import { compareProblems, formatProblem, type Problem } from '../../routine/problems';

/** Where the clinic's media files are, for its media.yaml's check. */
export interface ClinicMedia {
	readonly mediaFileExists: MediaFileExists;
	/** As problems name it: `/srv/clinic/media`. */
	readonly dir: string;
}

export interface MergedContent {
	/** Shipped content plus every clinic file that passed. */
	readonly set: ContentSet;
	/** The clinic files that were loaded, and those left out (each with at least one problem). */
	readonly loaded: readonly string[];
	readonly leftOut: readonly string[];
	/** Problems in clinic files only, sorted by file, line and column. */
	readonly problems: readonly Problem[];
}

/** What a file says its id is, valid or not. */
function declaredId(parsed: Parsed<{ id: string }>): string | undefined {
	if (parsed.value) return parsed.value.id;
	const data = parsed.data;
	if (typeof data !== 'object' || data === null || !('id' in data)) return undefined;
	return typeof data.id === 'string' ? data.id : undefined;
}

/** Id → file of the shipped routines or courses, so a clash can name the shipped file. */
function idsOf(files: readonly ContentFile[], kind: 'routine' | 'course'): Map<string, string> {
	const ids = new Map<string, string>();
	for (const f of files) {
		if (contentKind(f.file) !== kind) continue;
		const id = declaredId(kind === 'routine' ? parseRoutine(f) : parseCourse(f));
		if (id !== undefined) ids.set(id, f.file);
	}
	return ids;
}

/** A clinic routine or course taking a shipped id is refused, naming both files. */
function clashes(shipped: readonly ContentFile[], clinic: readonly ContentFile[]): Problem[] {
	const taken = { routine: idsOf(shipped, 'routine'), course: idsOf(shipped, 'course') };
	const problems: Problem[] = [];
	for (const f of clinic) {
		const kind = contentKind(f.file);
		if (kind !== 'routine' && kind !== 'course') continue;
		const parsed = kind === 'routine' ? parseRoutine(f) : parseCourse(f);
		const id = declaredId(parsed);
		const other = id === undefined ? undefined : taken[kind].get(id);
		if (other === undefined) continue;
		problems.push(
			problemAt(parsed, ['id'], `${kind} id "${id}" is already used by the shipped ${kind} ${other}; give this one another id (${f.file} is left out)`)
		);
	}
	return problems;
}

const MEDIA_KINDS = [
	['sounds', 'sound'],
	['videos', 'video'],
	['images', 'image']
] as const;

/**
 * A clinic catalogue entry under an id the shipped catalogue has is refused, naming both
 * files: a routine naming that id would otherwise play one clinic's clip in place of the
 * shipped one (or the other way round) depending on which was read first.
 */
function mediaClashes(shipped: readonly ContentFile[], clinicCatalog: ContentFile | undefined): Problem[] {
	const shippedFile = shipped.find((f) => contentKind(f.file) === 'catalog');
	if (!clinicCatalog || !shippedFile) return [];
	const theirs = parseMediaCatalog(shippedFile).value;
	const ours = parseMediaCatalog(clinicCatalog);
	if (!theirs || !ours.value) return [];
	const problems: Problem[] = [];
	for (const [kind, noun] of MEDIA_KINDS) {
		for (const id of Object.keys(ours.value[kind])) {
			if (!Object.hasOwn(theirs[kind], id)) continue;
			problems.push(
				problemAt(
					ours,
					[kind, id],
					`${noun} id "${id}" is already in the shipped media catalogue ${shippedFile.file}; give this one another id (${clinicCatalog.file} is left out)`,
					'key'
				)
			);
		}
	}
	return problems;
}

export const CLINIC_DIR_VARIABLE = 'LIMBER_CONTENT_DIR';

/** The clinic's folder adds routines, courses and one media catalogue; the plan stays the shipped one. */
function notClinicContent(clinic: readonly ContentFile[]): Problem[] {
	let catalogs = 0;
	return clinic.flatMap((f) => {
		const kind = contentKind(f.file);
		if (kind === 'routine' || kind === 'course') return [];
		if (kind === 'catalog' && ++catalogs === 1) return [];
		const message =
			kind === undefined
				? 'not a content file: a clinic folder holds routines/NAME.yaml, courses/NAME.yaml and media.yaml'
				: kind === 'catalog'
					? 'a clinic folder has one media catalogue, media.yaml at its top'
					: 'a clinic folder holds routines, courses and media only; the shipped plan is used';
		return [{ file: f.file, line: 1, column: 1, message, path: '' }];
	});
}

/**
 * Shipped content must be clean on its own (the build checks it); a problem there is a
 * broken release and throws, as it always has.
 */
export function mergeClinicContent(
	shipped: readonly ContentFile[],
	clinic: readonly ContentFile[],
	mediaFileExists: MediaFileExists = () => true,
	clinicMedia: ClinicMedia = { mediaFileExists: () => true, dir: 'media' }
): MergedContent {
	const alone = checkContent(shipped, mediaFileExists);
	if (alone.problems.length > 0) throw new Error(`Limber's content is invalid:\n${alone.problems.map(formatProblem).join('\n')}`);
	const clinicFiles = new Set(clinic.map((f) => f.file));
	const problems: Problem[] = [...notClinicContent(clinic)];
	const catalogOf = (files: readonly ContentFile[]) =>
		files.find((f) => contentKind(f.file) === 'catalog' && !problems.some((p) => p.file === f.file));
	problems.push(...clashes(shipped, clinic), ...mediaClashes(shipped, catalogOf(clinic)));
	let remaining = clinic.filter((f) => !problems.some((p) => p.file === f.file));
	for (;;) {
		const catalog = catalogOf(remaining);
		const added: AddedCatalog | undefined = catalog && { file: catalog, mediaFileExists: clinicMedia.mediaFileExists, mediaDir: clinicMedia.dir };
		const others = remaining.filter((f) => f !== catalog);
		const set = remaining.length === 0 ? alone : checkContent([...shipped, ...others], mediaFileExists, added);
		if (set.problems.length === 0) {
			const loaded = remaining.map((f) => f.file);
			return {
				set,
				loaded,
				leftOut: clinic.map((f) => f.file).filter((f) => !loaded.includes(f)),
				problems: problems.sort(compareProblems)
			};
		}
		const bad = new Set(set.problems.map((p) => p.file));
		if (set.problems.some((p) => !clinicFiles.has(p.file))) {
			// Shipped content alone was clean, so the clinic's files caused this, but which
			// one cannot be told: leave them all out rather than serve a broken whole.
			for (const p of set.problems) problems.push(clinicFiles.has(p.file) ? p : { ...p, message: `with ${CLINIC_DIR_VARIABLE}'s files: ${p.message}` });
			for (const f of remaining) bad.add(f.file);
		} else {
			problems.push(...set.problems);
		}
		remaining = remaining.filter((f) => !bad.has(f.file));
	}
}
