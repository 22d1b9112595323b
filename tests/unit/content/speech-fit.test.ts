/**
 * Every spoken cue of every shipped routine, at every level, is heard whole and close to
 * its moment. A cue that is still being said when the next one is due either cuts it off
 * (the next one is an instruction), is dropped (it is encouragement) or pushes the next
 * one back; which happens is decided by the app's own voice-queue rule (voice-queue.ts),
 * applied here through mixPlan, the same placement the session tracks are mixed from.
 * The live cue scheduler applies the same rule to the same due times, segment ends and
 * recorded lengths, so a routine that passes here plays the same way live: when nothing
 * is cut, the only input they differ in ("now", for the length of a fade) does not matter.
 *
 * Lengths are the real recordings' (static/media/voice/manifest.json), so rewording a cue
 * is checked against what will actually be said. A cue with no recording yet is left to
 * voice-manifest.test.ts, which fails until the voices are made again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mixPlan, type MixItem } from '../../../src/lib/media/track-plan';
import { parseVoiceManifest, voiceFor, type VoiceManifest } from '../../../src/lib/media/voice-manifest';
import { speechPriority, VOICE_RULES } from '../../../src/lib/media/voice-queue';
import { compile } from '../../../src/lib/routine/compile';
import { routine as routineSchema } from '../../../src/lib/routine/schema';
import type { Cue, Timeline } from '../../../src/lib/routine/timeline';
import { fixtureRoutine } from '../routine/arbitraries';
import { MEDIA, REGENERATE, shippedRoutines } from './shipped';

/**
 * The longest a spoken cue may wait behind other speech. The voice rule itself tolerates
 * 1.5 s (VOICE_RULES.maxQueueDelaySec) so that a live session copes with what content
 * cannot rule out (a seek, a late tick); shipped content should not lean on it. Cue times
 * carry meaning: "now", "let go", "breathe in", "switch sides" mark the moment to act, and
 * the bell, the screen and the countdown beeps stay on time while the words wait. Half a
 * second is about where a spoken signal starts to sound late against the bell or the
 * change on screen, and a 4 s in-breath would lose an eighth of its length; a shorter wait
 * is heard as the natural pause between two phrases. (When this was written the largest
 * wait outside the allowances below was 390 ms, "Breathe in." in the yoga sun salutation.)
 */
const MAX_QUEUE_DELAY_MS = 500;

/** Phases in which the person is holding a tensed muscle: the instruction must come before. */
const TENSING_PHASES = new Set(['Tense']);

function readVoices(): VoiceManifest {
	const parsed = parseVoiceManifest(JSON.parse(readFileSync(`${MEDIA}voice/manifest.json`, 'utf8')));
	if (!parsed.ok) throw new Error(`static/media/voice/manifest.json: ${parsed.error}; ${REGENERATE}`);
	return parsed.manifest;
}

const shippedVoices = readVoices();
const routines = shippedRoutines();

const clock = (ms: number): string => {
	const s = Math.floor(ms / 1000);
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
};

/** "at 1:23.000 in Main hand and forearm / Tense (phase) "Now. Hold it…"" */
function where(t: Timeline, cue: Cue): string {
	const seg = t.segments[cue.segmentIndex];
	const step = seg ? t.steps[seg.stepIndex] : undefined;
	const place = [step?.title ?? '?', seg?.phase ?? seg?.title].filter(Boolean).join(' / ');
	return `at ${clock(cue.atMs)} in ${place} (${cue.kind}) ${JSON.stringify(cue.text)}`;
}

/**
 * The one allowance, for a fault that content cannot fix. In an exercise counted in short repetitions, compile() says the step's
 * opening instruction ("Step-up, left side. 8 slow repetitions.", 4 to 5 s) at the start of
 * the first repetition and a count ("2", "3", …) at the start of each later one. When a
 * repetition is shorter than that instruction (the pool's 3 s lunges and step-ups), the
 * count "2" finds the voice busy and waits or is dropped: a low-priority cue, so the
 * voice rule lets it go by design, and the count resumes at "3". No wording or timing
 * change in the routine file can avoid it without changing the prescribed tempo; saying
 * the instruction before the first repetition (as the relaxation routines now do with a
 * "Get ready" phase) would need compile() to do it for counted exercises. So a count
 * held back or dropped only by its own step's opening instruction is not reported;
 * anything else that delays or drops a count still is.
 */
function isCountUnderOpening(t: Timeline, cue: Cue, ahead: readonly (Cue | undefined)[]): boolean {
	if (cue.kind !== 'prompt' || !/^\d+$/.test(cue.text) || ahead.length === 0) return false;
	const stepOf = (c: Cue) => t.segments[c.segmentIndex]?.stepIndex;
	return ahead.every((c) => c !== undefined && c.kind === 'step-start' && stepOf(c) === stepOf(cue));
}

/** Everything wrong with how one compiled level's speech fits its timing, in plain words. */
function speechProblems(t: Timeline, voices: VoiceManifest): string[] {
	const plan = mixPlan(t, voices, {});
	const heard = new Map<string, MixItem>();
	for (const item of plan) if (item.part === 'voice') heard.set(item.cueId, item);
	const byId = new Map(t.cues.map((c) => [c.id, c]));
	const endOf = (i: MixItem) => i.endMs ?? i.startMs + i.durationMs;
	const said = (i: MixItem) => {
		const c = byId.get(i.cueId);
		return c ? `${JSON.stringify(c.text)} (from ${clock(c.atMs)})` : i.cueId;
	};
	const gapMs = VOICE_RULES.gapSec * 1000;

	const problems: string[] = [];
	for (const [order, cue] of t.cues.entries()) {
		const priority = speechPriority(cue.kind);
		const entry = priority ? voiceFor(voices, cue.text) : undefined;
		if (!priority || !entry) continue;
		const item = heard.get(cue.id);
		// What was still being said when this cue fell due.
		const ahead = [...heard.values()].filter((i) => i !== item && i.startMs <= cue.atMs && endOf(i) > cue.atMs);
		const busy = ahead.length > 0 ? ` behind ${ahead.map(said).join(' and ')}` : '';
		const allowedToWait = isCountUnderOpening(t, cue, ahead.map((i) => byId.get(i.cueId)));
		if (!item) {
			if (allowedToWait) continue;
			problems.push(`${where(t, cue)} is never heard (${priority} priority, ${entry.durationMs} ms long): the voice is busy${busy}`);
			continue;
		}
		if (item.endMs !== null) {
			const by = [...heard.values()].find((i) => i.startMs === item.endMs && i !== item);
			problems.push(`${where(t, cue)} is cut off after ${item.endMs - item.startMs} of its ${item.durationMs} ms by ${by ? said(by) : '?'}`);
		}
		// Cues due at the same instant are meant to be said one after the other ("Done." then
		// "Rest. Next: …"; "Done." then "Session complete."): the wait behind the earlier ones
		// is by design, so only the delay beyond that counts.
		let expected = cue.atMs;
		for (const earlier of t.cues.slice(0, order)) {
			const i = earlier.atMs === cue.atMs ? heard.get(earlier.id) : undefined;
			if (i) expected = Math.max(expected, endOf(i) + gapMs);
		}
		const delay = Math.round(item.startMs - expected);
		if (delay > MAX_QUEUE_DELAY_MS && !allowedToWait) {
			problems.push(`${where(t, cue)} waits ${item.startMs - cue.atMs} ms${busy} (at most ${MAX_QUEUE_DELAY_MS} ms)`);
		}
	}

	// The instruction for a tensing phase is heard before it: nothing that began earlier is
	// still being said when the person is meant to be tensing.
	for (const seg of t.segments) {
		if (seg.phase === null || !TENSING_PHASES.has(seg.phase)) continue;
		for (const item of heard.values()) {
			const end = endOf(item);
			if (item.startMs < seg.startMs && end > seg.startMs) {
				const c = byId.get(item.cueId);
				const step = t.steps[seg.stepIndex]?.title ?? '?';
				problems.push(`${c ? where(t, c) : item.cueId} is still being said ${end - seg.startMs} ms into ${step} / ${seg.phase} at ${clock(seg.startMs)}`);
			}
		}
	}
	return problems;
}

describe('spoken cues fit their timing', () => {
	it('hold the shipped routines to a tighter bound than the voice rule allows', () => {
		expect(MAX_QUEUE_DELAY_MS).toBeLessThanOrEqual(VOICE_RULES.maxQueueDelaySec * 1000);
		expect(routines.length).toBeGreaterThan(0);
	});

	for (const r of routines) {
		for (let level = 1; level <= r.levels.length; level++) {
			it(`${r.id}, level ${level} (${r.levels[level - 1]?.name}): no cue cut off, dropped or held back`, () => {
				expect(speechProblems(compile(r, level), shippedVoices), `${r.id} level ${level}`).toEqual([]);
			});
		}
	}
});

/** A manifest that speaks the given texts for the given lengths. */
function fakeVoices(durations: Record<string, number>): VoiceManifest {
	const v: Record<string, { files: string[]; durationMs: number }> = {};
	Object.entries(durations).forEach(([text, durationMs], i) => (v[text] = { files: [`voice/${i}.webm`, `voice/${i}.m4a`], durationMs }));
	return { version: 1, voices: v };
}

/** One PMR group, twice, with the given phases: the shape the check exists for. */
function oneGroup(phases: readonly { name: string; seconds: number; say: string }[], cues: readonly { at: number; say: string }[] = []): Timeline {
	const r = routineSchema.parse(
		fixtureRoutine({
			category: 'relaxation',
			exercises: [{ id: 'hand', name: 'Main hand', position: 'seated', instructions: ['Make a fist.'], cues: [...cues] }],
			levels: [{ name: '16 groups', countIn: 0, steps: [{ exercise: 'hand', reps: 2, phases: [...phases] }] }]
		})
	);
	return compile(r, 1);
}

describe('the speech-fit check itself', () => {
	const oldShape = [
		{ name: 'Tense', seconds: 6, say: 'Make a tight fist and feel the tension.' },
		{ name: 'Release', seconds: 30, say: 'Let go.' }
	];

	it('reports an instruction cut off by the next cue, or holding it back, naming both', () => {
		// The fault a physiotherapist found: 8 s of instruction in a 6 s Tense phase.
		const voices = fakeVoices({ 'Main hand. Make a tight fist and feel the tension.': 8000, 'Make a tight fist and feel the tension.': 7000, 'Let go.': 800, 'Session complete. Well done.': 1500 });
		const problems = speechProblems(oneGroup(oldShape), voices);
		expect(problems).toContain(
			'at 0:00.000 in Main hand / Tense (step-start) "Main hand. Make a tight fist and feel the tension." is cut off after 6000 of its 8000 ms by "Let go." (from 0:06.000)'
		);
		// The second time round the instruction is 1 s shorter: "Let go." is queued behind it instead.
		expect(problems).toContain('at 0:42.000 in Main hand / Release (phase) "Let go." waits 1150 ms behind "Make a tight fist and feel the tension." (from 0:36.000) (at most 500 ms)');
	});

	it('reports speech held back too long and encouragement that is never heard', () => {
		const phases = [
			{ name: 'Get ready', seconds: 5, say: 'Get ready.' },
			{ name: 'Tense', seconds: 6, say: 'Now.' },
			{ name: 'Release', seconds: 30, say: 'Let go.' }
		];
		// "Get ready" runs 1 s into the Tense phase: "Now." queues behind it (within the rule's
		// 1.5 s, beyond this check's bound), and the prompt at 2 s finds the voice still busy.
		const voices = fakeVoices({ 'Main hand. Get ready.': 5850, 'Get ready.': 5850, 'Now.': 3000, 'Let go.': 800, 'Relax.': 500, 'Session complete. Well done.': 1500 });
		const problems = speechProblems(oneGroup(phases, [{ at: 2, say: 'Relax.' }]), voices);
		expect(problems).toContain('at 0:05.000 in Main hand / Tense (phase) "Now." waits 1000 ms behind "Main hand. Get ready." (from 0:00.000) (at most 500 ms)');
		expect(problems.some((p) => p.includes('(prompt) "Relax." is never heard'))).toBe(true);
		expect(problems.some((p) => p.includes('"Main hand. Get ready." is still being said 850 ms into Main hand / Tense at 0:05.000'))).toBe(true);
	});

	it('lets a repetition count wait behind its own opening instruction, but not behind anything else', () => {
		const counted = (cues: readonly { at: number; say: string }[]) =>
			compile(
				routineSchema.parse(
					fixtureRoutine({
						exercises: [{ id: 'lunge', name: 'Lunge', position: 'standing', instructions: ['Lunge.'], cues: [...cues] }],
						levels: [{ name: 'L', countIn: 0, steps: [{ exercise: 'lunge', reps: 3, hold: 3 }] }]
					})
				),
				1
			);
		const durations = { '2': 400, '3': 400, 'Session complete. Well done.': 1500, 'Done.': 450, 'Slowly.': 2500 };
		// The opening instruction runs to 3.9 s, past the count "2" at 3 s.
		expect(speechProblems(counted([]), fakeVoices({ ...durations, 'Lunge. 3 slow repetitions.': 3900 }))).toEqual([]);
		// A short opening, but a prompt at 1 s that runs to 3.5 s: "2" waits 650 ms behind it.
		const problems = speechProblems(counted([{ at: 1, say: 'Slowly.' }]), fakeVoices({ ...durations, 'Lunge. 3 slow repetitions.': 900 }));
		expect(problems).toContain('at 0:03.000 in Lunge / Lunge (prompt) "2" waits 650 ms behind "Slowly." (from 0:01.000) (at most 500 ms)');
	});

	it('passes the same group once the instruction comes first and each cue fits before the next', () => {
		const phases = [
			{ name: 'Get ready', seconds: 8, say: 'Make a tight fist and feel the tension.' },
			{ name: 'Tense', seconds: 6, say: 'Now.' },
			{ name: 'Release', seconds: 30, say: 'Let go.' }
		];
		const voices = fakeVoices({ 'Main hand. Make a tight fist and feel the tension.': 7000, 'Make a tight fist and feel the tension.': 6000, 'Now.': 500, 'Let go.': 800, 'Session complete. Well done.': 1500 });
		expect(speechProblems(oneGroup(phases), voices)).toEqual([]);
	});
});
