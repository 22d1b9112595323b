/**
 * Spoken text split into captions a person can read while it is said: chunks of at most
 * two lines of about 42 characters (the usual limit for subtitles), broken where a reader
 * would pause, and each shown for its share of the speech.
 *
 * Where to break is chosen as a whole (a small dynamic programme over the words), not
 * greedily, so a long sentence becomes balanced chunks rather than full ones and a stub:
 * - between chunks: best at a sentence end, then after a clause (, ; : —), then between
 *   words; never just after a word that leads into the next ("the", "and", "your");
 * - between the lines of a chunk: the same order, with lines of similar length;
 * - fewer chunks is better, so short sentences share one ("Breathe in. Hold.").
 * Times are proportional to each chunk's length, which is how speech spreads over text.
 * The words and their order are never changed; a word longer than a line is cut.
 */

export interface CaptionChunk {
	/** One to `maxLines` lines, each at most `maxChars` characters. */
	readonly lines: readonly string[];
	/** From the start of the speech, in ms; chunks follow one another without gaps. */
	readonly startMs: number;
	readonly endMs: number;
}

export interface CaptionChunkOptions {
	/** Characters per line (default 42). */
	readonly maxChars?: number;
	/** Lines per chunk (default 2). */
	readonly maxLines?: number;
}

export const CAPTION_MAX_CHARS = 42;
export const CAPTION_MAX_LINES = 2;

interface Token {
	readonly text: string;
	readonly pause: 'sentence' | 'clause' | null;
	/** A word that leads into the next one: a line or chunk should not end on it. */
	readonly leading: boolean;
}

const CLOSERS = `"'”’)\\]»`;
const SENTENCE_END = new RegExp(`[.!?…][${CLOSERS}]*$`);
const CLAUSE_END = new RegExp(`([,;:]|[—–])[${CLOSERS}]*$|^[—–]$`);
/** Articles, prepositions, conjunctions and possessives: English words that lean on what follows. */
const LEADING_WORDS = new Set(
	(
		'a an the and or but nor so if as at by for from in into of on onto to up with without ' +
		'your my our their his her its this that these those than then when while where which who ' +
		'is are was be can will not no very each every both'
	).split(' ')
);

// Costs, in arbitrary units; only their order and rough ratios matter.
const CHUNK_COST = 25;
/** Weight of a chunk's unused room: enough to prefer balanced chunks, never a worse break. */
const CHUNK_SLACK_WEIGHT = 0.3;
const BREAK_COST = { sentence: 0, clause: 20, word: 80 } as const;
const LINE_BREAK_COST = { sentence: 0, clause: 8, word: 20 } as const;
const LEADING_WORD_COST = 40;

function tokenize(text: string, maxChars: number): Token[] {
	const words = text.split(/\s+/).filter((w) => w !== '');
	return words.flatMap((word) => {
		const pieces: string[] = [];
		for (let i = 0; i < word.length; i += maxChars) pieces.push(word.slice(i, i + maxChars));
		return pieces.map((piece, i): Token => {
			const last = i === pieces.length - 1;
			const pause = !last ? null : SENTENCE_END.test(piece) ? 'sentence' : CLAUSE_END.test(piece) ? 'clause' : null;
			return { text: piece, pause, leading: last && pause === null && LEADING_WORDS.has(piece.toLowerCase()) };
		});
	});
}

/** Characters of tokens [from, to) set on one line. */
function width(tokens: readonly Token[], from: number, to: number): number {
	let chars = to - from - 1;
	for (let k = from; k < to; k++) chars += (tokens[k] as Token).text.length;
	return chars;
}

/** How many lines tokens [from, to) need at the fewest (filling each line in turn). */
function linesNeeded(tokens: readonly Token[], from: number, to: number, maxChars: number): number {
	let lines = 1;
	let used = -1;
	for (let k = from; k < to; k++) {
		const len = (tokens[k] as Token).text.length;
		if (used >= 0 && used + 1 + len > maxChars) {
			lines++;
			used = len;
		} else used = used < 0 ? len : used + 1 + len;
	}
	return lines;
}

function breakCost(token: Token, costs: { readonly sentence: number; readonly clause: number; readonly word: number }): number {
	return costs[token.pause ?? 'word'] + (token.leading ? LEADING_WORD_COST : 0);
}

/**
 * The cheapest way to cut tokens [0, n) into spans, given which spans are allowed and
 * what a span ending at each index costs. `best[i]` is the cost of the first i tokens.
 */
function cheapestCuts(n: number, fits: (from: number, to: number) => boolean, cost: (from: number, to: number) => number): number[] {
	const best = new Array<number>(n + 1).fill(Infinity);
	const from = new Array<number>(n + 1).fill(0);
	best[0] = 0;
	for (let to = 1; to <= n; to++) {
		// A shorter span fits whenever a longer one does, so stop at the first that does not.
		for (let start = to - 1; start >= 0 && fits(start, to); start--) {
			const total = (best[start] as number) + cost(start, to);
			if (total < (best[to] as number)) {
				best[to] = total;
				from[to] = start;
			}
		}
	}
	const cuts: number[] = [];
	for (let at = n; at > 0; at = from[at] as number) cuts.unshift(at);
	return [0, ...cuts];
}

/**
 * A chunk's words on as few lines as they need (a chunk is only made where that is at most
 * maxLines), breaking where it reads best: `best[l][i]` is the cost of the first i words on
 * l lines.
 */
function splitLines(tokens: readonly Token[], maxChars: number): string[] {
	const n = tokens.length;
	const lineCount = linesNeeded(tokens, 0, n, maxChars);
	const best = Array.from({ length: lineCount + 1 }, () => new Array<number>(n + 1).fill(Infinity));
	const from = Array.from({ length: lineCount + 1 }, () => new Array<number>(n + 1).fill(0));
	(best[0] as number[])[0] = 0;
	for (let l = 1; l <= lineCount; l++) {
		const row = best[l] as number[];
		const prev = best[l - 1] as number[];
		for (let to = 1; to <= n; to++) {
			for (let start = to - 1; start >= 0 && width(tokens, start, to) <= maxChars; start--) {
				if (prev[start] === Infinity) continue;
				const slack = maxChars - width(tokens, start, to);
				const total = (prev[start] as number) + (slack * slack) / maxChars + (to < n ? breakCost(tokens[to - 1] as Token, LINE_BREAK_COST) : 0);
				if (total < (row[to] as number)) {
					row[to] = total;
					(from[l] as number[])[to] = start;
				}
			}
		}
	}
	const lines: string[] = [];
	for (let l = lineCount, at = n; l > 0; l--) {
		const start = (from[l] as number[])[at] as number;
		lines.unshift(tokens.slice(start, at).map((t) => t.text).join(' '));
		at = start;
	}
	return lines;
}

function readOptions(opts: CaptionChunkOptions | undefined): { maxChars: number; maxLines: number } {
	const maxChars = opts?.maxChars ?? CAPTION_MAX_CHARS;
	const maxLines = opts?.maxLines ?? CAPTION_MAX_LINES;
	if (!Number.isInteger(maxChars) || maxChars < 1) throw new RangeError(`maxChars must be a whole number from 1, not ${maxChars}`);
	if (!Number.isInteger(maxLines) || maxLines < 1) throw new RangeError(`maxLines must be a whole number from 1, not ${maxLines}`);
	return { maxChars, maxLines };
}

/** The text as chunks of lines, in reading order, without times. */
export function captionLines(text: string, opts?: CaptionChunkOptions): string[][] {
	const { maxChars, maxLines } = readOptions(opts);
	const tokens = tokenize(text, maxChars);
	const n = tokens.length;
	const capacity = maxChars * maxLines;
	const cuts = cheapestCuts(
		n,
		(a, b) => linesNeeded(tokens, a, b, maxChars) <= maxLines,
		(a, b) => {
			const slack = Math.max(0, capacity - width(tokens, a, b));
			return CHUNK_COST + (CHUNK_SLACK_WEIGHT * slack * slack) / capacity + (b < n ? breakCost(tokens[b - 1] as Token, BREAK_COST) : 0);
		}
	);
	return cuts.slice(1).map((end, i) => splitLines(tokens.slice(cuts[i], end), maxChars));
}

/**
 * A spoken cue's text as caption chunks timed across its speech: chunk k is shown from
 * `startMs` to `endMs` (ms from the start of the speech), in proportion to its length, the
 * first from 0 and the last until `durationMs`. Empty text gives no chunks.
 */
export function captionChunks(text: string, durationMs: number, opts?: CaptionChunkOptions): CaptionChunk[] {
	return timeChunks(captionLines(text, opts), durationMs);
}

/**
 * Chunks already split (by captionLines, here or on the server), timed across `durationMs`
 * of speech in proportion to their length. Kept apart from the splitting so the players
 * can time what the server split without carrying the splitter.
 */
export function timeChunks(chunks: readonly (readonly string[])[], durationMs: number): CaptionChunk[] {
	const duration = Number.isFinite(durationMs) ? Math.max(0, durationMs) : 0;
	const lengths = chunks.map((lines) => lines.join(' ').length);
	const total = lengths.reduce((sum, len) => sum + len, 0);
	let done = 0;
	let startMs = 0;
	return chunks.map((lines, k) => {
		done += lengths[k] as number;
		const endMs = k === chunks.length - 1 ? duration : Math.round((duration * done) / total);
		const chunk = { lines, startMs, endMs };
		startMs = endMs;
		return chunk;
	});
}
