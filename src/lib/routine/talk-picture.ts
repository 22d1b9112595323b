/**
 * The picture shown on the stage (player, projector, participant's phone) while a talk is
 * given: the education block's image from the media catalogue, with what it shows (alt)
 * and one line under it (caption, or the block's title). Null when the block has none:
 * the stage then shows the talk's title card, never an exercise pose.
 */
import type { EducationBlock, MediaCatalog } from './schema';

export interface TalkPicture {
	readonly src: string;
	readonly alt: string;
	readonly caption: string;
}

/** A talk as the stage needs it. */
export interface TalkCard {
	readonly title: string;
	readonly text: string[];
	readonly image: TalkPicture | null;
}

/** `version` adds a file's content hash to its path (server/media-urls.ts), so a changed picture gets a new URL. */
export type VersionPath = (path: string) => string;
const bare: VersionPath = (path) => path;

export function talkPicture(
	block: Pick<EducationBlock, 'image' | 'title'>,
	images: MediaCatalog['images'],
	baseUrl = '/media/',
	version: VersionPath = bare
): TalkPicture | null {
	const entry = block.image !== undefined && Object.hasOwn(images, block.image) ? images[block.image] : undefined;
	if (!entry) return null;
	return { src: `${baseUrl}${version(entry.file)}`, alt: entry.alt, caption: entry.caption ?? block.title };
}

/** Every talk of a routine, by id, for a page's data. */
export function talkCards(
	education: readonly EducationBlock[],
	images: MediaCatalog['images'],
	baseUrl = '/media/',
	version: VersionPath = bare
): Record<string, TalkCard> {
	return Object.fromEntries(education.map((b) => [b.id, { title: b.title, text: b.text, image: talkPicture(b, images, baseUrl, version) }]));
}
