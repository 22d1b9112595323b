/**
 * Counts failures per key (an email, an address) in a fixed window that starts at the
 * first failure. The counters live in the database, so a limit holds across every server
 * behind a proxy and across restarts; each failure is one atomic upsert, so two servers
 * counting the same key at once both count.
 */
import { createHash } from 'node:crypto';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/database';

export interface RateLimitOptions {
	/** Keeps this limiter's keys apart from the others' in the shared table. */
	readonly name: string;
	/** Failures allowed in a window; the next attempt is refused. */
	readonly limit: number;
	readonly windowMs: number;
	readonly now?: () => number;
	/** Expired rows are deleted at most this often per server (default once a minute). */
	readonly sweepEveryMs?: number;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

export class RateLimiter {
	readonly #name: string;
	readonly #limit: number;
	readonly #windowMs: number;
	readonly #now: () => number;
	readonly #sweepEveryMs: number;
	#lastSweep = Number.NEGATIVE_INFINITY;

	constructor(options: RateLimitOptions) {
		this.#name = options.name;
		this.#limit = options.limit;
		this.#windowMs = options.windowMs;
		this.#now = options.now ?? Date.now;
		this.#sweepEveryMs = options.sweepEveryMs ?? 60_000;
	}

	/** May this key try now? Does not count the attempt. */
	async check(database: Database, key: string): Promise<RateDecision> {
		const { db, tables: { rateLimits } } = database;
		const now = this.#now();
		const [row] = await db
			.select({ failures: rateLimits.failures, endsAt: rateLimits.windowEndsAt })
			.from(rateLimits)
			.where(and(eq(rateLimits.key, this.#key(key)), gt(rateLimits.windowEndsAt, now)));
		if (!row || row.failures < this.#limit) return { allowed: true };
		return { allowed: false, retryAfterMs: row.endsAt - now };
	}

	async fail(database: Database, key: string): Promise<void> {
		const { db, tables: { rateLimits } } = database;
		const now = this.#now();
		const endsAt = now + this.#windowMs;
		const expired = sql`${rateLimits.windowEndsAt} <= ${now}`;
		await database.write(() =>
			db
				.insert(rateLimits)
				.values({ key: this.#key(key), failures: 1, windowEndsAt: endsAt })
				.onConflictDoUpdate({
					target: rateLimits.key,
					// Both expressions read the row as it was: an expired window starts again at 1.
					set: {
						failures: sql`case when ${expired} then 1 else ${rateLimits.failures} + 1 end`,
						windowEndsAt: sql`case when ${expired} then ${endsAt} else ${rateLimits.windowEndsAt} end`
					}
				})
		);
		if (now - this.#lastSweep >= this.#sweepEveryMs) {
			this.#lastSweep = now;
			// Spraying new keys must not grow the table forever.
			await database.write(() => db.delete(rateLimits).where(lte(rateLimits.windowEndsAt, now)));
		}
	}

	/** A success clears the key (a person who finally typed the right password starts afresh). */
	async reset(database: Database, key: string): Promise<void> {
		const { db, tables: { rateLimits } } = database;
		await database.write(() => db.delete(rateLimits).where(eq(rateLimits.key, this.#key(key))));
	}

	#key(key: string): string {
		return `${this.#name}:${createHash('sha256').update(key).digest('hex')}`;
	}
}

/** "Try again in 4 minutes": rounded up, so a person who waits that long is let in. */
export function retryAfterText(ms: number): string {
	const seconds = Math.max(1, Math.ceil(ms / 1000));
	if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
	const minutes = Math.ceil(seconds / 60);
	return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
