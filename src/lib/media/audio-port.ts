/**
 * What the cue scheduler needs from an audio back end, and nothing more: the audio clock,
 * sample-accurate starts on a channel, stops with an optional fade, and per-channel gain.
 * The real one (web-audio-port.ts) sits on howler's AudioContext; tests use a fake on a
 * manual clock, so the scheduling rules are tested without a browser.
 */

/** Speech, short signal sounds (bells, beeps) and the optional background bed. */
export type AudioChannel = 'voice' | 'sounds' | 'ambience';

export const AUDIO_CHANNELS: readonly AudioChannel[] = ['voice', 'sounds', 'ambience'];

/** Identifies one started (or scheduled) sound. Branded so a stray number cannot be passed. */
export type PlayHandle = number & { readonly __playHandle: true };

export interface StopOptions {
	/** When the sound must be silent, on the audio clock (seconds). Default: now. */
	readonly atSec?: number;
	/** Fade out over this long before `atSec`, to avoid a click (seconds). Default: 0. */
	readonly fadeSec?: number;
}

export interface AudioPort {
	/**
	 * The audio-clock time (s) being heard now; the scheduler maps session time (the wall
	 * clock) onto it for start(when). Frozen while the context is suspended.
	 */
	now(): number;
	/** False while audio is locked, suspended, unsupported or broken: callers fall back to visual cues. */
	readonly usable: boolean;
	/**
	 * Start the decoded buffer `key` at `whenSec` on the audio clock (a time already past
	 * starts at once). Null when it cannot sound: not usable, or the buffer is missing,
	 * still loading or failed to load. Never throws for those.
	 */
	play(key: string, whenSec: number, channel: AudioChannel): PlayHandle | null;
	/** Stop one sound; one that has not started yet never sounds. Unknown handles are ignored. */
	stop(handle: PlayHandle, options?: StopOptions): void;
	/** Stop everything on one channel, or on all of them. */
	stopAll(channel?: AudioChannel): void;
	/** Channel volume, 0–1 (out-of-range values are clamped). */
	setGain(channel: AudioChannel, gain: number): void;
	/**
	 * Called on every tick: move sounds that have not started yet if the audio clock has
	 * slipped against the wall clock since they were placed (an output underrun).
	 */
	realign(): void;
}

/** Where a channel's gain comes from: the person's volume settings, muted or not. */
export interface ChannelGains {
	gainFor(channel: AudioChannel): number;
}

export function clampGain(gain: number): number {
	return Number.isFinite(gain) ? Math.min(1, Math.max(0, gain)) : 0;
}

/**
 * A port that never sounds, for when howler cannot be loaded at all: the scheduler still
 * runs on it, so beeps still become visual cues. Its clock is performance.now() in seconds.
 */
export const silentAudioPort: AudioPort = {
	now: () => performance.now() / 1000,
	usable: false,
	play: () => null,
	stop: () => undefined,
	stopAll: () => undefined,
	setGain: () => undefined,
	realign: () => undefined
};
