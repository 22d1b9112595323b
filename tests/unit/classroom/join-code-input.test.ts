import { describe, expect, it } from 'vitest';
import { readDisplayName, readJoinCode } from '$lib/classroom/join-code-input';
import { PARTICIPANT_NAME_MAX_LENGTH as MAX_DISPLAY_NAME } from '$lib/classroom/protocol';

describe('readJoinCode', () => {
	it('forgives lower case, spaces and dashes', () => {
		expect(readJoinCode(' acd-efg ')).toEqual({ ok: true, value: 'ACDEFG' });
		expect(readJoinCode('AC DE FG')).toEqual({ ok: true, value: 'ACDEFG' });
	});
	it('names the characters that are never in a code', () => {
		const r = readJoinCode('AC0EFO');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toContain('“0”, “O”');
	});
	it('says how long a code is', () => {
		const r = readJoinCode('ACDE');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/6 characters; this one has 4/);
	});
	it('asks for a code when there is none', () => {
		expect(readJoinCode('  ').ok).toBe(false);
	});
});

describe('readDisplayName', () => {
	it('trims and collapses spaces', () => {
		expect(readDisplayName('  Ana   María ')).toEqual({ ok: true, value: 'Ana María' });
	});
	it('refuses an empty or overlong name', () => {
		expect(readDisplayName('   ').ok).toBe(false);
		expect(readDisplayName('x'.repeat(MAX_DISPLAY_NAME + 1)).ok).toBe(false);
		expect(readDisplayName('x'.repeat(MAX_DISPLAY_NAME)).ok).toBe(true);
	});
});
