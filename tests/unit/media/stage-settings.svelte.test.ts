import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_PREFERENCES, STAGE_SETTINGS_KEY, StageSettings, readStagePreferences } from '$lib/media/stage-settings.svelte';

class MemoryStorage {
	readonly map = new Map<string, string>();
	getItem(k: string): string | null {
		return this.map.get(k) ?? null;
	}
	setItem(k: string, v: string): void {
		this.map.set(k, v);
	}
}

describe('StageSettings', () => {
	it('starts from the defaults and remembers each choice on the device', () => {
		const storage = new MemoryStorage();
		const s = new StageSettings(storage);
		expect(s.captions).toBe(true);
		expect(s.keepControls).toBe(false);
		s.set('keepControls', true);
		s.set('captions', false);
		const again = new StageSettings(storage);
		expect(again.keepControls).toBe(true);
		expect(again.captions).toBe(false);
		expect(again.largeCaptions).toBe(false);
	});

	it('falls back field by field when what is stored is bad', () => {
		const storage = new MemoryStorage();
		storage.setItem(STAGE_SETTINGS_KEY, JSON.stringify({ captions: 'yes', largeCaptions: true }));
		expect(readStagePreferences(storage)).toEqual({ ...DEFAULT_STAGE_PREFERENCES, largeCaptions: true });
		storage.setItem(STAGE_SETTINGS_KEY, '{not json');
		expect(readStagePreferences(storage)).toEqual(DEFAULT_STAGE_PREFERENCES);
	});

	it('keeps working when storage throws', () => {
		const s = new StageSettings({
			getItem: () => {
				throw new Error('blocked');
			},
			setItem: () => {
				throw new Error('full');
			}
		});
		s.set('videoOff', true);
		expect(s.videoOff).toBe(true);
	});
});
