/**
 * Every relaxation routine and level has a session track made from the content shipped now:
 * if a cue is reworded, retimed or re-recorded, this fails until the tracks are made again.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTrack, parseTrackManifest, wantsTrack } from '../../../src/lib/media/track-manifest';
import { parseVoiceManifest } from '../../../src/lib/media/voice-manifest';
import { compile } from '../../../src/lib/routine/compile';
import { MEDIA, shippedRoutines } from './shipped';

const REMAKE = 'run `npm run media:tracks` to make the session tracks again (needs ffmpeg)';
const tracks = parseTrackManifest(JSON.parse(readFileSync(`${MEDIA}tracks/manifest.json`, 'utf8')));
const voices = parseVoiceManifest(JSON.parse(readFileSync(`${MEDIA}voice/manifest.json`, 'utf8')));
if (!tracks.ok) throw new Error(`static/media/tracks/manifest.json: ${tracks.error}; ${REMAKE}`);
if (!voices.ok) throw new Error(`static/media/voice/manifest.json: ${voices.error}`);
const wanted = shippedRoutines().filter(wantsTrack);

describe('session tracks', () => {
	it('exist for at least the two relaxation routines', () => {
		expect(wanted.map((r) => r.id)).toEqual(expect.arrayContaining(['breathing-relaxation', 'progressive-muscle-relaxation']));
	});

	for (const r of wanted) {
		it(`match the compiled cues of every level of ${r.id}`, () => {
			const problems: string[] = [];
			for (let level = 1; level <= r.levels.length; level++) {
				const found = findTrack(tracks.manifest, compile(r, level), voices.manifest);
				if (found.status !== 'ready') problems.push(`level ${level}: ${found.status}`);
			}
			expect(problems, REMAKE).toEqual([]);
		});
	}

	it('list only files that exist, WebM first and M4A second, each at least as long as its session', () => {
		const problems: string[] = [];
		for (const t of tracks.manifest.tracks) {
			const [webm, m4a] = t.files;
			if (t.files.length !== 2 || !webm?.endsWith('.webm') || !m4a?.endsWith('.m4a')) problems.push(`${t.routineId}@${t.level}: files should be [.webm, .m4a]`);
			for (const f of t.files) if (!existsSync(MEDIA + f) || statSync(MEDIA + f).size === 0) problems.push(`${f} is missing or empty`);
			if (t.durationMs < t.timelineDurationMs) problems.push(`${t.routineId}@${t.level} is shorter than its session`);
		}
		const amb = tracks.manifest.ambience;
		if (!amb) problems.push('no ambience loop');
		for (const f of amb?.files ?? []) if (!existsSync(MEDIA + f)) problems.push(`${f} is missing`);
		expect(problems, REMAKE).toEqual([]);
	});

	it('hold no track for a routine that no longer wants one', () => {
		const ids = new Set(wanted.map((r) => r.id));
		expect(tracks.manifest.tracks.filter((t) => !ids.has(t.routineId)).map((t) => t.routineId)).toEqual([]);
	});
});
