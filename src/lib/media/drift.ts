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
 * Below this, leave the video alone. Judged on the drift averaged over the last few frames
 * (CadenceAverage below), not on one frame: a 24 fps clip on a 60 Hz screen shows its
 * frames for three refreshes, then two, so single frames read ±4 ms around the video's
 * real offset in a 3:2 pattern, and a per-frame band must be wide enough to ignore that
 * (it was 25 ms, which let the video sit 25 ms off plus the cadence: drift p99 31 ms in
 * bench:sync). Averaged, the cadence is gone and a narrow band does not make the rate hunt.
 * Half of the 21 ms target: what is left alone plus the cadence stays under it.
 */
export const DRIFT_DEAD_BAND_MS = 10;

/**
 * Once nudging, keep nudging until the averaged drift is below this. Lower than the dead
 * band (hysteresis), so the rate is not switched on and off at the band's edge; above the
 * averaging's own noise (about a millisecond).
 */
export const DRIFT_SETTLE_MS = 3;

/**
 * At a discontinuity (a clip put in front, a boundary, resume) a single frame is all there
 * is: below this it is left to the nudge, above it is sought away. Wider than the dead band
 * because one frame carries the cadence's ±4 ms and a seek's hitch costs more than a few
 * milliseconds nudged away in a second.
 */
export const BOUNDARY_SEEK_MS = 25;

/**
 * From here on, seek. At the largest nudge (8%) 400 ms takes 5 s to absorb, longer than
 * a person watches one movement; a seek's hitch is the smaller harm.
 */
export const DRIFT_SEEK_MS = 400;

/** The largest rate change: 8% is not visible as slow or fast motion in a demonstration. */
export const MAX_RATE_NUDGE = 0.08;

/**
 * The smallest nudge while nudging: a proportional nudge alone would take the last few
 * milliseconds ever longer (and below the rate step, never), 2 % takes the last 10 ms in
 * half a second and is as invisible as the largest.
 */
export const MIN_RATE_NUDGE = 0.02;

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
 * What to do about a video `driftMs` off the clock (positive: the video is ahead): the
 * cadence-averaged drift while playing on, or the one frame there is at a boundary.
 * After a seek the follower puts the rate back to 1 itself.
 */
export function correctDrift(driftMs: number, { rate, boundary = false }: DriftContext): DriftAction {
	if (!Number.isFinite(driftMs)) return SEEK;
	const size = Math.abs(driftMs);
	if (boundary) return size < BOUNDARY_SEEK_MS ? setRate(1, rate) : SEEK;
	if (size >= DRIFT_SEEK_MS) return SEEK;
	const nudging = Math.abs(rate - 1) >= RATE_STEP / 2;
	if (size < (nudging ? DRIFT_SETTLE_MS : DRIFT_DEAD_BAND_MS)) return setRate(1, rate);
	// Ahead (positive drift) → slower than 1; behind → faster.
	const magnitude = Math.min(MAX_RATE_NUDGE, Math.max(MIN_RATE_NUDGE, size / NUDGE_CONVERGE_MS));
	const nudge = driftMs > 0 ? -magnitude : magnitude;
	return setRate(1 + nudge, rate);
}

/**
 * A seek while playing lands late by however long the element takes to seek and decode,
 * so the follower aims that far ahead. After each such seek, the first frame's drift
 * says how wrong the aim was; move half way towards the aim that would have been right
 * (half: one slow seek, say a cache miss, should not throw off the next ones).
 */
export const MAX_SEEK_LEAD_MS = 300;

export function nextSeekLeadMs(leadMs: number, postSeekDriftMs: number, maxLeadMs = MAX_SEEK_LEAD_MS): number {
	// Further off than any seek is slow, the frame says nothing about seek latency (a frame
	// of another segment's loop, a clip that restarted): keep the lead.
	if (!Number.isFinite(postSeekDriftMs) || Math.abs(postSeekDriftMs) > maxLeadMs) return leadMs;
	// The aim that would have been right is lead − drift; go half way to it.
	return Math.min(maxLeadMs, Math.max(0, leadMs - postSeekDriftMs / 2));
}

/** Frames averaged: two cover the 3:2 pattern of 24 fps on 60 Hz, four also 25 and 30 fps patterns. */
export const CADENCE_FRAMES = 4;

/**
 * The mean drift of the last few frames of one continuous run of playback (cleared at every
 * seek or discontinuity), so that the display's refresh cadence averages out and what is
 * left is the video's own offset from the clock.
 */
export class CadenceAverage {
	readonly #recent: number[] = [];

	constructor(readonly frames = CADENCE_FRAMES) {}

	/** Add a frame's drift; returns the mean over the frames kept. */
	push(driftMs: number): number {
		this.#recent.push(driftMs);
		if (this.#recent.length > this.frames) this.#recent.shift();
		return this.#recent.reduce((a, b) => a + b, 0) / this.#recent.length;
	}

	/** The next frame does not continue the last (a seek, a rate change, another clip). */
	clear(): void {
		this.#recent.length = 0;
	}
}

/** One drift sample with what the benchmark needs to say where it came from. */
export interface DriftRecord {
	/** Drift (ms, positive: video ahead). */
	readonly driftMs: number;
	/** Session position the frame was measured at (its display time), ms; NaN if not given. */
	readonly positionMs: number;
	/** Playback rate relative to the part's own (1: no nudge), when the frame was measured. */
	readonly rate: number;
	/** The frame came right after a seek or a discontinuity (boundary, first frame of a clip). */
	readonly afterJump: boolean;
}

/**
 * The most recent drift samples (ms), oldest first, in a fixed-size ring so that a long
 * session costs no more memory than a short one. The benchmark reads these, and with them
 * where and under which rate each was taken, to tell an offset from quantisation from
 * rate control.
 */
export class DriftSampleLog {
	readonly #samples: Float64Array;
	readonly #positions: Float64Array;
	readonly #rates: Float64Array;
	readonly #jumps: Uint8Array;
	#next = 0;
	#count = 0;

	constructor(readonly capacity = 8192) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
		this.#samples = new Float64Array(capacity);
		this.#positions = new Float64Array(capacity);
		this.#rates = new Float64Array(capacity);
		this.#jumps = new Uint8Array(capacity);
	}

	get size(): number {
		return this.#count;
	}

	push(ms: number, positionMs = Number.NaN, rate = 1, afterJump = false): void {
		const i = this.#next;
		this.#samples[i] = ms;
		this.#positions[i] = positionMs;
		this.#rates[i] = rate;
		this.#jumps[i] = afterJump ? 1 : 0;
		this.#next = (i + 1) % this.capacity;
		this.#count = Math.min(this.#count + 1, this.capacity);
	}

	#indices(): number[] {
		const start = this.#count < this.capacity ? 0 : this.#next;
		return Array.from({ length: this.#count }, (_, k) => (start + k) % this.capacity);
	}

	toArray(): number[] {
		return this.#indices().map((i) => this.#samples[i] as number);
	}

	records(): DriftRecord[] {
		return this.#indices().map((i) => ({
			driftMs: this.#samples[i] as number,
			positionMs: this.#positions[i] as number,
			rate: this.#rates[i] as number,
			afterJump: this.#jumps[i] === 1
		}));
	}

	clear(): void {
		this.#next = 0;
		this.#count = 0;
	}
}
