/**
 * Every phrase Limber speaks, where it is said and how long it may last there: the
 * recording script (media:script) prints this, and a clinic's recordings (media:import-voice)
 * are checked against it.
 *
 * A phrase may last until the next spoken cue is due (less the voice queue's short breath),
 * after whatever is said at the same instant before it ("Done." then "Rest. Next: …"): the
 * rule the speech-fit content test applies, so a recording within its place plays whole and
 * on time. Where a phrase is said several times, its tightest place counts. The last words of
 * a session have no limit.
 */
import { speechPriority, VOICE_RULES } from '../../src/lib/media/voice-queue';
import type { VoiceManifest } from '../../src/lib/media/voice-manifest';
import { compile } from '../../src/lib/routine/compile';
import type { Routine } from '../../src/lib/routine/schema';
import { voiceFileBase } from './voice-id';

export interface PhraseUse {
	readonly routineId: string;
	readonly routineTitle: string;
	readonly level: number;
	/** The step it is said in: "Knee to chest", "Welcome to back school". */
	readonly step: string;
	readonly atMs: number;
	/** How long it may last at this use; null: no limit. */
	readonly maxMs: number | null;
}

export interface PhraseSlot {
	/** The phrase id: the name its recording must have (without extension). */
	readonly id: string;
	readonly text: string;
	readonly uses: readonly PhraseUse[];
	/** The tightest place: how long a recording may last; null: no limit. */
	readonly maxMs: number | null;
}

const GAP_MS = VOICE_RULES.gapSec * 1000;

/**
 * All spoken phrases of `routines`, in order of first use (routine, level, time). `lengthOf`
 * gives the current length of a phrase (for what is said before it at the same instant).
 */
export function phraseSlots(routines: readonly Routine[], lengthOf: (text: string) => number): PhraseSlot[] {
	const slots = new Map<string, { text: string; uses: PhraseUse[] }>();
	for (const r of routines) {
		for (let level = 1; level <= r.levels.length; level++) {
			const t = compile(r, level);
			const spoken = t.cues.filter((c) => speechPriority(c.kind) !== null);
			spoken.forEach((cue, i) => {
				// Said after the earlier phrases due at the same instant.
				let startMs = cue.atMs;
				for (let j = i - 1; j >= 0 && (spoken[j]?.atMs ?? -1) === cue.atMs; j--) startMs += lengthOf(spoken[j]?.text ?? '') + GAP_MS;
				const next = spoken.slice(i + 1).find((c) => c.atMs > cue.atMs);
				const maxMs = next ? Math.max(0, next.atMs - startMs - GAP_MS) : null;
				const step = t.steps[t.segments[cue.segmentIndex]?.stepIndex ?? 0]?.title ?? '';
				const slot = slots.get(cue.text) ?? { text: cue.text, uses: [] };
				slot.uses.push({ routineId: r.id, routineTitle: r.title, level, step, atMs: cue.atMs, maxMs });
				slots.set(cue.text, slot);
			});
		}
	}
	return [...slots.values()].map((s) => {
		const limits = s.uses.map((u) => u.maxMs).filter((m): m is number => m !== null);
		return { id: voiceFileBase(s.text), text: s.text, uses: s.uses, maxMs: limits.length ? Math.min(...limits) : null };
	});
}

/** The current length of each phrase from a voice manifest (0 when it has none). */
export function manifestLengths(manifest: VoiceManifest): (text: string) => number {
	return (text) => (Object.hasOwn(manifest.voices, text) ? (manifest.voices[text]?.durationMs ?? 0) : 0);
}
