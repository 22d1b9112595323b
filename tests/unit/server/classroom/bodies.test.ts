import { describe, expect, it } from 'vitest';
import { parseCheckIn, parseCommand, parseName } from '$lib/server/classroom/bodies';

describe('parseCommand', () => {
	it.each([{ type: 'start' }, { type: 'pause', extra: 1 }, { type: 'seekToStep', step: 3 }])('accepts %o', (body) => {
		const parsed = parseCommand(body);
		expect(parsed.ok).toBe(true);
		// Only the command's own fields survive.
		if (parsed.ok) expect(Object.keys(parsed.value)).toEqual(body.type === 'seekToStep' ? ['type', 'step'] : ['type']);
	});
	it.each([undefined, null, [], 'start', { type: 'jump' }, { type: 'seekToStep' }, { type: 'seekToStep', step: 1.5 }, { type: 'seekToStep', step: '2' }])(
		'refuses %o',
		(body) => {
			expect(parseCommand(body).ok).toBe(false);
		}
	);
});

describe('parseName', () => {
	it('trims and collapses spaces', () => {
		expect(parseName({ name: '  Ana   Maria ' })).toEqual({ ok: true, value: 'Ana Maria' });
	});
	it('counts characters, not UTF-16 units, against the limit', () => {
		expect(parseName({ name: '😀'.repeat(40) }).ok).toBe(true);
		expect(parseName({ name: 'a'.repeat(41) })).toEqual({ ok: false, message: 'Use a name of at most 40 characters' });
	});
	it.each([{}, { name: '   ' }, { name: 3 }, null])('asks for a name when given %o', (body) => {
		expect(parseName(body)).toEqual({ ok: false, message: 'Enter the name the instructor should see' });
	});
});

describe('parseCheckIn', () => {
	it.each([0, 10])('accepts pain %i', (pain) => {
		expect(parseCheckIn({ pain, effort: 'too-easy' })).toEqual({ ok: true, value: { pain, effort: 'too-easy' } });
	});
	it.each([
		[{ pain: -1, effort: 'too-easy' }, 'Pain'],
		[{ pain: 11, effort: 'too-easy' }, 'Pain'],
		[{ pain: 2.5, effort: 'too-easy' }, 'Pain'],
		[{ pain: 2, effort: 'fine' }, 'Effort'],
		[{ pain: 2 }, 'Effort']
	])('refuses %o naming the field', (body, field) => {
		const parsed = parseCheckIn(body);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.message.startsWith(field)).toBe(true);
	});
});
