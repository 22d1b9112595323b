import { describe, expect, it } from 'vitest';
import { cueMedia } from '../../../src/lib/media/cue-scheduler';
import { sessionItems } from '../../../src/lib/offline/media-list';
import { findRoutine, timelineFor } from '../../../src/lib/server/content';
import { routineMedia } from '../../../src/lib/server/offline-media';
import { sessionMedia } from '../../../src/lib/server/session-media';
import { versionedVoiceManifest } from '../../../src/lib/server/tracks';

const VERSIONED = /\?v=[0-9a-f]{12}$/;

function shipped(id: string) {
	const routine = findRoutine(id);
	if (!routine) throw new Error(`${id} is shipped`);
	return routine;
}

describe('the media list of a stretching level', () => {
	const routine = shipped('morning-mobility');
	const list = routineMedia(routine);
	const level1 = list.levels[0];
	if (!level1) throw new Error('level 1');
	const timeline = timelineFor(routine, 1);

	it('holds every clip the timeline shows, in the order it reaches them, with its poster', () => {
		const clips = [...new Set(timeline.segments.flatMap((s) => (s.video ? [s.video.clip] : [])))];
		const listed = level1.items.filter((i) => i.role === 'clip').map((i) => i.choices[0]?.path.split('?')[0]);
		expect(listed).toEqual(clips.map((c) => expect.stringMatching(new RegExp(`^video/${c}\\.webm$`))));
		expect(level1.items.filter((i) => i.role === 'poster')).toHaveLength(clips.length);
		for (const item of level1.items.filter((i) => i.role === 'clip')) {
			// WebM for Chromium first, MP4 for Safari second, each with the type the player asks about.
			expect(item.choices.map((c) => c.type)).toEqual(['video/webm', 'video/mp4']);
		}
	});

	it('holds exactly the sounds and speech the cue scheduler loads, and no session track', () => {
		const media = sessionMedia(routine, timeline);
		const loaded = cueMedia(timeline, media.sounds, versionedVoiceManifest());
		const listed = level1.items.filter((i) => i.role === 'sound' || i.role === 'voice');
		expect(listed.map((i) => i.choices.map((c) => c.path))).toEqual(loaded.map((m) => m.files));
		expect(listed.filter((i) => i.role === 'voice').length).toBeGreaterThan(10);
		expect(level1.items.some((i) => i.role === 'track' || i.role === 'ambience' || i.role === 'chime')).toBe(false);
		const audio = listed.flatMap((i) => i.choices.map((c) => c.type));
		expect(new Set(audio)).toEqual(new Set(['audio/webm; codecs=opus', 'audio/mp4; codecs=mp4a.40.2']));
	});

	it('names each file by its content hash and knows its size', () => {
		for (const item of level1.items) {
			for (const { path } of item.choices) {
				expect(path).toMatch(VERSIONED);
				expect(list.bytes[path], path).toBeGreaterThan(0);
			}
		}
	});

	it('gives each level its own version, stable from call to call', () => {
		expect(new Set(list.levels.map((l) => l.version)).size).toBe(list.levels.length);
		expect(routineMedia(routine).levels.map((l) => l.version)).toEqual(list.levels.map((l) => l.version));
	});
});

describe('the media list of a relaxation level with a session track', () => {
	it('holds the track, the ambience loop and the chime, and nothing the live player would load', () => {
		const list = routineMedia(shipped('breathing-relaxation'));
		const roles = list.levels[0]?.items.map((i) => i.role);
		expect(roles).toEqual(['track', 'ambience', 'chime']);
		expect(list.levels[0]?.items[0]?.choices[0]?.path).toMatch(/^tracks\/breathing-relaxation-1\.webm\?v=/);
	});
});

describe('sessionItems', () => {
	it('lists the live player’s media when there is no track, with ambience and chime for audio-first routines', () => {
		const routine = shipped('breathing-relaxation');
		const timeline = timelineFor(routine, 1);
		const live = sessionMedia(routine, timeline, true);
		const items = sessionItems(timeline, live, versionedVoiceManifest());
		const roles = new Set(items.map((i) => i.role));
		expect(roles.has('track')).toBe(false);
		expect(roles.has('voice')).toBe(true);
		expect(items.at(-2)?.role).toBe('ambience');
		expect(items.at(-1)?.role).toBe('chime');
	});
});
