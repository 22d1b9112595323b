import { describe, expect, it } from 'vitest';
import { findTrack, parseTrackManifest, trackManifestJson, wantsTrack, type TrackManifest } from '../../../src/lib/media/track-manifest';
import { cueFingerprint } from '../../../src/lib/media/track-plan';
import type { VoiceManifest } from '../../../src/lib/media/voice-manifest';
import { sampleTimeline } from '../playback/timeline-builder';

const voices: VoiceManifest = { version: 1, voices: {} };
const timeline = sampleTimeline();

function manifestWith(overrides: Partial<TrackManifest['tracks'][number]> = {}): unknown {
	return {
		version: 1,
		ambience: { files: ['tracks/ambience.webm', 'tracks/ambience.m4a'], durationMs: 40000 },
		tracks: [
			{
				routineId: timeline.routineId,
				level: timeline.level,
				durationMs: timeline.durationMs + 1500,
				timelineDurationMs: timeline.durationMs,
				fingerprint: cueFingerprint(timeline, voices),
				files: ['tracks/t-1.webm', 'tracks/t-1.m4a'],
				...overrides
			}
		]
	};
}

describe('parseTrackManifest', () => {
	it('accepts a well-formed manifest and keeps the ambience', () => {
		const r = parseTrackManifest(manifestWith());
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.manifest.tracks).toHaveLength(1);
			expect(r.manifest.ambience?.files[0]).toBe('tracks/ambience.webm');
		}
	});

	it.each([
		['a path out of static/media', { files: ['../secret.webm'] }, /invalid path/],
		['a bad fingerprint', { fingerprint: 'xyz' }, /fingerprint/],
		['a level 0', { level: 0 }, /level/],
		['a zero duration', { durationMs: 0 }, /durations/]
	])('rejects %s with a message', (_what, overrides, message) => {
		const r = parseTrackManifest(manifestWith(overrides));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(message);
	});

	it('rejects two tracks for one routine and level, and other versions', () => {
		const m = manifestWith() as { tracks: unknown[] };
		const twice = { ...m, tracks: [m.tracks[0], m.tracks[0]] };
		expect(parseTrackManifest(twice)).toMatchObject({ ok: false, error: expect.stringMatching(/second track/) });
		expect(parseTrackManifest({ ...m, version: 2 }).ok).toBe(false);
	});

	it('round-trips through the generator’s JSON', () => {
		const r = parseTrackManifest(manifestWith());
		if (!r.ok) throw new Error(r.error);
		expect(parseTrackManifest(JSON.parse(trackManifestJson(r.manifest)))).toEqual(r);
	});
});

describe('findTrack', () => {
	const parsed = (m: unknown): TrackManifest => {
		const r = parseTrackManifest(m);
		if (!r.ok) throw new Error(r.error);
		return r.manifest;
	};

	it('finds the track made from this timeline', () => {
		expect(findTrack(parsed(manifestWith()), timeline, voices).status).toBe('ready');
	});

	it('calls a track made from other cues stale, and a missing one none', () => {
		const changed = { ...timeline, cues: timeline.cues.map((c, i) => (i === 0 ? { ...c, text: 'Reworded.' } : c)) };
		expect(findTrack(parsed(manifestWith()), changed, voices).status).toBe('stale');
		expect(findTrack(parsed(manifestWith({ level: 2 })), timeline, voices).status).toBe('none');
	});
});

describe('wantsTrack', () => {
	it('is for relaxation and audio-first routines only', () => {
		expect(wantsTrack({ category: 'relaxation', audioFirst: false })).toBe(true);
		expect(wantsTrack({ category: 'yoga', audioFirst: true })).toBe(true);
		expect(wantsTrack({ category: 'stretching', audioFirst: false })).toBe(false);
	});
});
