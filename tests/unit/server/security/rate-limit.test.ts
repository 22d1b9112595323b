import { describe, expect, it } from 'vitest';
import { RateLimiter, retryAfterText } from '$lib/server/security/rate-limit';

function limiter(limit = 3, windowMs = 60_000, sweepAbove?: number) {
	let now = 1_000;
	const rl = new RateLimiter({ limit, windowMs, now: () => now, sweepAbove });
	return { rl, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
	it('allows up to the limit of failures, then refuses with the time left', () => {
		const { rl, advance } = limiter();
		for (let i = 0; i < 3; i += 1) {
			expect(rl.check('a')).toEqual({ allowed: true });
			rl.fail('a');
		}
		advance(10_000);
		expect(rl.check('a')).toEqual({ allowed: false, retryAfterMs: 50_000 });
	});
	it('keeps keys apart', () => {
		const { rl } = limiter(1);
		rl.fail('a');
		expect(rl.check('a').allowed).toBe(false);
		expect(rl.check('b').allowed).toBe(true);
	});
	it('lets the key in again when the window is over', () => {
		const { rl, advance } = limiter(1);
		rl.fail('a');
		advance(60_000);
		expect(rl.check('a')).toEqual({ allowed: true });
	});
	it('forgets a key on success', () => {
		const { rl } = limiter(2);
		rl.fail('a');
		rl.reset('a');
		rl.fail('a');
		expect(rl.check('a').allowed).toBe(true);
	});
	it('sweeps expired keys so spraying new keys does not grow memory', () => {
		const { rl, advance } = limiter(1, 1_000, 100);
		for (let i = 0; i < 100; i += 1) rl.fail(`k${i}`);
		advance(1_000);
		rl.fail('new');
		expect(rl.size).toBe(1);
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
