/**
 * How a stage's spoken lines become caption pages that fit its band. The server's split
 * (42 characters a line, the same as the captions file) is used wherever it fits; the band
 * reports its box (the width its text may take and how wide a line is in its font), and a
 * line that would not fit that box has its text split again for it (routine/caption-fit.ts),
 * so a projector's large captions show more, shorter pages instead of losing words.
 *
 * The splitter itself is loaded the first time a box is too narrow: most screens never need it.
 */
import { splitFrom, type CaptionSplit } from '$lib/routine/captions';
import { chunksFit, fitCaption, type SplitForChars, type TextWidth } from '$lib/routine/caption-fit';

export interface CaptionBox {
	/** The width a line's text may take, in CSS pixels. */
	readonly widthPx: number;
	/** What the box's font is (family, weight, size): a new font is a new box. */
	readonly font: string;
	readonly textWidth: TextWidth;
}

export type LoadSplitter = () => Promise<SplitForChars>;

const loadCaptionLines: LoadSplitter = async () => {
	const { captionLines } = await import('$lib/routine/caption-lines');
	return (text, maxChars) => captionLines(text, { maxChars });
};

export class CaptionFit {
	readonly #server: CaptionSplit;
	readonly #load: LoadSplitter;
	#box = $state.raw<CaptionBox | null>(null);
	#splitter = $state.raw<SplitForChars | null>(null);
	#loading: Promise<void> | null = null;
	readonly #split: CaptionSplit = $derived.by(() => this.#makeSplit(this.#box, this.#splitter));

	constructor(splits: Readonly<Record<string, readonly (readonly string[])[]>>, load: LoadSplitter = loadCaptionLines) {
		this.#server = splitFrom(splits);
		this.#load = load;
	}

	/** The split for the box shown now; a new function whenever the box (or the splitter) changes. */
	get split(): CaptionSplit {
		return this.#split;
	}

	get box(): CaptionBox | null {
		return this.#box;
	}

	/** The band measured its box; null when no band is shown. The same size and font again changes nothing. */
	setBox(box: CaptionBox | null): void {
		const now = this.#box;
		if (box === null ? now === null : now !== null && now.widthPx === box.widthPx && now.font === box.font) return;
		this.#box = box;
	}

	/** Resolves once the splitter is loaded (tests; a failed load leaves the server's split). */
	ready(): Promise<void> {
		return this.#loading ?? Promise.resolve();
	}

	#requestSplitter(): void {
		this.#loading ??= this.#load().then(
			(splitter) => {
				this.#splitter = splitter;
			},
			() => {
				// Offline and not cached: the server's lines stay (the band wraps rather than clips them).
			}
		);
	}

	#makeSplit(box: CaptionBox | null, splitter: SplitForChars | null): CaptionSplit {
		if (box === null) return this.#server;
		const fitted = new Map<string, readonly (readonly string[])[]>();
		return (text) => {
			const server = this.#server(text);
			if (chunksFit(server, box.textWidth, box.widthPx)) return server;
			if (splitter === null) {
				// Written later, from the load's promise: never during the derivation that asked.
				this.#requestSplitter();
				return server;
			}
			let chunks = fitted.get(text);
			if (!chunks) {
				chunks = fitCaption(text, box.textWidth, box.widthPx, splitter);
				fitted.set(text, chunks);
			}
			return chunks;
		};
	}
}
