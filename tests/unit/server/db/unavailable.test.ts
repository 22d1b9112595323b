import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, unavailableReason } from '$lib/server/db/unavailable';

const coded = (code: string, cause?: unknown) => Object.assign(new Error(code), { code, cause });

describe('isDatabaseUnavailable', () => {
	it.each(['ECONNREFUSED', 'CONNECTION_CLOSED', 'CONNECT_TIMEOUT', '57P01', '08006', '53300', '40001'])('is true for %s', (code) => {
		expect(isDatabaseUnavailable(coded(code))).toBe(true);
	});
	it('looks through the causes drizzle wraps driver errors in', () => {
		const wrapped = new Error('Failed query: select …', { cause: coded('ECONNREFUSED') });
		expect(unavailableReason(wrapped)).toBe('ECONNREFUSED');
	});
	it.each([
		['a unique violation', coded('23505')],
		['a syntax error', coded('42601')],
		['a plain error', new Error('bug')],
		['nothing', undefined]
	])('is false for %s (a fault, answered 500)', (_, error) => {
		expect(isDatabaseUnavailable(error)).toBe(false);
	});
});
