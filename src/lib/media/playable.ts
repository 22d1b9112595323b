/**
 * Which of a media item's files a browser plays. The players and the offline downloader ask
 * the same question the same way, so a download holds exactly the file the player requests.
 */
import { extensionOf } from './media-path';

const AUDIO_MIME: Readonly<Record<string, string>> = {
	webm: 'audio/webm; codecs=opus',
	m4a: 'audio/mp4; codecs=mp4a.40.2',
	mp4: 'audio/mp4; codecs=mp4a.40.2',
	ogg: 'audio/ogg; codecs=opus',
	mp3: 'audio/mpeg',
	wav: 'audio/wav'
};

const VIDEO_MIME: Readonly<Record<string, string>> = {
	webm: 'video/webm',
	mp4: 'video/mp4',
	m4v: 'video/mp4',
	ogv: 'video/ogg'
};

export type MediaKind = 'audio' | 'video';

/** The MIME type (with codecs for audio) of a file by its extension, or undefined. */
export function mimeOf(path: string, kind: MediaKind): string | undefined {
	const table = kind === 'audio' ? AUDIO_MIME : VIDEO_MIME;
	const ext = extensionOf(path);
	return Object.hasOwn(table, ext) ? table[ext] : undefined;
}

/** Asks a media element of the kind; false outside a browser. */
export function browserCanPlay(mime: string, kind: MediaKind = 'audio'): boolean {
	if (typeof document === 'undefined') return false;
	return document.createElement(kind).canPlayType(mime) !== '';
}

/**
 * The files to try, best first: those the browser says it can play (in the catalogue's
 * order, WebM/Opus before M4A/AAC), then the rest as a last resort, since decodeAudioData
 * sometimes manages what canPlayType doubts.
 */
export function filesToTry(files: readonly string[], canPlay: (mime: string) => boolean, kind: MediaKind = 'audio'): string[] {
	const playable = files.filter((f) => {
		const mime = mimeOf(f, kind);
		return mime !== undefined && canPlay(mime);
	});
	return [...playable, ...files.filter((f) => !playable.includes(f))];
}
