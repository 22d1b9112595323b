import { describe, expect, it } from 'vitest';
import { cueFingerprint, mixPlan } from '../../../src/lib/media/track-plan';
import type { VoiceManifest } from '../../../src/lib/media/voice-manifest';
import type { Timeline } from '../../../src/lib/routine/timeline';
import { buildTimeline, cue, fromStart } from '../playback/timeline-builder';

function voices(entries: Record<string, number>): VoiceManifest {
	const v: Record<string, { files: string[]; durationMs: number }> = {};
	for (const [text, durationMs] of Object.entries(entries)) v[text] = { files: [`voice/${text.length}-${durationMs}.webm`, 'voice/x.m4a'], durationMs };
	return { version: 1, voices: v };
}

/** Two 6 s phases: an instruction at 0 and "Let go." at 6 s, plus a low-priority prompt at 7 s. */
function tenseRelease(): Timeline {
	return buildTimeline(
		[
			{
				title: 'Hand',
				segments: [
					{ kind: 'work', ms: 6000, cues: [cue('step-start', fromStart(0), 'Make a fist.')] },
					{ kind: 'work', ms: 20_000, cues: [cue('phase', fromStart(0), 'Let go.'), cue('prompt', fromStart(1000), 'Notice it.')] }
				]
			}
		],
		{ sessionEndCue: false }
	);
}

describe('mixPlan', () => {
	it('puts each spoken cue and its sound at the cue offset', () => {
		const base = tenseRelease();
		const t: Timeline = { ...base, cues: base.cues.map((c) => (c.kind === 'step-start' ? { ...c, sound: 'bell' } : c)) };
		const plan = mixPlan(t, voices({ 'Make a fist.': 2000, 'Let go.': 1500, 'Notice it.': 900 }), { bell: { files: ['sounds/bell.webm'] } });
		expect(plan.map((i) => [i.cueId, i.part, i.startMs, i.endMs])).toEqual([
			['c0', 'sound', 0, null],
			['c0', 'voice', 0, null],
			['c1', 'voice', 6000, null],
			// "Let go." ends at 7.5 s, so the prompt waits a breath (gapSec 0.15) behind it.
			['c2', 'voice', 7650, null]
		]);
		expect(plan[0]?.files).toEqual(['sounds/bell.webm']);
	});

	it('cuts an instruction that runs into the next phase, fading it out just before, as the live player does', () => {
		const plan = mixPlan(tenseRelease(), voices({ 'Make a fist.': 8000, 'Let go.': 1000, 'Notice it.': 900 }), {});
		const first = plan.find((i) => i.cueId === 'c0');
		expect(first).toMatchObject({ startMs: 0, endMs: 6000, fadeMs: 120 });
		expect(plan.find((i) => i.cueId === 'c1')?.startMs).toBe(6000);
	});

	it('drops low-priority speech that cannot wait its turn, and skips cues without a recording', () => {
		const plan = mixPlan(tenseRelease(), voices({ 'Make a fist.': 1000, 'Let go.': 5000 }), {});
		expect(plan.map((i) => i.cueId)).toEqual(['c0', 'c1']);
	});

	it('leaves out a sound the catalogue does not have', () => {
		const base = tenseRelease();
		const t: Timeline = { ...base, cues: base.cues.map((c) => ({ ...c, sound: 'missing' })) };
		expect(mixPlan(t, voices({}), {})).toEqual([]);
	});
});

describe('cueFingerprint', () => {
	const v = voices({ 'Make a fist.': 2000, 'Let go.': 1000, 'Notice it.': 900 });
	const base = tenseRelease();

	it('is stable for the same content', () => {
		expect(cueFingerprint(base, v)).toBe(cueFingerprint(tenseRelease(), v));
		expect(cueFingerprint(base, v)).toMatch(/^[0-9a-f]{16}$/);
	});

	it('changes with a cue time, its words, its sound, the recording or the length', () => {
		const f = cueFingerprint(base, v);
		const moved: Timeline = { ...base, cues: base.cues.map((c, i) => (i === 1 ? { ...c, atMs: c.atMs + 1 } : c)) };
		const reworded: Timeline = { ...base, cues: base.cues.map((c, i) => (i === 1 ? { ...c, text: 'Let it go.' } : c)) };
		const sounded: Timeline = { ...base, cues: base.cues.map((c, i) => (i === 1 ? { ...c, sound: 'bell' } : c)) };
		const longer: Timeline = { ...base, durationMs: base.durationMs + 1000 };
		const reRecorded = voices({ 'Make a fist.': 2100, 'Let go.': 1000, 'Notice it.': 900 });
		const all = [moved, reworded, sounded, longer].map((t) => cueFingerprint(t, v));
		all.push(cueFingerprint(base, reRecorded));
		expect(new Set([f, ...all]).size).toBe(6);
	});

	it('changes when a phrase is said again by another voice under the same file name (its length changes)', () => {
		const sameFiles = (ms: number): VoiceManifest => ({ version: 1, voices: { 'Make a fist.': { files: ['voice/a.webm', 'voice/a.m4a'], durationMs: ms }, 'Let go.': { files: ['voice/b.webm', 'voice/b.m4a'], durationMs: 1000 } } });
		expect(cueFingerprint(base, sameFiles(2000))).not.toBe(cueFingerprint(base, sameFiles(2400)));
	});
});
