/**
 * Cue onsets against the wall clock, independently of the scheduler's own mapping of
 * session time onto audio time. The onset found at the tap (audio-context time) becomes the
 * performance.now() at which it left the output, through the output timestamps the bench
 * recorded (bench/page/player-probe.ts keeps them every few ms around each move of the
 * mapping, so an underrun near an onset is placed to within a few ms); it was due when the wall clock had run the cue's
 * offset from Start (plus any time paused or buffering before it):
 *
 *   wall error = heard (performance.now()) − (Start's performance.now() + atMs − position at Start + stalls before)
 *
 * This is the figure the naive baseline is measured by, so the two compare like for like.
 */
import { summarize } from '../lib/stats';
import type { PartMeasurement } from './analyse-cues';
import type { PlayerRun } from './player-run';

interface OutputPair {
	readonly contextSec: number;
	readonly perfMs: number;
}

/** A move of the audio→wall mapping smaller than this is reading noise, not an underrun (ms). */
const MAPPING_MOVED_MS = 0.5;

const offsetMs = (p: OutputPair) => p.perfMs - p.contextSec * 1000;

/** The stamps on either side of an audio time (binary search over stamps sorted by contextSec). */
function bracket(pairs: readonly OutputPair[], contextSec: number): { before: OutputPair | null; after: OutputPair | null } {
	let lo = 0;
	let hi = pairs.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((pairs[mid] as OutputPair).contextSec <= contextSec) lo = mid + 1;
		else hi = mid;
	}
	return { before: pairs[lo - 1] ?? null, after: pairs[lo] ?? null };
}

export interface WallError {
	readonly cueId: string;
	readonly part: string;
	readonly atMs: number;
	readonly errorMs: number;
	/** Audio time between the stamps either side of the onset (ms). */
	readonly bracketMs: number | null;
	/** The mapping moved (an underrun) between those stamps, so the onset's wall time is uncertain by that much (ms). */
	readonly movedMs: number;
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

export function wallErrors(run: PlayerRun, parts: readonly PartMeasurement[]): WallError[] {
	const start = run.player.stateEvents.find((e) => e.from === 'ready');
	if (!start) return [];
	const pairs = [...(run.player.outputStamps ?? []), ...run.samples.flatMap((s) => (s.output && s.output.contextSec > 0 ? [s.output] : []))].sort(
		(a, b) => a.contextSec - b.contextSec
	);
	const stalls = stallIntervals(run);
	const errors: WallError[] = [];
	for (const p of parts) {
		if (p.status !== 'heard' || p.actualAudioSec === null || p.reason === 'queued' || p.atStart) continue;
		const { before, after } = bracket(pairs, p.actualAudioSec);
		const onset = p.actualAudioSec;
		const pair = before && after ? (onset - before.contextSec <= after.contextSec - onset ? before : after) : (before ?? after);
		if (!pair) continue;
		const movedMs = before && after ? Math.abs(offsetMs(after) - offsetMs(before)) : 0;
		const heardPerf = pair.perfMs + (onset - pair.contextSec) * 1000;
		let duePerf = start.perfMs + p.atMs - start.positionMs;
		for (const s of stalls) if (s.fromPerf <= duePerf) duePerf += s.toPerf - s.fromPerf;
		errors.push({
			cueId: p.cueId,
			part: p.part,
			atMs: p.atMs,
			errorMs: heardPerf - duePerf,
			bracketMs: before && after ? (after.contextSec - before.contextSec) * 1000 : null,
			movedMs: movedMs >= MAPPING_MOVED_MS ? movedMs : 0
		});
	}
	return errors;
}

export function wallErrorsMs(run: PlayerRun, parts: readonly PartMeasurement[]): number[] {
	return wallErrors(run, parts).map((e) => e.errorMs);
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function wallErrorSummary(run: PlayerRun, parts: readonly PartMeasurement[]) {
	const all = wallErrors(run, parts);
	const errors = all.map((e) => e.errorMs);
	const sorted = [...errors].sort((a, b) => a - b);
	const mid = sorted[Math.floor(sorted.length / 2)];
	const brackets = all.flatMap((e) => (e.bracketMs === null ? [] : [e.bracketMs]));
	return {
		...summarize(errors.map(Math.abs)),
		signed_p50: mid === undefined ? null : r2(mid),
		mapping: {
			output_stamps: run.player.outputStamps?.length ?? 0,
			onset_bracket_ms: summarize(brackets),
			/** Onsets with an underrun between the stamps either side: their wall time is uncertain by moved_ms. */
			uncertain: all.filter((e) => e.movedMs > 0).map((e) => ({ cue: e.cueId, part: e.part, error_ms: r2(e.errorMs), moved_ms: r2(e.movedMs), bracket_ms: e.bracketMs === null ? null : r2(e.bracketMs) }))
		},
		worst: [...all]
			.sort((a, b) => Math.abs(b.errorMs) - Math.abs(a.errorMs))
			.slice(0, 5)
			.map((e) => ({ cue: e.cueId, part: e.part, at_ms: e.atMs, error_ms: r2(e.errorMs), moved_ms: r2(e.movedMs) }))
	};
}
