/**
 * How the video is pulled back to the session clock. Pure policy: given the drift of one
 * displayed frame and the playback rate now in force, say what to do. Three bands:
 * leave small drift alone, nudge the playback rate for medium drift, seek for large.
 *
 * The video is muted, so a rate change is invisible and inaudible, while a seek costs a
 * decode from the previous keyframe and shows as a hitch: seek only when nudging would
 * take too long.
 */

/**
 * Below this, leave the video alone. Under one frame at 30 fps (33 ms) and inside the
 * +45 ms lip-sync limit (ITU-R BT.1359); chasing smaller errors makes the rate hunt,
 * because a single frame's timestamp is only known to about a frame.
 */
export const DRIFT_DEAD_BAND_MS = 25;

/**
 * Once nudging, keep nudging until the drift is below this. Lower than the dead band
 * (hysteresis): stopping at 25 ms would leave the video sitting on the band's edge and
 * switching the rate on and off every few frames.
 */
export const DRIFT_SETTLE_MS = 8;

/**
 * From here on, seek. At the largest nudge (8%) 400 ms takes 5 s to absorb, longer than
 * a person watches one movement; a seek's hitch is the smaller harm.
 */
export const DRIFT_SEEK_MS = 400;

/** The largest rate change: 8% is not visible as slow or fast motion in a demonstration. */
export const MAX_RATE_NUDGE = 0.08;

/** A nudge proportional to the drift would absorb it in about this long (before the cap). */
export const NUDGE_CONVERGE_MS = 1000;

/**
 * Rates are rounded to this step so that a rate is not rewritten on every frame for a
 * change nobody could see; each write can make the browser re-sync its media clock.
 */
export const RATE_STEP = 0.005;

export type DriftAction =
	| { readonly kind: 'none' }
	| { readonly kind: 'rate'; readonly rate: number }
	| { readonly kind: 'seek' };

const NONE: DriftAction = { kind: 'none' };
const SEEK: DriftAction = { kind: 'seek' };

export interface DriftContext {
	/** The element's playback rate now; anything but 1 means a nudge is in progress. */
	readonly rate: number;
	/**
	 * A discontinuity (step change, jump, swap, resume): there is no motion to nudge
	 * smoothly, so anything past the dead band is sought away at once.
	 */
	readonly boundary?: boolean;
}

function roundRate(rate: number): number {
	return Math.round(rate / RATE_STEP) * RATE_STEP;
}

function setRate(rate: number, current: number): DriftAction {
	const r = roundRate(rate);
	return Math.abs(r - current) < RATE_STEP / 2 ? NONE : { kind: 'rate', rate: r };
}

/**
 * What to do about a frame `driftMs` off the clock (positive: the video is ahead).
 * After a seek the follower puts the rate back to 1 itself.
 */
export function correctDrift(driftMs: number, { rate, boundary = false }: DriftContext): DriftAction {
	if (!Number.isFinite(driftMs)) return SEEK;
	const size = Math.abs(driftMs);
	if (boundary) return size < DRIFT_DEAD_BAND_MS ? setRate(1, rate) : SEEK;
	if (size >= DRIFT_SEEK_MS) return SEEK;
	const nudging = Math.abs(rate - 1) >= RATE_STEP / 2;
	if (size < (nudging ? DRIFT_SETTLE_MS : DRIFT_DEAD_BAND_MS)) return setRate(1, rate);
	// Ahead (positive drift) → slower than 1; behind → faster.
	const nudge = Math.max(-MAX_RATE_NUDGE, Math.min(MAX_RATE_NUDGE, -driftMs / NUDGE_CONVERGE_MS));
	return setRate(1 + nudge, rate);
}

/**
 * A seek while playing lands late by however long the element takes to seek and decode,
 * so the follower aims that far ahead. After each such seek, the first frame's drift
 * says how wrong the aim was; move half way towards the aim that would have been right
 * (half: one slow seek, say a cache miss, should not throw off the next ones).
 */
export const MAX_SEEK_LEAD_MS = 300;

export function nextSeekLeadMs(leadMs: number, postSeekDriftMs: number): number {
	// Further off than any seek is slow, the frame says nothing about seek latency (a frame
	// of another segment's loop, a clip that restarted): keep the lead.
	if (!Number.isFinite(postSeekDriftMs) || Math.abs(postSeekDriftMs) > MAX_SEEK_LEAD_MS) return leadMs;
	// The aim that would have been right is lead − drift; go half way to it.
	return Math.min(MAX_SEEK_LEAD_MS, Math.max(0, leadMs - postSeekDriftMs / 2));
}

/**
 * The most recent drift samples (ms), oldest first, in a fixed-size ring so that a long
 * session costs no more memory than a short one. The benchmark reads these.
 */
export class DriftSampleLog {
	readonly #samples: Float64Array;
	#next = 0;
	#count = 0;

	constructor(readonly capacity = 8192) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
		this.#samples = new Float64Array(capacity);
	}

	get size(): number {
		return this.#count;
	}

	push(ms: number): void {
		this.#samples[this.#next] = ms;
		this.#next = (this.#next + 1) % this.capacity;
		this.#count = Math.min(this.#count + 1, this.capacity);
	}

	toArray(): number[] {
		const start = this.#count < this.capacity ? 0 : this.#next;
		const out: number[] = [];
		for (let i = 0; i < this.#count; i++) out.push(this.#samples[(start + i) % this.capacity] as number);
		return out;
	}

	clear(): void {
		this.#next = 0;
		this.#count = 0;
	}
}
