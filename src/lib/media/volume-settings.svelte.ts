/**
 * The person's volumes for speech, signal sounds and ambience, and mute. Remembered on this
 * device (they depend on its speakers, not on the person), in localStorage because they
 * are needed synchronously before the first sound. A missing, old or corrupt stored value
 * falls back to the defaults field by field: a volume setting must never stop the player.
 */
import { clampGain, type AudioChannel, type ChannelGains } from './audio-port';
import { deviceStorage, readStoredObject, type SettingsStorage } from './device-settings';

export const VOLUME_STORAGE_KEY = 'limber.volume.v1';

export interface VolumeLevels {
	readonly voice: number;
	readonly sounds: number;
	readonly ambience: number;
	readonly muted: boolean;
}

/** Speech matters most; ambience stays in the background. */
export const DEFAULT_VOLUMES: VolumeLevels = Object.freeze({ voice: 1, sounds: 0.8, ambience: 0.4, muted: false });

export type VolumeStorage = SettingsStorage;

function level(v: unknown, fallback: number): number {
	return typeof v === 'number' && Number.isFinite(v) ? clampGain(v) : fallback;
}

/** Whatever was stored, made valid. */
export function readVolumes(storage: VolumeStorage | null): VolumeLevels {
	const r = readStoredObject(storage, VOLUME_STORAGE_KEY);
	if (!r) return DEFAULT_VOLUMES;
	return {
		voice: level(r.voice, DEFAULT_VOLUMES.voice),
		sounds: level(r.sounds, DEFAULT_VOLUMES.sounds),
		ambience: level(r.ambience, DEFAULT_VOLUMES.ambience),
		muted: typeof r.muted === 'boolean' ? r.muted : DEFAULT_VOLUMES.muted
	};
}

export class VolumeSettings implements ChannelGains {
	readonly #storage: VolumeStorage | null;
	#voice = $state(DEFAULT_VOLUMES.voice);
	#sounds = $state(DEFAULT_VOLUMES.sounds);
	#ambience = $state(DEFAULT_VOLUMES.ambience);
	#muted = $state(DEFAULT_VOLUMES.muted);

	/** `storage` null keeps the settings for this page only. */
	constructor(storage: VolumeStorage | null = deviceStorage()) {
		this.#storage = storage;
		this.#assign(readVolumes(storage));
	}

	get voice(): number {
		return this.#voice;
	}
	get sounds(): number {
		return this.#sounds;
	}
	get ambience(): number {
		return this.#ambience;
	}
	get muted(): boolean {
		return this.#muted;
	}

	/** The gain a channel should have now: its volume, or 0 while muted. */
	gainFor(channel: AudioChannel): number {
		if (this.#muted) return 0;
		return channel === 'voice' ? this.#voice : channel === 'sounds' ? this.#sounds : this.#ambience;
	}

	setVoice(v: number): void {
		this.#voice = level(v, this.#voice);
		this.#save();
	}
	setSounds(v: number): void {
		this.#sounds = level(v, this.#sounds);
		this.#save();
	}
	setAmbience(v: number): void {
		this.#ambience = level(v, this.#ambience);
		this.#save();
	}
	setMuted(muted: boolean): void {
		this.#muted = muted;
		this.#save();
	}
	toggleMute(): void {
		this.setMuted(!this.#muted);
	}

	reset(): void {
		this.#assign(DEFAULT_VOLUMES);
		this.#save();
	}

	#assign(v: VolumeLevels): void {
		this.#voice = v.voice;
		this.#sounds = v.sounds;
		this.#ambience = v.ambience;
		this.#muted = v.muted;
	}

	#save(): void {
		const value: VolumeLevels = { voice: this.#voice, sounds: this.#sounds, ambience: this.#ambience, muted: this.#muted };
		try {
			this.#storage?.setItem(VOLUME_STORAGE_KEY, JSON.stringify(value));
		} catch {
			// Quota or blocked storage: the setting still applies for this visit.
		}
	}
}
