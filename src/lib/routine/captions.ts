/**
 * A session's captions as time spans, and as a WebVTT file: the same words, at the same
 * moments and for as long as the player shows them, for people who want to read a session
 * before doing it, follow it in another tool, or keep a copy.
 *
 * Two sources, matching the two players:
 * - a compiled timeline, as the live player shows it: each cue's words from its moment
 *   until the next cue replaces them, or for the player's hold time;
 * - a session track's captions (relaxation), as the track player shows them: each
 *   utterance from where the mix placed it until the next one, or a little after it ends.
 *
 * A span is one cue's words (a script line); a captions file shows them split for reading
 * (`readingCues`: at most two lines of about 42 characters at a time, timed across the speech).
 */
import { timeChunks } from './caption-lines';
import type { Timeline } from './timeline';

export interface CaptionSpan {
	readonly startMs: number;
	readonly endMs: number;
	readonly text: string;
}

/** A span on screen, knowing how much of it the words take to say. */
export interface SpokenSpan extends CaptionSpan {
	/** From startMs; never past endMs. */
	readonly speechMs: number;
}

/** A caption as a captions file shows it: a few short lines, for its part of a cue's speech. */
export interface CaptionCue {
	readonly startMs: number;
	readonly endMs: number;
	readonly lines: readonly string[];
}

/** The live player holds a caption this long after its cue, unless the next cue replaces it. */
export const LIVE_CAPTION_HOLD_MS = 6000;
/** The track player keeps a caption this long after its speech ends (unless the next one starts), to finish reading. */
export const TRACK_CAPTION_LINGER_MS = 4000;

/**
 * How long speech takes when its recording is not at hand: the shipped voice says about 12.5
 * characters a second (measured over static/media/voice/manifest.json).
 */
export const SPEECH_MS_PER_CHAR = 80;

export function estimatedSpeechMs(text: string): number {
	return text.trim().length * SPEECH_MS_PER_CHAR;
}

/**
 * How long the live player keeps a cue's caption (unless the next cue replaces it): the
 * hold, or, for a long cue such as a talk, until a little after its speech ends.
 */
export function liveCaptionHoldMs(speechMs: number, holdMs = LIVE_CAPTION_HOLD_MS): number {
	return Math.max(holdMs, speechMs + TRACK_CAPTION_LINGER_MS);
}

export interface LiveCaptionOptions {
	/** The length of a cue's recorded speech, if there is one; otherwise it is estimated. */
	readonly speechMs?: (text: string) => number | undefined;
	readonly holdMs?: number;
}

/** The live player's captions: every cue with words, until the next cue or the hold runs out. */
export function timelineCaptionSpans(timeline: Timeline, opts: LiveCaptionOptions = {}): SpokenSpan[] {
	const cues = [...timeline.cues].sort((a, b) => a.atMs - b.atMs);
	const spans: SpokenSpan[] = [];
	cues.forEach((cue, i) => {
		const text = cue.text.trim();
		if (text === '') return;
		const speech = opts.speechMs?.(cue.text) ?? estimatedSpeechMs(text);
		// Any later cue replaces the caption on screen, even one without words.
		const next = cues.slice(i + 1).find((c) => c.atMs > cue.atMs);
		const endMs = Math.min(next?.atMs ?? Infinity, cue.atMs + liveCaptionHoldMs(speech, opts.holdMs), timeline.durationMs);
		if (endMs > cue.atMs) spans.push({ startMs: cue.atMs, endMs, text, speechMs: Math.min(speech, endMs - cue.atMs) });
	});
	return spans;
}

/** The track player's captions: each utterance until the next, or `lingerMs` after it ends. */
export function trackCaptionSpans(
	captions: readonly CaptionSpan[],
	durationMs: number,
	lingerMs = TRACK_CAPTION_LINGER_MS
): SpokenSpan[] {
	return captions.flatMap((c, i) => {
		const next = captions[i + 1];
		const endMs = Math.min(next?.startMs ?? Infinity, c.endMs + lingerMs, durationMs);
		const text = c.text.trim();
		const speechMs = Math.min(c.endMs, endMs) - c.startMs;
		return text !== '' && endMs > c.startMs ? [{ startMs: c.startMs, endMs, text, speechMs }] : [];
	});
}

/**
 * The spans split for reading: each span's words in chunks of a few short lines
 * (`captionChunks`), shown one after another across its speech, the last until the span
 * ends. A chunk that would get no time on screen (a span cut to almost nothing by the next
 * cue) is left out: no player could show it.
 */
export function readingCues(spans: readonly SpokenSpan[], split: CaptionSplit): CaptionCue[] {
	return spans.flatMap((span) => {
		const chunks = timeChunks(split(span.text), Math.min(span.speechMs, span.endMs - span.startMs));
		return chunks
			.map((chunk, i) => ({
				startMs: span.startMs + chunk.startMs,
				endMs: i === chunks.length - 1 ? span.endMs : span.startMs + chunk.endMs,
				lines: chunk.lines
			}))
			.filter((cue) => cue.endMs > cue.startMs);
	});
}

/**
 * How a text becomes chunks of lines: captionLines (caption-lines.ts) on the server and in
 * tools; in the players, a lookup in what the server split for this session.
 */
export type CaptionSplit = (text: string) => readonly (readonly string[])[];

/** A split looked up in what the server split (captionSplits); an unknown line is one part. */
export function splitFrom(splits: Readonly<Record<string, readonly (readonly string[])[]>>): CaptionSplit {
	return (text) => {
		const t = text.trim();
		return Object.hasOwn(splits, t) ? (splits[t] as readonly (readonly string[])[]) : t ? [[t]] : [];
	};
}

/** The reading cue on screen at `positionMs`, if any (cues sorted by start, not overlapping). */
export function readingCueAt(cues: readonly CaptionCue[], positionMs: number): CaptionCue | null {
	let lo = 0;
	let hi = cues.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((cues[mid] as CaptionCue).startMs <= positionMs) lo = mid + 1;
		else hi = mid;
	}
	const cue = cues[lo - 1];
	return cue && positionMs < cue.endMs ? cue : null;
}

/** HH:MM:SS.mmm, as WebVTT requires hours once a file can pass an hour (and allows them always). */
export function vttTimestamp(ms: number): string {
	const total = Math.max(0, Math.round(ms));
	const h = Math.floor(total / 3_600_000);
	const m = Math.floor((total % 3_600_000) / 60_000);
	const s = Math.floor((total % 60_000) / 1000);
	const milli = total % 1000;
	const two = (n: number) => String(n).padStart(2, '0');
	return `${two(h)}:${two(m)}:${two(s)}.${String(milli).padStart(3, '0')}`;
}

/**
 * Cue text may not contain "-->" and must escape & and <; a blank line would end the cue,
 * so line breaks inside a line become spaces.
 */
function escapeCueText(text: string): string {
	return text
		.replace(/\r\n?|\n/g, ' ')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}

/** A WebVTT file, one cue per caption with its lines; the title goes in a NOTE, which players ignore. */
export function toWebVtt(cues: readonly CaptionCue[], title: string): string {
	const lines = ['WEBVTT', '', `NOTE ${escapeCueText(title).replace(/--/g, '—')}`, ''];
	cues.forEach((cue, i) => {
		const text = cue.lines.map(escapeCueText).filter((line) => line.trim() !== '');
		lines.push(String(i + 1), `${vttTimestamp(cue.startMs)} --> ${vttTimestamp(cue.endMs)}`, ...text, '');
	});
	return lines.join('\n');
}
