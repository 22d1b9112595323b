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
 */
import type { Timeline } from './timeline';

export interface CaptionSpan {
	readonly startMs: number;
	readonly endMs: number;
	readonly text: string;
}

/** The live player holds a caption this long after its cue, unless the next cue replaces it. */
export const LIVE_CAPTION_HOLD_MS = 6000;
/** The track player keeps a caption this long after its speech ends (unless the next one starts), to finish reading. */
export const TRACK_CAPTION_LINGER_MS = 4000;

/** The live player's captions: every cue with words, until the next cue or the hold runs out. */
export function timelineCaptionSpans(timeline: Timeline, holdMs = LIVE_CAPTION_HOLD_MS): CaptionSpan[] {
	const cues = [...timeline.cues].sort((a, b) => a.atMs - b.atMs);
	const spans: CaptionSpan[] = [];
	cues.forEach((cue, i) => {
		const text = cue.text.trim();
		if (text === '') return;
		// Any later cue replaces the caption on screen, even one without words.
		const next = cues.slice(i + 1).find((c) => c.atMs > cue.atMs);
		const endMs = Math.min(next?.atMs ?? Infinity, cue.atMs + holdMs, timeline.durationMs);
		if (endMs > cue.atMs) spans.push({ startMs: cue.atMs, endMs, text });
	});
	return spans;
}

/** The track player's captions: each utterance until the next, or `lingerMs` after it ends. */
export function trackCaptionSpans(
	captions: readonly CaptionSpan[],
	durationMs: number,
	lingerMs = TRACK_CAPTION_LINGER_MS
): CaptionSpan[] {
	return captions.flatMap((c, i) => {
		const next = captions[i + 1];
		const endMs = Math.min(next?.startMs ?? Infinity, c.endMs + lingerMs, durationMs);
		const text = c.text.trim();
		return text !== '' && endMs > c.startMs ? [{ startMs: c.startMs, endMs, text }] : [];
	});
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
 * so line breaks become spaces.
 */
function escapeCueText(text: string): string {
	return text
		.replace(/\r\n?|\n/g, ' ')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}

/** A WebVTT file; the title goes in a NOTE, which players ignore. */
export function toWebVtt(spans: readonly CaptionSpan[], title: string): string {
	const lines = ['WEBVTT', '', `NOTE ${escapeCueText(title).replace(/--/g, '—')}`, ''];
	spans.forEach((span, i) => {
		lines.push(String(i + 1), `${vttTimestamp(span.startMs)} --> ${vttTimestamp(span.endMs)}`, escapeCueText(span.text), '');
	});
	return lines.join('\n');
}
