/**
 * The shipped content, bundled into the server at build time (import.meta.glob) and
 * validated once on first use. Invalid content is a build/deploy error, not a page error:
 * the build's content check and `npm run validate` catch it first.
 *
 * A clinic's own routines, courses and media catalogue (LIMBER_CONTENT_DIR) are read from
 * disk at the same moment and checked with the shipped ones; a clinic file with problems is
 * left out and its problems printed (and shown on /teach) instead of stopping the server.
 * The clinic's media files are hashed then too, so their URLs carry `?v=` like the shipped.
 */
import { error } from '@sveltejs/kit';
import { compile } from '$lib/routine/compile';
import { summarize, type RoutineSummary } from '$lib/routine/catalogue';
import { formatProblem, type Problem } from '$lib/routine/problems';
import { CLINIC_DIR_VARIABLE, mergeClinicContent } from './clinic-content/merge';
import { CLINIC_MEDIA_FOLDER, readClinicFiles } from './clinic-content/read-dir';
import path from 'node:path';
import { readMediaFiles, type HashMemo, type MediaFileTable } from './media-table';
import type { Course, MediaCatalog, Routine } from '$lib/routine/schema';
import type { Timeline } from '$lib/routine/timeline';
import type { RoutinePlan } from '$lib/progress/routine-progress';
import type { PlanContent } from '$lib/plan/plan-schema';
import { media, shippedMediaFiles, useClinicMediaFiles } from './media-urls';

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
	/** What came from LIMBER_CONTENT_DIR, or null when it is not set. */
	readonly clinic: ClinicContentReport | null;
}

export interface ClinicContentReport {
	readonly dir: string;
	/** Files loaded, as absolute paths. */
	readonly loaded: readonly string[];
	/** Problems in the files left out, each placed at FILE:LINE:COLUMN. */
	readonly problems: readonly Problem[];
}

let library: Library | undefined;

export function getLibrary(): Library {
	library ??= buildLibrary();
	return library;
}

/**
 * Reads LIMBER_CONTENT_DIR again (on SIGHUP, see hooks.server.ts) and swaps the library in
 * whole, so a request sees the old content or the new, never a mix. Caches of compiled
 * timelines and media lists are keyed by the routine object, so they follow by themselves.
 */
export function reloadLibrary(): Library {
	library = buildLibrary();
	return library;
}

/** Hashes of the clinic's media files, kept across reloads: only changed files are read again. */
const clinicHashes: HashMemo = new Map();

function buildLibrary(): Library {
	const files = Object.entries(raw).map(([file, text]) => ({ file: file.replace(/^\//, ''), text }));
	const configured = process.env[CLINIC_DIR_VARIABLE]?.trim();
	const read = configured ? readClinicFiles(configured) : null;
	const mediaDir = read ? path.join(read.dir, CLINIC_MEDIA_FOLDER) : null;
	const { table: clinicTable, problem: mediaProblem } = mediaDir ? readClinicMedia(mediaDir) : { table: {}, problem: null };
	// Shipped media files are checked against static/ by the build and the validator; at
	// run time the server may not even have static/ beside it (adapter-node copies it to
	// build/client). A clinic catalogue's files are looked for in the clinic's media folder,
	// or among the shipped ones (a clinic clip may reuse a shipped still).
	const clinicMedia = {
		dir: mediaDir ?? CLINIC_MEDIA_FOLDER,
		mediaFileExists: (rel: string) => Object.hasOwn(clinicTable, rel) || Object.hasOwn(shippedMediaFiles, rel)
	};
	const merged = mergeClinicContent(files, read?.files ?? [], () => true, clinicMedia);
	useClinicMediaFiles(clinicTable);
	const result = merged.set;
	if (!result.catalog) throw new Error("Limber's content has no media catalogue");
	const catalog = result.catalog;
	const clinic = read ? { dir: read.dir, loaded: merged.loaded, problems: [...read.problems, ...(mediaProblem ? [mediaProblem] : []), ...merged.problems] } : null;
	if (clinic) reportClinicContent(clinic);
	return {
		routines: new Map(result.routines.map((r) => [r.id, r])),
		courses: result.courses,
		catalog,
		summaries: result.routines.map((r) => summarize(r, catalog)),
		plan: result.plan,
		clinic
	};
}

/** The clinic's media files; one that cannot be read is a problem on the list, not a failed start. */
function readClinicMedia(dir: string): { table: MediaFileTable; problem: Problem | null } {
	try {
		return { table: readMediaFiles(dir, clinicHashes), problem: null };
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
		return { table: {}, problem: { file: dir, line: 1, column: 1, message: `the media folder cannot be read (${code}); its files are left out`, path: '' } };
	}
}

/** Once, at start: one line per problem, in the form editors and CI jump to. */
function reportClinicContent(clinic: ClinicContentReport): void {
	console.log(`${CLINIC_DIR_VARIABLE}=${clinic.dir}: ${clinic.loaded.length} file(s) loaded, ${clinic.problems.length} problem(s)`);
	for (const problem of clinic.problems) console.log(formatProblem(problem));
}

export function findRoutine(id: string): Routine | undefined {
	return getLibrary().routines.get(id);
}

/**
 * Compiled timelines are pure functions of a routine object, so they are cached by that
 * object (not its id): a reloaded or edited routine with the same id gets its own.
 */
const timelines = new WeakMap<Routine, Map<number, Timeline>>();

export function timelineFor(routine: Routine, level: number): Timeline {
	let byLevel = timelines.get(routine);
	if (!byLevel) {
		byLevel = new Map();
		timelines.set(routine, byLevel);
	}
	let t = byLevel.get(level);
	if (!t) {
		t = compile(routine, level);
		byLevel.set(level, t);
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
