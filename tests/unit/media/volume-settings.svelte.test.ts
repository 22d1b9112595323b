import { flushSync } from 'svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	DEFAULT_VOLUMES,
	VOLUME_STORAGE_KEY,
	VolumeSettings,
	type VolumeStorage
} from '../../../src/lib/media/volume-settings.svelte';

beforeEach(() => localStorage.clear());

describe('VolumeSettings', () => {
	it('starts from the defaults on a new device', () => {
		const v = new VolumeSettings();
		expect({ voice: v.voice, sounds: v.sounds, ambience: v.ambience, muted: v.muted }).toEqual(DEFAULT_VOLUMES);
	});

	it('clamps to 0–1 and ignores non-numbers', () => {
		const v = new VolumeSettings();
		v.setVoice(1.5);
		v.setSounds(-0.2);
		v.setAmbience(0.3);
		v.setAmbience(Number.NaN);
		expect([v.voice, v.sounds, v.ambience]).toEqual([1, 0, 0.3]);
	});

	it('is remembered on the device', () => {
		const a = new VolumeSettings();
		a.setVoice(0.25);
		a.setAmbience(0);
		a.toggleMute();
		const b = new VolumeSettings();
		expect([b.voice, b.ambience, b.muted]).toEqual([0.25, 0, true]);
		expect(JSON.parse(localStorage.getItem(VOLUME_STORAGE_KEY) ?? '')).toMatchObject({ voice: 0.25, muted: true });
	});

	it.each([
		['not JSON', '{ oops'],
		['an array', '[1,2]'],
		['null', 'null'],
		['a number', '7']
	])('falls back to defaults when the stored value is %s', (_name, raw) => {
		localStorage.setItem(VOLUME_STORAGE_KEY, raw);
		const v = new VolumeSettings();
		expect([v.voice, v.sounds, v.ambience, v.muted]).toEqual([DEFAULT_VOLUMES.voice, DEFAULT_VOLUMES.sounds, DEFAULT_VOLUMES.ambience, false]);
	});

	it('keeps the valid fields of a partly corrupt value and clamps out-of-range ones', () => {
		localStorage.setItem(VOLUME_STORAGE_KEY, JSON.stringify({ voice: 'loud', sounds: 3, ambience: 0.1, muted: 'yes' }));
		const v = new VolumeSettings();
		expect([v.voice, v.sounds, v.ambience, v.muted]).toEqual([DEFAULT_VOLUMES.voice, 1, 0.1, false]);
	});

	it('works when storage is blocked or full', () => {
		const broken: VolumeStorage = {
			getItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			}
		};
		const v = new VolumeSettings(broken);
		v.setVoice(0.5);
		expect(v.voice).toBe(0.5);
	});

	it('gives channel gains, all 0 while muted', () => {
		const v = new VolumeSettings(null);
		v.setSounds(0.6);
		expect(v.gainFor('sounds')).toBe(0.6);
		expect(v.gainFor('voice')).toBe(DEFAULT_VOLUMES.voice);
		v.setMuted(true);
		expect(['voice', 'sounds', 'ambience'].map((c) => v.gainFor(c as 'voice'))).toEqual([0, 0, 0]);
		v.reset();
		expect(v.gainFor('sounds')).toBe(DEFAULT_VOLUMES.sounds);
	});

	it('is reactive: an effect that reads a volume reruns when it changes', () => {
		const v = new VolumeSettings(null);
		const seen: number[] = [];
		const stop = $effect.root(() => {
			$effect(() => {
				seen.push(v.gainFor('voice'));
			});
		});
		flushSync();
		v.setVoice(0.4);
		flushSync();
		v.setMuted(true);
		flushSync();
		stop();
		expect(seen).toEqual([1, 0.4, 0]);
	});
});
