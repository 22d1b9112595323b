import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '$lib/classroom/protocol';
import { normalizeJoinCode, randomJoinCode, uniqueJoinCode } from '$lib/server/classroom/join-code';

describe('randomJoinCode', () => {
	it('uses only the alphabet, at the agreed length', () => {
		for (let i = 0; i < 500; i += 1) {
			const code = randomJoinCode();
			expect(code).toHaveLength(JOIN_CODE_LENGTH);
			for (const c of code) expect(JOIN_CODE_ALPHABET).toContain(c);
		}
	});
	it('can produce every character of the alphabet', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 400; i += 1) for (const c of randomJoinCode()) seen.add(c);
		expect([...seen].sort().join('')).toBe([...JOIN_CODE_ALPHABET].sort().join(''));
	});
});

describe('uniqueJoinCode', () => {
	it('skips codes that a live lesson already uses', async () => {
		// A scripted random source: the first code drawn is taken, the second is free.
		const draws = [...Array(JOIN_CODE_LENGTH).fill(0), ...Array(JOIN_CODE_LENGTH).fill(1)];
		const random = (): number => draws.shift() ?? 2;
		const taken = new Set([JOIN_CODE_ALPHABET[0]!.repeat(JOIN_CODE_LENGTH)]);
		const code = await uniqueJoinCode((c) => taken.has(c), random);
		expect(code).toBe(JOIN_CODE_ALPHABET[1]!.repeat(JOIN_CODE_LENGTH));
	});
	it('gives up with a clear error rather than looping forever', async () => {
		await expect(uniqueJoinCode(() => true, () => 0, 3)).rejects.toThrow('No free join code after 3 tries');
	});
});

describe('normalizeJoinCode', () => {
	it('accepts lower case, spaces and dashes', () => {
		expect(normalizeJoinCode(' acd-efg ')).toBe('ACDEFG');
	});
	it.each(['ACDEF', 'ACDEFGH', 'ACDEF0', 'ACDEFO', ''])('refuses %j', (typed) => {
		expect(normalizeJoinCode(typed)).toBeNull();
	});
});
