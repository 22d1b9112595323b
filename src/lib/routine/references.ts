/**
 * Checks that need more than one file, or more than the schema can say: ids that must be
 * unique, names that must refer to something, media that must exist. Pure: the file
 * system is reached only through `mediaFileExists`.
 */
import { compareProblems, type FieldPath, type Problem } from './problems';
import { problemAt } from './parse';
import { phasePartName } from './compile';
import type { Course, MediaCatalog, Routine } from './schema';
import { didYouMean } from './suggest';
import type { Locate } from './yaml-locate';

/** A validated file with a way to place problems in its source. */
export interface Located<T> {
	readonly file: string;
	readonly value: T;
	readonly locate: Locate;
}

export interface ReferenceInput {
	readonly routines: readonly Located<Routine>[];
	readonly courses: readonly Located<Course>[];
	/** Absent when there is no valid catalogue; media references are then not checked. */
	readonly catalog?: Located<MediaCatalog>;
	/** Ids of routine files that exist but failed validation: a course naming one is not blamed again. */
	readonly invalidRoutineIds?: ReadonlySet<string>;
	/** A second catalogue whose entries routines may name too (a clinic's own media.yaml). */
	readonly addedCatalog?: AddedCatalogSource;
}

export interface AddedCatalogSource {
	readonly catalog: Located<MediaCatalog>;
	/** Where its files are looked for, and how a problem names that folder. */
	readonly mediaFileExists: MediaFileExists;
	readonly mediaDir: string;
}

/**
 * The catalogue routines are checked against and played from: the main one's entries, and
 * the added one's under ids the main one does not have (a clash is the caller's to refuse:
 * see src/lib/server/clinic-content/merge.ts).
 */
export function mergeCatalogs(main: MediaCatalog, added: MediaCatalog | undefined): MediaCatalog {
	if (!added) return main;
	return {
		sounds: { ...added.sounds, ...main.sounds },
		videos: { ...added.videos, ...main.videos },
		images: { ...added.images, ...main.images }
	};
}

/** `relPath` is relative to static/media, as written in the catalogue. */
export type MediaFileExists = (relPath: string) => boolean;

function where(source: Located<unknown>, path: FieldPath): string {
	const at = source.locate(path);
	return `${source.file}:${at.line}:${at.column}`;
}

/** Each file sharing an id gets a problem naming the others, so checking any one file shows it. */
function duplicateIds(kind: string, items: readonly Located<{ id: string }>[]): Problem[] {
	const byId = new Map<string, Located<{ id: string }>[]>();
	for (const item of items) byId.set(item.value.id, [...(byId.get(item.value.id) ?? []), item]);
	return [...byId.values()]
		.filter((group) => group.length > 1)
		.flatMap((group) =>
			group.map((item) => {
				const others = group.filter((o) => o !== item).map((o) => where(o, ['id']));
				return problemAt(item, ['id'], `${kind} id "${item.value.id}" is also used by ${others.join(', ')}; ids must be unique`);
			})
		);
}

function duplicateEntries(source: Located<Routine>, list: 'exercises' | 'education', kind: string): Problem[] {
	const first = new Map<string, number>();
	const problems: Problem[] = [];
	source.value[list].forEach((entry, i) => {
		const earlier = first.get(entry.id);
		if (earlier === undefined) first.set(entry.id, i);
		else {
			const line = source.locate([list, earlier, 'id']).line;
			problems.push(problemAt(source, [list, i, 'id'], `${kind} id "${entry.id}" is already used by ${list}.${earlier} (line ${line})`));
		}
	});
	return problems;
}

function stepReferences(source: Located<Routine>): Problem[] {
	const r = source.value;
	const exercises = new Set(r.exercises.map((e) => e.id));
	const education = new Set(r.education.map((e) => e.id));
	const problems: Problem[] = [];
	r.levels.forEach((level, l) =>
		level.steps.forEach((step, s) => {
			if ('exercise' in step && !exercises.has(step.exercise)) {
				problems.push(
					problemAt(source, ['levels', l, 'steps', s, 'exercise'], `no exercise "${step.exercise}" in this routine's exercises${didYouMean(step.exercise, exercises)}`)
				);
			}
			if ('education' in step && !education.has(step.education)) {
				problems.push(
					problemAt(
						source,
						['levels', l, 'steps', s, 'education'],
						`no education block "${step.education}" in this routine's education list${didYouMean(step.education, education)}`
					)
				);
			}
		})
	);
	const start = r.startingLevel.level;
	if (start > r.levels.length) {
		problems.push(problemAt(source, ['startingLevel', 'level'], `starting level ${start} does not exist; this routine has ${r.levels.length} level${r.levels.length === 1 ? '' : 's'}`));
	}
	return problems;
}

function mediaReferences(source: Located<Routine>, catalog: MediaCatalog): Problem[] {
	const r = source.value;
	const problems: Problem[] = [];
	const sounds = Object.keys(catalog.sounds);
	const sound = (path: FieldPath, id: string | undefined) => {
		if (id === undefined || id in catalog.sounds) return;
		const written = source.locate(path).found;
		const message = written
			? `no sound "${id}" in the media catalogue${didYouMean(id, sounds)}`
			: `the default sound "${id}" for ${path.join('.')} is not in the media catalogue; add it there or name another sound here`;
		problems.push(problemAt(source, path, message));
	};
	for (const [name, id] of Object.entries(r.cues.sounds)) sound(['cues', 'sounds', name], id);

	r.exercises.forEach((exercise, e) => {
		exercise.cues.forEach((cue, c) => sound(['exercises', e, 'cues', c, 'sound'], cue.sound));
		const media = exercise.media;
		if (!media) return;
		const at = (field: string): FieldPath => ['exercises', e, 'media', field];
		if (media.image !== undefined && !(media.image in catalog.images)) {
			problems.push(problemAt(source, at('image'), `no image "${media.image}" in the media catalogue${didYouMean(media.image, Object.keys(catalog.images))}`));
		}
		if (media.video === undefined) {
			if (media.in !== undefined || media.out !== undefined) problems.push(problemAt(source, at(media.in !== undefined ? 'in' : 'out'), 'in and out points need a video'));
			return;
		}
		const clip = catalog.videos[media.video];
		if (!clip) {
			problems.push(problemAt(source, at('video'), `no video "${media.video}" in the media catalogue${didYouMean(media.video, Object.keys(catalog.videos))}`));
			return;
		}
		if (media.in !== undefined && media.in >= clip.duration) {
			problems.push(problemAt(source, at('in'), `starts at ${media.in} s, but video "${media.video}" is only ${clip.duration} s long`));
		}
		if (media.out !== undefined && media.out > clip.duration) {
			problems.push(problemAt(source, at('out'), `ends at ${media.out} s, but video "${media.video}" is only ${clip.duration} s long`));
		}
	});

	r.education.forEach((block, b) => {
		if (block.image !== undefined && !(block.image in catalog.images)) {
			problems.push(problemAt(source, ['education', b, 'image'], `no image "${block.image}" in the media catalogue${didYouMean(block.image, Object.keys(catalog.images))}`));
		}
	});

	r.levels.forEach((level, l) =>
		level.steps.forEach((step, s) => {
			if (!('exercise' in step)) return;
			step.phases?.forEach((phase, p) => sound(['levels', l, 'steps', s, 'phases', p, 'sound'], phase.sound));
			// A clip with parts shows each phase by its part: every phase must have one.
			const video = r.exercises.find((e) => e.id === step.exercise)?.media?.video;
			const parts = video === undefined ? undefined : catalog.videos[video]?.parts;
			if (!parts) return;
			step.phases?.forEach((phase, p) => {
				const name = phasePartName(phase);
				if (Object.hasOwn(parts, name)) return;
				const path: FieldPath = ['levels', l, 'steps', s, 'phases', p, phase.part === undefined ? 'name' : 'part'];
				problems.push(problemAt(source, path, `video "${video}" has no part "${name}" for this phase${didYouMean(name, Object.keys(parts))}; name one with part: (it has ${Object.keys(parts).join(', ')})`));
			});
		})
	);
	return problems;
}

/** Every part and other-side clip of a video fits it and exists (in `videos`, every clip there is). */
function clipParts(source: Located<MediaCatalog>, videos: MediaCatalog['videos'] = source.value.videos): Problem[] {
	const problems: Problem[] = [];
	for (const [id, v] of Object.entries(source.value.videos)) {
		for (const [name, part] of Object.entries(v.parts ?? {})) {
			if (part.out > v.duration + 0.001) problems.push(problemAt(source, ['videos', id, 'parts', name, 'out'], `part "${name}" ends at ${part.out} s, but video "${id}" is only ${v.duration} s long`));
			// The element loops a whole clip seamlessly by itself; a stretch inside it would need a seek at every pass.
			if (part.loop && (part.in > 0.001 || Math.abs(part.out - v.duration) > 0.001)) {
				problems.push(problemAt(source, ['videos', id, 'parts', name, 'loop'], `a looping part must be the whole clip (in: 0, out: ${v.duration}); "${name}" is ${part.in}–${part.out} s`));
			}
		}
		if (v.otherSide !== undefined && v.otherSide !== 'mirror' && !Object.hasOwn(videos, v.otherSide)) {
			problems.push(problemAt(source, ['videos', id, 'otherSide'], `no video "${v.otherSide}" for the other side (or say mirror)${didYouMean(v.otherSide, Object.keys(videos))}`));
		}
		if (v.otherSide !== undefined && v.side === undefined) problems.push(problemAt(source, ['videos', id, 'otherSide'], 'otherSide needs side: the side this clip shows'));
	}
	return problems;
}

function catalogFiles(source: Located<MediaCatalog>, exists: MediaFileExists, mediaDir = 'static/media'): Problem[] {
	const c = source.value;
	const files: { path: FieldPath; rel: string }[] = [
		...Object.entries(c.sounds).flatMap(([id, s]) => s.files.map((rel, i) => ({ path: ['sounds', id, 'files', i], rel }))),
		...Object.entries(c.videos).flatMap(([id, v]) => [
			...v.files.map((rel, i) => ({ path: ['videos', id, 'files', i], rel })),
			...(v.poster === undefined ? [] : [{ path: ['videos', id, 'poster'], rel: v.poster }])
		]),
		...Object.entries(c.images).map(([id, image]) => ({ path: ['images', id, 'file'], rel: image.file }))
	];
	return files.filter((f) => !exists(f.rel)).map((f) => problemAt(source, f.path, `file ${mediaDir}/${f.rel} does not exist`));
}

function lessonReferences(source: Located<Course>, routines: ReadonlyMap<string, Routine>, invalid: ReadonlySet<string>): Problem[] {
	const problems: Problem[] = [];
	source.value.lessons.forEach((lesson, i) => {
		const routine = routines.get(lesson.routine);
		if (!routine) {
			if (!invalid.has(lesson.routine)) {
				problems.push(problemAt(source, ['lessons', i, 'routine'], `no routine "${lesson.routine}" in the content${didYouMean(lesson.routine, routines.keys())}`));
			}
			return;
		}
		if (lesson.level > routine.levels.length) {
			const n = routine.levels.length;
			problems.push(problemAt(source, ['lessons', i, 'level'], `routine "${lesson.routine}" has ${n} level${n === 1 ? '' : 's'}, so there is no level ${lesson.level}`));
		}
	});
	return problems;
}

export function checkReferences(input: ReferenceInput, mediaFileExists: MediaFileExists): Problem[] {
	const { routines, courses, catalog, addedCatalog: added } = input;
	const byId = new Map(routines.map((r) => [r.value.id, r.value]));
	const merged = catalog ? mergeCatalogs(catalog.value, added?.catalog.value) : undefined;
	return [
		...duplicateIds('routine', routines),
		...duplicateIds('course', courses),
		...routines.flatMap((r) => [
			...duplicateEntries(r, 'exercises', 'exercise'),
			...duplicateEntries(r, 'education', 'education'),
			...stepReferences(r),
			...(merged ? mediaReferences(r, merged) : [])
		]),
		...(catalog ? catalogFiles(catalog, mediaFileExists) : []),
		...(catalog ? clipParts(catalog) : []),
		...(added ? catalogFiles(added.catalog, added.mediaFileExists, added.mediaDir) : []),
		...(added ? clipParts(added.catalog, merged?.videos ?? added.catalog.value.videos) : []),
		...courses.flatMap((c) => lessonReferences(c, byId, input.invalidRoutineIds ?? new Set()))
	].sort(compareProblems);
}
