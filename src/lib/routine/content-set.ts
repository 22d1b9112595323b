/**
 * Checks a whole set of content files at once: each file against its schema, then the
 * references between them. Which schema a file gets follows from where it lives:
 * `…/routines/NAME.yaml`, `…/courses/NAME.yaml`, `…/media.yaml`.
 *
 * No node imports: the server calls this on files bundled with import.meta.glob, and
 * the CLI on files it read from disk.
 */
import { parseCourse, parseMediaCatalog, parseRoutine, type ContentFile, type Parsed } from './parse';
import { compareProblems, type Problem } from './problems';
import { checkReferences, mergeCatalogs, type Located, type MediaFileExists } from './references';
import type { Course, MediaCatalog, Routine } from './schema';
import { parsePlanContent } from '../plan/plan-parse';
import { checkPlanReferences } from '../plan/plan-references';
import type { PlanContent } from '../plan/plan-schema';

export type { ContentFile } from './parse';
export type { MediaFileExists } from './references';

export interface ContentSet {
	/** Routines that passed their schema, in file order; check `problems` before trusting the set. */
	readonly routines: Routine[];
	readonly courses: Course[];
	readonly catalog: MediaCatalog | null;
	/** The weekly plan (plan.yaml), when the set has one. */
	readonly plan: PlanContent | null;
	/** Every problem in every file, sorted by file, line and column. */
	readonly problems: Problem[];
}

export type ContentKind = 'routine' | 'course' | 'catalog' | 'plan';

/**
 * A second media catalogue beside the main one: a clinic's own media.yaml, whose files live
 * in the clinic's media folder. Routines may name its clips, stills and sounds; its problems
 * are placed in its own file. Ids the main catalogue has too are the caller's to refuse.
 */
export interface AddedCatalog {
	readonly file: ContentFile;
	readonly mediaFileExists: MediaFileExists;
	/** How a missing file's problem names the folder, e.g. `/srv/clinic/media`. */
	readonly mediaDir: string;
}

export function contentKind(file: string): ContentKind | undefined {
	const path = file.replace(/\\/g, '/');
	if (/(?:^|\/)routines\/[^/]+\.yaml$/.test(path)) return 'routine';
	if (/(?:^|\/)courses\/[^/]+\.yaml$/.test(path)) return 'course';
	if (/(?:^|\/)media\.yaml$/.test(path)) return 'catalog';
	if (/(?:^|\/)plan\.yaml$/.test(path)) return 'plan';
	return undefined;
}

function wholeFile(file: string, message: string): Problem {
	return { file, line: 1, column: 1, message, path: '' };
}

function unknownKindMessage(file: string): string {
	if (/\.yml$/i.test(file)) return 'content files end in .yaml, not .yml; rename it';
	return 'not a content file: expected routines/NAME.yaml, courses/NAME.yaml, media.yaml or plan.yaml';
}

function located<T>(parsed: Parsed<T>): Located<T>[] {
	return parsed.value === undefined ? [] : [{ file: parsed.file, value: parsed.value, locate: parsed.locate }];
}

/** What an invalid routine file meant its id to be, so courses naming it are not blamed too. */
function intendedId(parsed: Parsed<Routine>): string | undefined {
	const data = parsed.data;
	if (parsed.value !== undefined || typeof data !== 'object' || data === null || !('id' in data)) return undefined;
	return typeof data.id === 'string' ? data.id : undefined;
}

/** Where the catalogue should be, judged from a routine or course path: beside those folders. */
function expectedCatalogPath(files: readonly ContentFile[]): string {
	for (const { file } of files) {
		const m = /^(.*?)(?:routines|courses)\/[^/]+\.yaml$/.exec(file.replace(/\\/g, '/'));
		if (m) return `${m[1]}media.yaml`;
	}
	return 'media.yaml';
}

export function checkContent(files: readonly ContentFile[], mediaFileExists: MediaFileExists, added?: AddedCatalog): ContentSet {
	const ordered = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	const problems: Problem[] = [];
	const routines: Parsed<Routine>[] = [];
	const courses: Parsed<Course>[] = [];
	const catalogs: Parsed<MediaCatalog>[] = [];
	const plans: Parsed<PlanContent>[] = [];

	for (const f of ordered) {
		const kind = contentKind(f.file);
		if (kind === 'routine') routines.push(parseRoutine(f));
		else if (kind === 'course') courses.push(parseCourse(f));
		else if (kind === 'catalog') catalogs.push(parseMediaCatalog(f));
		else if (kind === 'plan') plans.push(parsePlanContent(f));
		else problems.push(wholeFile(f.file, unknownKindMessage(f.file)));
	}
	const addedParsed = added ? parseMediaCatalog(added.file) : undefined;
	for (const parsed of [...routines, ...courses, ...catalogs, ...plans, ...(addedParsed ? [addedParsed] : [])]) problems.push(...parsed.problems);

	const [catalog, ...extra] = catalogs;
	for (const other of extra) {
		problems.push(wholeFile(other.file, `there must be one media catalogue, but ${catalog?.file ?? ''} is one already`));
	}
	if (!catalog && routines.length + courses.length > 0) {
		problems.push(wholeFile(expectedCatalogPath(ordered), 'the media catalogue media.yaml is missing; routines name their sounds and clips there'));
	}

	const validRoutines = routines.flatMap(located);
	const validCourses = courses.flatMap(located);
	const validCatalog = catalog ? located(catalog)[0] : undefined;
	const validAdded = addedParsed ? located(addedParsed)[0] : undefined;
	const addedCatalog = added && validAdded ? { catalog: validAdded, mediaFileExists: added.mediaFileExists, mediaDir: added.mediaDir } : undefined;
	const invalidRoutineIds = new Set(routines.flatMap((r) => intendedId(r) ?? []));
	problems.push(
		...checkReferences({ routines: validRoutines, courses: validCourses, catalog: validCatalog, invalidRoutineIds, addedCatalog }, mediaFileExists)
	);

	const [plan, ...extraPlans] = plans;
	for (const other of extraPlans) problems.push(wholeFile(other.file, `there must be one plan, but ${plan?.file ?? ''} is one already`));
	const validPlan = plan ? located(plan)[0] : undefined;
	if (validPlan) problems.push(...checkPlanReferences(validPlan, validRoutines, invalidRoutineIds));

	return {
		routines: validRoutines.map((r) => r.value),
		courses: validCourses.map((c) => c.value),
		catalog: validCatalog ? mergeCatalogs(validCatalog.value, validAdded?.value) : null,
		plan: validPlan?.value ?? null,
		problems: problems.sort(compareProblems)
	};
}
