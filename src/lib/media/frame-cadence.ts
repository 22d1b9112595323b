/**
 * How far apart, in session time, the frames reach the follower. Not the clip's frame
 * duration: a 24 fps clip on a 60 Hz screen arrives 33 ms, then 50 ms apart, and a busy
 * main thread delays a callback further. A seek that must come before a boundary has to
 * be made at the last frame before it, so it is judged against the largest recent gap.
 */

/** Gaps kept: a few seconds' worth of a 60 Hz pattern and its hiccups. */
const GAPS_KEPT = 12;

/** A longer gap is a stall or a paused page, not the cadence: waiting for it would seek far too early. */
export const MAX_CADENCE_GAP_MS = 120;

export class FrameCadence {
	#last: number | null = null;
	readonly #gaps: number[] = [];

	/** A frame measured at session position `positionMs`. */
	note(positionMs: number): void {
		const last = this.#last;
		this.#last = positionMs;
		if (last === null) return;
		const gap = positionMs - last;
		if (!(gap > 0 && gap <= MAX_CADENCE_GAP_MS)) return;
		this.#gaps.push(gap);
		if (this.#gaps.length > GAPS_KEPT) this.#gaps.shift();
	}

	/** The next frame is not continuous with the last (a seek, another clip). */
	break(): void {
		this.#last = null;
	}

	/** The largest recent gap between frames (ms); 0 before two frames in a row. */
	get gapMs(): number {
		return this.#gaps.length ? Math.max(...this.#gaps) : 0;
	}
}
