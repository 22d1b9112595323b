import { describe, expect, it } from 'vitest';
import { readStoredObject, type SettingsStorage } from '../../../src/lib/media/device-settings';

const holding = (value: string | null): SettingsStorage => ({ getItem: () => value, setItem: () => undefined });

describe('readStoredObject', () => {
	it('returns a stored JSON object', () => {
		expect(readStoredObject(holding('{"voice":0.5}'), 'k')).toEqual({ voice: 0.5 });
	});

	it('returns null for nothing stored, no storage, corrupt JSON, or JSON that is not an object', () => {
		for (const text of [null, '', '{oops', '[1,2]', '3', 'null', '"text"']) expect(readStoredObject(holding(text), 'k')).toBeNull();
		expect(readStoredObject(null, 'k')).toBeNull();
	});

	it('returns null when the storage itself throws (blocked in some private modes)', () => {
		const blocked: SettingsStorage = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => undefined
		};
		expect(readStoredObject(blocked, 'k')).toBeNull();
	});
});
