/**
 * NTP-style estimate of how far the server clock is from this device's clock.
 *
 * One exchange: the device reads its clock (t0), asks the server for its time, reads its
 * clock again when the answer lands (t1). If the request and the answer took equally long,
 * the server read its clock at (t0 + t1) / 2 local time, so offset = serverMs − (t0 + t1) / 2.
 * When the two legs differ, the error is at most half the round trip (delay / 2), which is
 * why the sample with the lowest delay is the most trustworthy one (Jellyfin SyncPlay keeps
 * it the same way). Only the last few samples are candidates, so a clock that drifts, or a
 * network that got faster, is followed instead of an old lucky sample being kept forever.
 */
import type { Clock } from '../playback/clock';

export interface SyncSample {
	/** Local clock when the request left. */
	readonly t0: number;
	/** Server clock as it answered. */
	readonly serverMs: number;
	/** Local clock when the answer arrived. */
	readonly t1: number;
}

export interface OffsetEstimate {
	/** Add to local time to get server time. */
	readonly offsetMs: number;
	/** Round trip of the sample it came from; the offset is right to within delayMs / 2. */
	readonly delayMs: number;
}

/** How many recent samples compete for the lowest delay. */
export const SAMPLE_WINDOW = 8;

/** Readings are whole milliseconds: two exchanges may disagree by this much beyond their delays. */
export const STEP_SLACK_MS = 1;
/** Samples taken one after another when a device joins or comes back to the page. */
export const BURST_SAMPLES = 5;
/** A fresh sample every this often keeps a drifting clock within a few ms. */
export const RESAMPLE_INTERVAL_MS = 30_000;

/** What one exchange says, or null for nonsense (clock read backwards, non-finite numbers). */
export function measure(sample: SyncSample): OffsetEstimate | null {
	const { t0, serverMs, t1 } = sample;
	if (![t0, serverMs, t1].every(Number.isFinite) || t1 < t0) return null;
	return { offsetMs: serverMs - (t0 + t1) / 2, delayMs: t1 - t0 };
}

export class OffsetEstimator {
	readonly #window: number;
	#recent: OffsetEstimate[] = [];

	constructor(window = SAMPLE_WINDOW) {
		if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a positive integer, got ${window}`);
		this.#window = window;
	}

	/**
	 * Adds an exchange; false if it was unusable. An exchange that cannot agree with the
	 * estimate (the true offset lies within half its delay of each, and those ranges do not
	 * meet) means a clock was stepped since: the older samples describe a clock that is gone,
	 * and only the new one is kept. Otherwise a low-delay sample from before the step would
	 * win for as long as it stays in the window (seen here: the machine's wall clock stepped
	 * by 0.28 s, and a server read the database's clock that far off).
	 */
	add(sample: SyncSample): boolean {
		const m = measure(sample);
		if (!m) return false;
		const best = this.estimate;
		if (best && Math.abs(m.offsetMs - best.offsetMs) > (m.delayMs + best.delayMs) / 2 + STEP_SLACK_MS) this.#recent = [];
		this.#recent.push(m);
		if (this.#recent.length > this.#window) this.#recent.shift();
		return true;
	}

	/** The lowest-delay recent sample; on a tie the newer one, since clocks drift. */
	get estimate(): OffsetEstimate | null {
		let best: OffsetEstimate | null = null;
		for (const m of this.#recent) if (!best || m.delayMs <= best.delayMs) best = m;
		return best;
	}

	get sampleCount(): number {
		return this.#recent.length;
	}

	reset(): void {
		this.#recent = [];
	}
}

/**
 * This device's clock for time sync: epoch-based like the server's Date.now(), so offsets are
 * small, but monotonic (performance.now() never steps when the system clock is adjusted).
 */
export const monotonicEpochClock: Clock = {
	now: () => performance.timeOrigin + performance.now()
};

/** The system clock itself, which steps when it is adjusted: what a database on the same host reads. */
export const wallEpochClock: Clock = {
	now: () => Date.now()
};

/** Asks the server for its time; resolves to its `serverMs`. */
export type ServerTimeReader = () => Promise<number>;

/**
 * Runs `count` exchanges one after another (in parallel they would queue behind each other
 * and inflate each other's delay) and feeds them to the estimator. Failed requests are
 * skipped: a device on a flaky network still gets whichever samples came through.
 */
export async function sampleBurst(
	estimator: OffsetEstimator,
	localClock: Clock,
	readServer: ServerTimeReader,
	count = BURST_SAMPLES
): Promise<number> {
	let added = 0;
	for (let i = 0; i < count; i++) {
		const t0 = localClock.now();
		let serverMs: number;
		try {
			serverMs = await readServer();
		} catch {
			continue;
		}
		const t1 = localClock.now();
		if (estimator.add({ t0, serverMs, t1 })) added++;
	}
	return added;
}
