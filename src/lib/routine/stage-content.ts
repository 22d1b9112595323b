/**
 * What a session stage shows of a routine besides its timeline: each exercise's name and
 * how-to, and each talk's text and picture (talk-picture.ts). Built once on the server for
 * the player and the class pages, so only this travels to the browser, never the whole
 * routine file.
 */
import type { MediaCatalog, Routine } from './schema';
import { talkCards, type TalkCard, type VersionPath } from './talk-picture';

export interface StageExercise {
	readonly name: string;
	readonly instructions: readonly string[];
	readonly sided: boolean;
}

/** A talk as the stage needs it: title, text and its picture (or null: a title card). */
export type StageTalk = TalkCard;

export interface StageContent {
	readonly exercises: Record<string, StageExercise>;
	readonly education: Record<string, StageTalk>;
}

export function stageContent(routine: Routine, images: MediaCatalog['images'], version?: VersionPath, baseUrl = '/media/'): StageContent {
	return {
		exercises: Object.fromEntries(
			routine.exercises.map((e) => [e.id, { name: e.name, instructions: e.instructions, sided: e.sided }])
		),
		education: talkCards(routine.education, images, baseUrl, version)
	};
}
