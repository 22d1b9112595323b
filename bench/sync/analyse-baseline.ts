/**
 * The naive countdown measured the same way: each beep's onset at the tap, in audio frames,
 * against the moment its cue was due. The countdown keeps wall-clock time, so "due" is the
 * audio time of the wall-clock moment start + cue time: the countdown's start on the audio
 * clock + the cue's time − what the audio clock lost against performance.now() meanwhile
 * (underruns). Otherwise the audio clock's own losses would be charged to the timer; they
 * are the player's end error, measured apart.
 *
 * A cue whose time came and went without a beep (the hidden page's timer had not fired
 * yet when the bench stopped listening) is missed.
 */
import { summarize, type Summary } from '../lib/stats';
import type { BaselineRun } from './baseline-run';
import type { TapSegment } from './types';

/** The oscillator starts at the next render quantum after the call: look just around it. */
const EARLY_SEC = 0.025;
const LATE_SEC = 0.25;

export interface BaselineFigures {
	readonly hidden: boolean;
	readonly hidden_for_s: number;
	/** |onset − due| of the beeps heard. */
	readonly abs_error_ms: Summary;
	readonly signed_max_ms: number | null;
	/** Missed cues count as late by (end of listening − due): a lower bound of their lateness. */
	readonly abs_error_incl_missed_lower_bound_ms: Summary;
	readonly counts: { readonly expected: number; readonly heard: number; readonly missed: number };
}

export function analyseBaseline(run: BaselineRun): BaselineFigures {
	const { baseline, tap } = run;
	const claimed = new Set<TapSegment>();
	const errors: number[] = [];
	const heardCues = new Set<number>();
	for (const beep of baseline.beeps) {
		let best: TapSegment | null = null;
		for (const s of tap.segments) {
			if (claimed.has(s) || s.onsetSec < beep.calledAtSec - EARLY_SEC || s.onsetSec > beep.calledAtSec + LATE_SEC) continue;
			if (!best || s.onsetSec < best.onsetSec) best = s;
		}
		if (!best) continue;
		claimed.add(best);
		heardCues.add(beep.cueMs);
		errors.push((best.onsetSec - (baseline.t0Sec + (beep.cueMs - beep.audioLossMs) / 1000)) * 1000);
	}
	const dueBeforeEnd = baseline.cueMs.filter((ms) => baseline.t0Sec + ms / 1000 <= run.endAudioSec);
	const missed = dueBeforeEnd.filter((ms) => !heardCues.has(ms));
	const missedLateness = missed.map((ms) => (run.endAudioSec - (baseline.t0Sec + ms / 1000)) * 1000);
	return {
		hidden: run.hidden,
		hidden_for_s: Math.round(run.hiddenForMs / 1000),
		abs_error_ms: summarize(errors.map(Math.abs)),
		signed_max_ms: errors.length ? Math.round(Math.max(...errors) * 100) / 100 : null,
		abs_error_incl_missed_lower_bound_ms: summarize([...errors.map(Math.abs), ...missedLateness]),
		counts: { expected: dueBeforeEnd.length, heard: heardCues.size, missed: missed.length }
	};
}
