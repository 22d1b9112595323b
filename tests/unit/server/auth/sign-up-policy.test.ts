import { describe, expect, it } from 'vitest';
import { isSignUpOpen } from '$lib/server/auth/sign-up-policy';

describe('isSignUpOpen', () => {
	it.each([
		[undefined, false],
		['', false],
		['0', false],
		['true', false],
		['yes', false],
		['1', true],
		[' 1 ', true]
	])('LIMBER_OPEN_SIGNUP=%j → %s (closed unless exactly 1)', (value, open) => {
		expect(isSignUpOpen(value === undefined ? {} : { LIMBER_OPEN_SIGNUP: value })).toBe(open);
	});
});
