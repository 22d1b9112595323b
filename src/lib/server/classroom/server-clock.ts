/**
 * This server's reading of the database's clock: the one clock every server stamps lesson
 * changes with (in the command's transaction) and answers `/api/time` from, so phones
 * following different servers agree on when a change takes effect. Estimated like a
 * device estimates the server's (lowest-delay of recent samples), with this host's wall
 * clock in between (see the constructor).
 */
import type { Clock } from '$lib/playback/clock';
import { BURST_SAMPLES, OffsetEstimator, RESAMPLE_INTERVAL_MS, sampleBurst, wallEpochClock } from '$lib/classroom/time-sync';

export class ServerClock {
	readonly #estimator = new OffsetEstimator();
	readonly #local: Clock;
	readonly #readDatabase: () => Promise<number>;
	#offsetMs = 0;
	#timer: ReturnType<typeof setInterval> | undefined;

	/**
	 * `local` is the wall clock by default, not a monotonic one: where the database runs on
	 * the same host (a clinic's machine, this project's tests) both read the same system
	 * clock, so when it is stepped the offset stays right instead of being that far off until
	 * the next sample; on separate hosts NTP keeps both, and a step is caught at the next
	 * sample (OffsetEstimator drops samples a step made wrong).
	 */
	constructor(readDatabase: () => Promise<number>, local: Clock = wallEpochClock) {
		this.#readDatabase = readDatabase;
		this.#local = local;
	}

	/** The database's clock now, in integer ms since the epoch. */
	now(): number {
		return Math.round(this.#local.now() + this.#offsetMs);
	}

	get offsetMs(): number {
		return this.#offsetMs;
	}

	async sample(count = BURST_SAMPLES): Promise<void> {
		await sampleBurst(this.#estimator, this.#local, this.#readDatabase, count);
		const estimate = this.#estimator.estimate;
		if (estimate) this.#offsetMs = estimate.offsetMs;
	}

	/** Samples now and then every 30 s (a failed sample keeps the last estimate). */
	async start(): Promise<void> {
		await this.sample().catch(() => undefined);
		this.#timer = setInterval(() => void this.sample(1).catch(() => undefined), RESAMPLE_INTERVAL_MS);
		this.#timer.unref?.();
	}

	stop(): void {
		clearInterval(this.#timer);
	}
}
