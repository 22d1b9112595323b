import { describe, expect, it } from 'vitest';
import { commandForKey, SHORTCUTS } from '../../../src/lib/playback/keymap';

const key = (k: string, extra: Partial<Parameters<typeof commandForKey>[0]> = {}) =>
	commandForKey({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...extra });

describe('player keymap', () => {
	it.each([
		[' ', 'toggle'],
		['n', 'next'],
		['N', 'next'],
		['ArrowRight', 'next'],
		['p', 'previous'],
		['ArrowLeft', 'previous'],
		['ArrowUp', 'add-time'],
		['ArrowDown', 'remove-time'],
		['m', 'mute'],
		['f', 'fullscreen'],
		['c', 'captions'],
		['Escape', 'escape']
	])('%j → %s', (k, command) => {
		expect(key(k)).toBe(command);
	});

	it('ignores keys with modifiers so browser shortcuts keep working', () => {
		expect(key('f', { ctrlKey: true })).toBeNull();
		expect(key('n', { metaKey: true })).toBeNull();
		expect(key('ArrowLeft', { altKey: true })).toBeNull();
	});

	it('leaves Space and arrows to a focused button or select', () => {
		expect(key(' ', { targetTag: 'button' })).toBeNull();
		expect(key('ArrowDown', { targetTag: 'SELECT' })).toBeNull();
		expect(key('n', { targetTag: 'BUTTON' })).toBe('next');
	});

	it('never steers while typing in a field', () => {
		expect(key('n', { targetTag: 'INPUT' })).toBeNull();
		expect(key('c', { targetTag: 'textarea' })).toBeNull();
	});

	it('returns null for unmapped keys and maps no key twice', () => {
		expect(key('x')).toBeNull();
		const all = SHORTCUTS.flatMap((s) => s.keys);
		expect(new Set(all).size).toBe(all.length);
	});
});
