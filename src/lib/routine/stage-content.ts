/**
 * What a session stage shows of a routine besides its timeline: each exercise's name and
 * how-to, and each talk's text and picture. Built once on the server for the player and
 * the class pages, so only this travels to the browser, never the whole routine file.
 */
import type { MediaCatalog, Routine } from './schema';

export interface StageExercise {
	readonly name: string;
	readonly instructions: readonly string[];
	readonly sided: boolean;
}

export interface StagePicture {
	/** URL of the image under /media/. */
	readonly src: string;
	/** What the picture shows, for people who cannot see it. */
	readonly alt: string;
}

export interface StageTalk {
	readonly title: string;
	readonly text: readonly string[];
	/** The talk's illustration, or null: the stage then shows a title card. */
	readonly image: StagePicture | null;
}

export interface StageContent {
	readonly exercises: Record<string, StageExercise>;
	readonly education: Record<string, StageTalk>;
}

/** `version` adds a file's content hash to its path (server/media-urls.ts), so a changed file gets a new URL. */
export function stageContent(
	routine: Routine,
	images: MediaCatalog['images'],
	version: (path: string) => string = (path) => path,
	baseUrl = '/media/'
): StageContent {
	const picture = (id: string | undefined): StagePicture | null => {
		const image = id && Object.hasOwn(images, id) ? images[id] : undefined;
		return image ? { src: `${baseUrl}${version(image.file)}`, alt: image.alt } : null;
	};
	return {
		exercises: Object.fromEntries(
			routine.exercises.map((e) => [e.id, { name: e.name, instructions: e.instructions, sided: e.sided }])
		),
		education: Object.fromEntries(
			routine.education.map((b) => [b.id, { title: b.title, text: b.text, image: picture(b.image) }])
		)
	};
}
