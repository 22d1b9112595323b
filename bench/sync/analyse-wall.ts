/**
 * Cue onsets against the wall clock, independently of the scheduler's own mapping of
 * session time onto audio time. The onset found at the tap (audio-context time) becomes the
 * performance.now() at which it left the output, through the output timestamps the bench
 * sampled (the one nearest in audio time); it was due when the wall clock had run the cue's
 * offset from Start (plus any time paused or buffering before it):
 *
 *   wall error = heard (performance.now()) − (Start's performance.now() + atMs − position at Start + stalls before)
 *
 * This is the figure the naive baseline is measured by, so the two compare like for like.
 */
import { summarize, type Summary } from '../lib/stats';
import type { PartMeasurement } from './analyse-cues';
import type { PlayerRun } from './player-run';

interface OutputPair {
	readonly contextSec: number;
	readonly perfMs: number;
}

function nearest(pairs: readonly OutputPair[], contextSec: number): OutputPair | null {
	let best: OutputPair | null = null;
	for (const p of pairs) if (!best || Math.abs(p.contextSec - contextSec) < Math.abs(best.contextSec - contextSec)) best = p;
	return best;
}

/** Wall-clock intervals the session was frozen (paused, buffering). */
function stallIntervals(run: PlayerRun): { fromPerf: number; toPerf: number }[] {
	const out: { fromPerf: number; toPerf: number }[] = [];
	let from: number | null = null;
	for (const e of run.player.stateEvents) {
		if ((e.to === 'buffering' || e.to === 'paused') && from === null) from = e.perfMs;
		if ((e.to === 'playing' || e.to === 'count-in') && from !== null) {
			out.push({ fromPerf: from, toPerf: e.perfMs });
			from = null;
		}
	}
	return out;
}

export function wallErrorsMs(run: PlayerRun, parts: readonly PartMeasurement[]): number[] {
	const start = run.player.stateEvents.find((e) => e.from === 'ready');
	if (!start) return [];
	const pairs = run.samples.flatMap((s) => (s.output && s.output.contextSec > 0 ? [s.output] : []));
	const stalls = stallIntervals(run);
	const errors: number[] = [];
	for (const p of parts) {
		if (p.status !== 'heard' || p.actualAudioSec === null || p.reason === 'queued' || p.atStart) continue;
		const pair = nearest(pairs, p.actualAudioSec);
		if (!pair) continue;
		const heardPerf = pair.perfMs + (p.actualAudioSec - pair.contextSec) * 1000;
		let duePerf = start.perfMs + p.atMs - start.positionMs;
		for (const s of stalls) if (s.fromPerf <= duePerf) duePerf += s.toPerf - s.fromPerf;
		errors.push(heardPerf - duePerf);
	}
	return errors;
}

export function wallErrorSummary(run: PlayerRun, parts: readonly PartMeasurement[]): Summary & { readonly signed_p50: number | null } {
	const errors = wallErrorsMs(run, parts);
	const sorted = [...errors].sort((a, b) => a - b);
	const mid = sorted[Math.floor(sorted.length / 2)];
	return { ...summarize(errors.map(Math.abs)), signed_p50: mid === undefined ? null : Math.round(mid * 100) / 100 };
}
