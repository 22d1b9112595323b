import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateLimiter, retryAfterText } from '$lib/server/security/rate-limit';
import { tempDatabase, TEST_DIALECTS, type TempDatabase } from '../db/temp-database';

describe.each(TEST_DIALECTS)('RateLimiter on %s', (dialect) => {
	let database: TempDatabase;
	let now: number;
	beforeEach(async () => {
		database = await tempDatabase(dialect);
		now = 1_000;
	});
	afterEach(() => database.dispose());

	const limiter = (limit = 3, windowMs = 60_000, name = 'test') => new RateLimiter({ name, limit, windowMs, now: () => now });

	it('allows up to the limit of failures, then refuses with the time left', async () => {
		const rl = limiter();
		for (let i = 0; i < 3; i += 1) {
			expect(await rl.check(database, 'a')).toEqual({ allowed: true });
			await rl.fail(database, 'a');
		}
		now += 10_000;
		expect(await rl.check(database, 'a')).toEqual({ allowed: false, retryAfterMs: 50_000 });
	});

	it('keeps keys and limiters apart', async () => {
		const rl = limiter(1);
		await rl.fail(database, 'a');
		expect((await rl.check(database, 'a')).allowed).toBe(false);
		expect((await rl.check(database, 'b')).allowed).toBe(true);
		expect((await limiter(1, 60_000, 'other').check(database, 'a')).allowed).toBe(true);
	});

	it('lets the key in again when the window is over, and the next failure starts a new window', async () => {
		const rl = limiter(2);
		await rl.fail(database, 'a');
		await rl.fail(database, 'a');
		now += 60_000;
		expect(await rl.check(database, 'a')).toEqual({ allowed: true });
		await rl.fail(database, 'a');
		expect(await rl.check(database, 'a')).toEqual({ allowed: true });
		await rl.fail(database, 'a');
		expect(await rl.check(database, 'a')).toEqual({ allowed: false, retryAfterMs: 60_000 });
	});

	it('forgets a key on success', async () => {
		const rl = limiter(2);
		await rl.fail(database, 'a');
		await rl.reset(database, 'a');
		await rl.fail(database, 'a');
		expect((await rl.check(database, 'a')).allowed).toBe(true);
	});

	it('counts every failure when servers count the same key at once, in one shared counter', async () => {
		// Two limiters stand for two servers sharing the database.
		const a = limiter(50);
		const b = limiter(50);
		await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).fail(database, '10.0.0.1')));
		const rows = await database.db.select().from(database.tables.rateLimits);
		expect(rows.filter((r) => r.failures === 40)).toHaveLength(1);
		expect((await a.check(database, '10.0.0.1')).allowed).toBe(true);
		await Promise.all(Array.from({ length: 10 }, () => b.fail(database, '10.0.0.1')));
		expect((await a.check(database, '10.0.0.1')).allowed).toBe(false);
	});

	it('stores neither the address nor the email, and sweeps expired windows', async () => {
		const rl = limiter(1, 1_000);
		await rl.fail(database, 'ana@clinic.org');
		await rl.fail(database, '192.0.2.7');
		const keys = (await database.db.select().from(database.tables.rateLimits)).map((r) => r.key);
		expect(keys).toHaveLength(2);
		expect(keys.join(' ')).not.toMatch(/ana|clinic|192\.0/);
		now += 120_000;
		await rl.fail(database, 'new');
		expect(await database.db.select().from(database.tables.rateLimits)).toHaveLength(1);
	});
});

describe('retryAfterText', () => {
	it.each([
		[1, '1 second'],
		[1_500, '2 seconds'],
		[59_000, '59 seconds'],
		[60_001, '2 minutes'],
		[14 * 60_000, '14 minutes']
	])('%i ms reads "%s"', (ms, words) => {
		expect(retryAfterText(ms)).toBe(words);
	});
});
