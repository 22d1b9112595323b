/**
 * The shipped content, bundled into the server at build time (import.meta.glob) and
 * validated once on first use. Invalid content is a build/deploy error, not a page error:
 * the build's content check and `npm run validate` catch it first.
 */
import { error } from '@sveltejs/kit';
import { compile } from '$lib/routine/compile';
import { summarize, type RoutineSummary } from '$lib/routine/catalogue';
import { checkContent } from '$lib/routine/content-set';
import { formatProblem } from '$lib/routine/problems';
import type { Course, MediaCatalog, Routine } from '$lib/routine/schema';
import type { Timeline } from '$lib/routine/timeline';
import type { RoutinePlan } from '$lib/progress/routine-progress';
import type { PlanContent } from '$lib/plan/plan-schema';
import { media } from './media-urls';

const raw = import.meta.glob('/src/content/**/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<
	string,
	string
>;

export interface Library {
	readonly routines: ReadonlyMap<string, Routine>;
	readonly courses: readonly Course[];
	readonly catalog: MediaCatalog;
	readonly summaries: readonly RoutineSummary[];
	/** The weekly plan (src/content/plan.yaml). */
	readonly plan: PlanContent | null;
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
	const catalog = result.catalog;
	library = {
		routines: new Map(result.routines.map((r) => [r.id, r])),
		courses: result.courses,
		catalog,
		summaries: result.routines.map((r) => summarize(r, catalog)),
		plan: result.plan
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

/**
 * The routine named in a route and the level asked for by `?level=` (the routine's
 * starting level when absent), or a 404 a person can act on.
 */
export function routineAndLevel(id: string, url: URL): { routine: Routine; level: number } {
	const routine = findRoutine(id);
	if (!routine) error(404, 'No routine by that name');
	const asked = url.searchParams.get('level');
	const level = asked === null ? routine.startingLevel.level : Number(asked);
	if (!Number.isInteger(level) || level < 1 || level > routine.levels.length) {
		error(404, `This routine has levels 1 to ${routine.levels.length}`);
	}
	return { routine, level };
}

/**
 * Only the clips and sounds a timeline uses, so a player page carries no more than it plays;
 * their paths carry content hashes (media-urls.ts).
 */
export function mediaFor(timeline: Timeline): Pick<MediaCatalog, 'videos' | 'sounds'> {
	const catalog = media.catalog(getLibrary().catalog);
	const clipIds = new Set(timeline.segments.flatMap((s) => (s.video ? [s.video.clip] : [])));
	const soundIds = new Set(timeline.cues.flatMap((c) => (c.sound ? [c.sound] : [])));
	return {
		videos: Object.fromEntries(Object.entries(catalog.videos).filter(([id]) => clipIds.has(id))),
		sounds: Object.fromEntries(Object.entries(catalog.sounds).filter(([id]) => soundIds.has(id)))
	};
}

/** The catalogue's id for the sleep timer's "bring me back gently" chime. */
export const WAKE_CHIME_SOUND = 'wake-chime';

/** The wake-up chime's files (versioned), or null if the catalogue has none. */
export function wakeChimeFiles(): readonly string[] | null {
	const sounds = media.catalog(getLibrary().catalog).sounds;
	return Object.hasOwn(sounds, WAKE_CHIME_SOUND) ? (sounds[WAKE_CHIME_SOUND]?.files ?? null) : null;
}

/** What the progress pages need to know about a routine: its rule, levels and planned frequency. */
export function routinePlan(routine: Routine): RoutinePlan {
	return {
		id: routine.id,
		title: routine.title,
		progression: routine.progression,
		startingLevel: routine.startingLevel.level,
		sessionsPerWeek: routine.frequency.sessionsPerWeek,
		levels: routine.levels.map((level, i) => ({
			level: i + 1,
			name: level.name,
			durationMs: timelineFor(routine, i + 1).durationMs
		}))
	};
}
