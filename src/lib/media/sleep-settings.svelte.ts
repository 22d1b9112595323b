/**
 * The person's sleep timer and what happens when it runs out, remembered on this device
 * (like the volumes, in localStorage: they are read synchronously when a player opens) and
 * shared by the track player and the live player. A missing or corrupt stored value falls
 * back to the defaults field by field.
 */
import { deviceStorage, readStoredObject, type SettingsStorage } from './device-settings';
import { isEndChoice, isSleepTimerChoice, type EndChoice, type SleepTimerChoice } from '../playback/sleep-timer';

export const SLEEP_STORAGE_KEY = 'limber.sleep.v1';

export interface SleepChoices {
	readonly timer: SleepTimerChoice;
	readonly end: EndChoice;
}

/** No timer until the person asks for one; when one runs out, let them sleep on. */
export const DEFAULT_SLEEP: SleepChoices = Object.freeze({ timer: 'off', end: 'drift' });

export type SleepStorage = SettingsStorage;

export function readSleepChoices(storage: SleepStorage | null): SleepChoices {
	const r = readStoredObject(storage, SLEEP_STORAGE_KEY);
	if (!r) return DEFAULT_SLEEP;
	return {
		timer: isSleepTimerChoice(r.timer) ? r.timer : DEFAULT_SLEEP.timer,
		end: isEndChoice(r.end) ? r.end : DEFAULT_SLEEP.end
	};
}

/** A <select>'s value ("off", "20", "end") as a choice; null for anything else. */
export function parseSleepTimer(value: string): SleepTimerChoice | null {
	const v: unknown = /^\d+$/.test(value) ? Number(value) : value;
	return isSleepTimerChoice(v) ? v : null;
}

export class SleepSettings {
	readonly #storage: SleepStorage | null;
	#timer = $state<SleepTimerChoice>(DEFAULT_SLEEP.timer);
	#end = $state<EndChoice>(DEFAULT_SLEEP.end);

	/** `storage` null keeps the choices for this page only. */
	constructor(storage: SleepStorage | null = deviceStorage()) {
		this.#storage = storage;
		const stored = readSleepChoices(storage);
		this.#timer = stored.timer;
		this.#end = stored.end;
	}

	get timer(): SleepTimerChoice {
		return this.#timer;
	}
	get end(): EndChoice {
		return this.#end;
	}

	/** Anything that is not a choice is ignored. */
	setTimer(timer: unknown): void {
		if (!isSleepTimerChoice(timer)) return;
		this.#timer = timer;
		this.#save();
	}
	setEnd(end: unknown): void {
		if (!isEndChoice(end)) return;
		this.#end = end;
		this.#save();
	}
	/** "Cancel" on the dim screen: the timer is off, here and next time, until chosen again. */
	cancelTimer(): void {
		this.setTimer('off');
	}

	reset(): void {
		this.#timer = DEFAULT_SLEEP.timer;
		this.#end = DEFAULT_SLEEP.end;
		this.#save();
	}

	#save(): void {
		const value: SleepChoices = { timer: this.#timer, end: this.#end };
		try {
			this.#storage?.setItem(SLEEP_STORAGE_KEY, JSON.stringify(value));
		} catch {
			// Quota or blocked storage: the choice still applies for this visit.
		}
	}
}
