/**
 * The shipped content, bundled into the server at build time (import.meta.glob) and
 * validated once on first use. Invalid content is a build/deploy error, not a page error:
 * the build's content check and `npm run validate` catch it first.
 */
import { compile } from '$lib/routine/compile';
import { summarize, type RoutineSummary } from '$lib/routine/catalogue';
import { checkContent } from '$lib/routine/content-set';
import { formatProblem } from '$lib/routine/problems';
import type { Course, MediaCatalog, Routine } from '$lib/routine/schema';
import type { Timeline } from '$lib/routine/timeline';

const raw = import.meta.glob('/src/content/**/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<
	string,
	string
>;

export interface Library {
	readonly routines: ReadonlyMap<string, Routine>;
	readonly courses: readonly Course[];
	readonly catalog: MediaCatalog;
	readonly summaries: readonly RoutineSummary[];
}

let library: Library | undefined;

export function getLibrary(): Library {
	if (library) return library;
	const files = Object.entries(raw).map(([path, text]) => ({ file: path.replace(/^\//, ''), text }));
	// Media files are checked against static/ by the build and the validator; at run time
	// the server may not even have static/ beside it (adapter-node copies it to build/client).
	const result = checkContent(files, () => true);
	if (result.problems.length > 0 || !result.catalog) {
		throw new Error(`Limber's content is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
	}
	library = {
		routines: new Map(result.routines.map((r) => [r.id, r])),
		courses: result.courses,
		catalog: result.catalog,
		summaries: result.routines.map(summarize)
	};
	return library;
}

export function findRoutine(id: string): Routine | undefined {
	return getLibrary().routines.get(id);
}

const timelines = new Map<string, Timeline>();

/** Compiled timelines are pure functions of shipped content, so they are cached. */
export function timelineFor(routine: Routine, level: number): Timeline {
	const key = `${routine.id}@${level}`;
	let t = timelines.get(key);
	if (!t) {
		t = compile(routine, level);
		timelines.set(key, t);
	}
	return t;
}
