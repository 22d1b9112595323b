/**
 * How the person likes the session screen: captions on or off, large captions, controls
 * kept shown, the video off (a still instead). Remembered on this device like the volumes,
 * field by field, so a bad stored value falls back to its default and never stops a player.
 */
import { deviceStorage, readStoredObject, type SettingsStorage } from './device-settings';

export const STAGE_SETTINGS_KEY = 'limber.stage.v1';

export interface StagePreferences {
	readonly captions: boolean;
	readonly largeCaptions: boolean;
	readonly keepControls: boolean;
	readonly videoOff: boolean;
}

export const DEFAULT_STAGE_PREFERENCES: StagePreferences = Object.freeze({
	captions: true,
	largeCaptions: false,
	keepControls: false,
	videoOff: false
});

export function readStagePreferences(storage: SettingsStorage | null): StagePreferences {
	const r = readStoredObject(storage, STAGE_SETTINGS_KEY) ?? {};
	const flag = (k: keyof StagePreferences) => (typeof r[k] === 'boolean' ? (r[k] as boolean) : DEFAULT_STAGE_PREFERENCES[k]);
	return { captions: flag('captions'), largeCaptions: flag('largeCaptions'), keepControls: flag('keepControls'), videoOff: flag('videoOff') };
}

export class StageSettings {
	readonly #storage: SettingsStorage | null;
	#prefs = $state.raw<StagePreferences>(DEFAULT_STAGE_PREFERENCES);

	/** `storage` null keeps the settings for this page only (the class screens). */
	constructor(storage: SettingsStorage | null = deviceStorage()) {
		this.#storage = storage;
		this.#prefs = readStagePreferences(storage);
	}

	get captions(): boolean {
		return this.#prefs.captions;
	}
	get largeCaptions(): boolean {
		return this.#prefs.largeCaptions;
	}
	get keepControls(): boolean {
		return this.#prefs.keepControls;
	}
	get videoOff(): boolean {
		return this.#prefs.videoOff;
	}

	set(key: keyof StagePreferences, on: boolean): void {
		this.#prefs = { ...this.#prefs, [key]: on };
		try {
			this.#storage?.setItem(STAGE_SETTINGS_KEY, JSON.stringify(this.#prefs));
		} catch {
			// Full or blocked storage: the choice holds for this page.
		}
	}
}
