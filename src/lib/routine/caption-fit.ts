/**
 * Captions that fit the box actually shown. The server splits every spoken line for a
 * 42-character line (caption-lines.ts), which is what a captions file and most screens
 * want; but a projector's large captions, or a phone's narrow picture, hold fewer
 * characters than that. Here a line's width is measured in pixels with the font on screen,
 * and a text whose split does not fit is split again for fewer characters a line, which
 * gives more two-line pages, each timed across the speech like any other.
 *
 * The splitter is passed in, so the players load it only when a box is too narrow for the
 * server's split (most screens never need it).
 */

/** A line's width in CSS pixels, in the font the caption is shown in. */
export type TextWidth = (text: string) => number;

/** Split a text into chunks of lines of at most `maxChars` characters (captionLines). */
export type SplitForChars = (text: string, maxChars: number) => readonly (readonly string[])[];

/** Most characters a caption line ever holds: the server's split. */
export const FIT_MAX_CHARS = 42;

/** Every line of every chunk at most `boxPx` wide (and at most `maxLines` lines to a chunk). */
export function chunksFit(chunks: readonly (readonly string[])[], width: TextWidth, boxPx: number, maxLines = 2): boolean {
	return chunks.every((lines) => lines.length <= maxLines && lines.every((line) => width(line) <= boxPx));
}

/**
 * The text split for the most characters a line that still fit `boxPx`: from an estimate
 * (the box over this text's mean character width, a little over, never past 42) down,
 * one character at a time, to the first split whose lines all measure inside the box. A
 * box narrower than one character gives one character a line: the words are never dropped.
 */
export function fitCaption(text: string, width: TextWidth, boxPx: number, split: SplitForChars, maxLines = 2): readonly (readonly string[])[] {
	const t = text.trim();
	if (t === '') return [];
	const mean = width(t) / t.length;
	const estimate = mean > 0 && Number.isFinite(boxPx) ? Math.floor(boxPx / mean) + 2 : FIT_MAX_CHARS;
	for (let maxChars = Math.max(1, Math.min(FIT_MAX_CHARS, estimate)); maxChars > 1; maxChars--) {
		const chunks = split(t, maxChars);
		if (chunksFit(chunks, width, boxPx, maxLines)) return chunks;
	}
	return split(t, 1);
}
