/**
 * The rule for speech that would overlap other speech. Two voices at once are unintelligible,
 * and someone holding a stretch with their eyes closed cannot read the caption, so:
 *
 * 1. Only speech still to be heard at the new cue's due time counts (it ends after it).
 *    Nothing there: speak on time.
 * 2. Otherwise queue: start a short breath (`gapSec`) after the last of that speech, if the
 *    delay is small (≤ `maxQueueDelaySec`) and the start still falls inside the cue's own
 *    segment (a "switch sides" said after the switch is over is wrong, not late).
 * 3. Otherwise a low-priority cue (encouragement: halfway, breathe, prompts, "Done.") is
 *    dropped: the caption still shows it and the next one will come.
 * 4. A high-priority cue (what to do now: a new step, side, phase, rest, next-up, count-in,
 *    education, the end) is never dropped. It starts on time (if it is already late, as
 *    soon as a minimal fade fits) and the speech in front of it fades out just before it,
 *    over at most `fadeSec`, never before now; speech queued behind that never starts.
 *    Newer instructions supersede older ones.
 *
 * Beeps are not speech: they never wait and never make speech wait.
 * Pure: times are seconds on the audio clock; the scheduler applies the result.
 */
import type { CueKind } from '../routine/timeline';

export type SpeechPriority = 'high' | 'low';

export interface VoiceRules {
	/** Longest a cue may be pushed back behind other speech. */
	readonly maxQueueDelaySec: number;
	/** Silence between two queued utterances, so they do not run together. */
	readonly gapSec: number;
	/** How long speech cut short by a high-priority cue takes to fade out, at most. */
	readonly fadeSec: number;
	/** The shortest fade that still avoids a click; a late cue waits this long at most. */
	readonly minFadeSec: number;
}

export const VOICE_RULES: VoiceRules = { maxQueueDelaySec: 1.5, gapSec: 0.15, fadeSec: 0.12, minFadeSec: 0.02 };

/** Null for cues that are never spoken: the countdown is its beeps. */
export function speechPriority(kind: CueKind): SpeechPriority | null {
	switch (kind) {
		case 'countdown':
			return null;
		case 'halfway':
		case 'breathe':
		case 'prompt':
		case 'step-end':
			return 'low';
		case 'step-start':
		case 'switch-sides':
		case 'phase':
		case 'next-up':
		case 'rest':
		case 'count-in':
		case 'session-end':
		case 'education':
			return 'high';
	}
}

export interface SpeechRequest {
	/** When the cue should be heard. */
	readonly dueSec: number;
	readonly durationSec: number;
	readonly priority: SpeechPriority;
	/** The latest acceptable start when queued: the end of the cue's segment. */
	readonly latestStartSec: number;
	/** The audio clock now: a fade cannot be scheduled in the past. */
	readonly nowSec: number;
}

/** Speech already placed on the voice channel (playing or waiting to play). */
export interface ScheduledSpeech {
	readonly id: string;
	readonly startSec: number;
	readonly endSec: number;
}

/** Make scheduled speech end at `endSec`, fading over `fadeSec`; ending at or before its start cancels it. */
export interface SpeechCut {
	readonly id: string;
	readonly endSec: number;
	readonly fadeSec: number;
}

export type SpeechPlacement =
	| {
			readonly action: 'play';
			readonly startSec: number;
			readonly reason: 'clear' | 'queued' | 'interrupts';
			readonly cuts: readonly SpeechCut[];
	  }
	| { readonly action: 'drop'; readonly reason: 'voice-busy' };

export function placeSpeech(
	request: SpeechRequest,
	scheduled: readonly ScheduledSpeech[],
	rules: VoiceRules = VOICE_RULES
): SpeechPlacement {
	const { dueSec, priority, latestStartSec, nowSec } = request;
	const ahead = scheduled.filter((s) => s.endSec > dueSec);
	if (ahead.length === 0) return { action: 'play', startSec: dueSec, reason: 'clear', cuts: [] };

	const free = Math.max(...ahead.map((s) => s.endSec)) + rules.gapSec;
	if (free - dueSec <= rules.maxQueueDelaySec && free <= latestStartSec) {
		return { action: 'play', startSec: free, reason: 'queued', cuts: [] };
	}
	if (priority === 'low') return { action: 'drop', reason: 'voice-busy' };

	const startSec = Math.max(dueSec, nowSec + rules.minFadeSec);
	const cuts: SpeechCut[] = [];
	for (const s of scheduled) {
		if (s.endSec <= startSec) continue;
		if (s.startSec >= startSec) {
			cuts.push({ id: s.id, endSec: s.startSec, fadeSec: 0 });
		} else {
			const fadeFrom = Math.max(startSec - rules.fadeSec, s.startSec, nowSec);
			cuts.push({ id: s.id, endSec: startSec, fadeSec: startSec - fadeFrom });
		}
	}
	return { action: 'play', startSec, reason: 'interrupts', cuts };
}
