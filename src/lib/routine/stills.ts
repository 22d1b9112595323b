/**
 * The still pictures that stand for a routine and its steps, so people can choose and
 * recognise them at a glance: an exercise clip's poster (the held pose), else the
 * exercise's own image; a talk's image; and for a routine without either, its category's
 * picture (a calm resting figure for relaxation). Stills are shown in a 16:9 frame (the
 * posters' shape), so a page knows their size before they load.
 */
import type { Category } from './categories';
import type { EducationBlock, Exercise, MediaCatalog, Routine } from './schema';
import type { TimelineStep } from './timeline';

/** The frame every still is shown in, as width and height attributes (scaled by CSS). */
export const STILL_FRAME = { width: 16, height: 9 } as const;

/** Catalogue images that stand for a category when none of its exercises has a picture. */
export const CATEGORY_STILLS: Partial<Record<Category, string>> = { relaxation: 'relaxation-rest' };

type Catalog = Pick<MediaCatalog, 'videos' | 'images'>;

function imageFile(catalog: Catalog, id: string | undefined): string | null {
	return id !== undefined && Object.hasOwn(catalog.images, id) ? (catalog.images[id]?.file ?? null) : null;
}

/** An exercise's picture, as a path under static/media: its clip's poster, or its image. */
export function exerciseStill(exercise: Exercise, catalog: Catalog): string | null {
	const video = exercise.media?.video;
	const poster = video !== undefined && Object.hasOwn(catalog.videos, video) ? catalog.videos[video]?.poster : undefined;
	return poster ?? imageFile(catalog, exercise.media?.image);
}

export function educationStill(block: EducationBlock, catalog: Catalog): string | null {
	return imageFile(catalog, block.image);
}

/** The picture of one played step: its exercise's or its talk's; none for a rest. */
export function stepStill(routine: Routine, step: Pick<TimelineStep, 'exerciseId' | 'educationId'>, catalog: Catalog): string | null {
	const exercise = step.exerciseId ? routine.exercises.find((e) => e.id === step.exerciseId) : undefined;
	if (exercise) return exerciseStill(exercise, catalog);
	const block = step.educationId ? routine.education.find((b) => b.id === step.educationId) : undefined;
	return block ? educationStill(block, catalog) : null;
}

/**
 * The picture on a routine's card: the first exercise with a picture, in the order the
 * starting level plays them (then the other levels'), else the category's picture.
 */
export function routineStill(routine: Routine, catalog: Catalog): string | null {
	const start = routine.startingLevel.level - 1;
	const levels = [routine.levels[start], ...routine.levels.filter((_, i) => i !== start)];
	for (const level of levels) {
		for (const step of level?.steps ?? []) {
			if (!('exercise' in step)) continue;
			const exercise = routine.exercises.find((e) => e.id === step.exercise);
			const still = exercise ? exerciseStill(exercise, catalog) : null;
			if (still) return still;
		}
	}
	return imageFile(catalog, CATEGORY_STILLS[routine.category]);
}
