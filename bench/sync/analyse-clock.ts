/**
 * Does the session end on time by the wall clock? The engine's position is its clock minus
 * an anchor, so with no pause or stall the session ends when the clock has advanced by the
 * timeline's length. Measured against performance.now() in the page:
 *
 *   measured end error = (wall elapsed from Start to 'finished') − (timeline left at Start) − stalls
 *
 * i.e. when the session said it was over, minus when the wall clock says it should have
 * been (positive: ended late). It includes the tick that noticed the end
 * (finish_event_late_ms reports that part apart).
 *
 * Thirty minutes are not run (the bench must finish in ~15): the session clock's rate
 * against performance.now() is fitted over the whole session and the remaining time to 30
 * minutes extrapolated at that rate. The session clock is performance.now() itself (cues
 * are mapped onto the audio clock, see src/lib/media/audio-time.ts); if it ever followed the
 * AudioContext again, the readings would show it and the rate would come from the
 * getOutputTimestamp() pairs, which are free of the steps currentTime moves in.
 */
import { linearFit, percentile, round, summarize, type Summary } from '../lib/stats';
import type { PlayerRun } from './player-run';

export interface ClockFigures {
	/** The session actually played, start to finish (s). */
	readonly measured_over_s: number | null;
	/** Measured end error over that session (ms, positive: ended late). */
	readonly end_error_measured_ms: number | null;
	/** The session clock's rate error against performance.now(), fitted to its readings (ppm, positive: slow). */
	readonly clock_rate_error_ppm: number | null;
	/** Largest deviation of a reading from that line: the steps currentTime moves in, mostly (ms). */
	readonly clock_fit_residual_max_ms: number | null;
	/** The session clock read the audio clock plus a constant (at ≥ 90 % of the readings). */
	readonly clock_follows_audio: boolean;
	/** The audio output's rate error from getOutputTimestamp() pairs (ppm, positive: slow). */
	readonly audio_output_rate_error_ppm: number | null;
	readonly audio_output_fit_residual_max_ms: number | null;
	/**
	 * Times the audio clock fell behind performance.now() at once between two readings
	 * (> 2 ms: the audio output missed callbacks, i.e. underruns), and the time so lost.
	 */
	readonly audio_clock_losses: number;
	readonly audio_clock_lost_ms: number;
	/** Measured end error plus the clock's rate error × the rest of 30 min (ms). */
	readonly end_error_30min_projected_ms: number | null;
	/** How far past the end the clock was when a tick reported 'finished' (ms). */
	readonly finish_event_late_ms: number | null;
	/** Time spent paused or buffering (ms): it moves the end by as much, legitimately. */
	readonly stalled_ms: number;
	readonly samples: number;
}

/** Wall and clock time spent frozen (buffering, paused): the engine re-anchors after each. */
function stalls(run: PlayerRun): { wallMs: number; clockMs: number } {
	let wallMs = 0;
	let clockMs = 0;
	let from: { perfMs: number; clockMs: number } | null = null;
	for (const e of run.player.stateEvents) {
		if ((e.to === 'buffering' || e.to === 'paused') && from === null) from = e;
		if ((e.to === 'playing' || e.to === 'count-in') && from !== null) {
			wallMs += e.perfMs - from.perfMs;
			clockMs += e.clockMs - from.clockMs;
			from = null;
		}
	}
	return { wallMs, clockMs };
}

/** Sudden losses of the audio clock against performance.now(), between consecutive output timestamps. */
function audioLosses(run: PlayerRun): number[] {
	const losses: number[] = [];
	let prev: number | null = null;
	for (const s of run.samples) {
		if (!s.output) continue;
		const offset = s.output.perfMs - s.output.contextSec * 1000;
		if (prev !== null && offset - prev > 2) losses.push(offset - prev);
		prev = offset;
	}
	return losses;
}

export function analyseClock(run: PlayerRun): ClockFigures {
	const events = run.player.stateEvents;
	const start = events.find((e) => e.from === 'ready');
	const finish = events.find((e) => e.to === 'finished');
	const stalled = stalls(run);
	const running = run.samples.filter((s) => s.state === 'playing' || s.state === 'count-in');
	const points = [
		...(start ? [{ perfMs: start.perfMs, clockMs: start.clockMs }] : []),
		...running,
		...(finish ? [{ perfMs: finish.perfMs, clockMs: finish.clockMs }] : [])
	];
	const clockFit = fitDivergence(points.map((p) => ({ perfMs: p.perfMs, otherMs: p.clockMs })));
	const outputs = run.samples.flatMap((s) => (s.output ? [{ perfMs: s.output.perfMs, otherMs: s.output.contextSec * 1000 }] : []));
	const outputFit = fitDivergence(outputs);
	// currentTime can step between the two reads of one sample, so allow a few misfits.
	const offsets = running.flatMap((s) => (s.audioSec === null ? [] : [s.clockMs - s.audioSec * 1000])).sort((a, b) => a - b);
	const median = offsets[Math.floor(offsets.length / 2)] ?? 0;
	const follows = offsets.length >= 2 && offsets.filter((o) => Math.abs(o - median) < 1).length >= 0.9 * offsets.length;
	const rate = follows && outputFit ? outputFit.rate : (clockFit?.rate ?? null);
	// A stall freezes the position for as long in wall and in clock time, so the difference
	// of the two elapsed times is still the clock's own error.
	// Against the timeline, not the session clock: a session clock that runs slow ends late.
	const endMeasured = start && finish ? finish.perfMs - start.perfMs - (run.player.durationMs - start.positionMs) - stalled.wallMs : null;
	const finishLate = start && finish ? finish.clockMs - (start.clockMs - start.positionMs + stalled.clockMs + run.player.durationMs) : null;
	const losses = audioLosses(run);
	return {
		measured_over_s: start && finish ? round((finish.perfMs - start.perfMs) / 1000, 1) : null,
		end_error_measured_ms: round(endMeasured),
		clock_rate_error_ppm: clockFit ? round(clockFit.rate * 1e6) : null,
		clock_fit_residual_max_ms: round(clockFit?.residualMaxMs ?? null),
		clock_follows_audio: follows,
		audio_output_rate_error_ppm: outputFit ? round(outputFit.rate * 1e6, 3) : null,
		audio_output_fit_residual_max_ms: round(outputFit?.residualMaxMs ?? null, 3),
		audio_clock_losses: losses.length,
		audio_clock_lost_ms: Math.round(losses.reduce((a, b) => a + b, 0)),
		end_error_30min_projected_ms:
			rate === null || endMeasured === null || !start || !finish
				? null
				: round(endMeasured + rate * Math.max(0, 30 * 60_000 - (finish.perfMs - start.perfMs))),
		finish_event_late_ms: round(finishLate),
		stalled_ms: Math.round(stalled.wallMs),
		samples: points.length
	};
}

/**
 * Fit (perf − other) against perf: the slope is how much slower `other` runs than
 * performance.now() (positive: slower, so a session on it ends late).
 */
function fitDivergence(points: readonly { perfMs: number; otherMs: number }[]): { rate: number; residualMaxMs: number } | null {
	if (points.length < 3) return null;
	const xs = points.map((p) => p.perfMs);
	const ys = points.map((p) => p.perfMs - p.otherMs);
	const { a, b } = linearFit(xs, ys);
	const residualMaxMs = Math.max(...points.map((p, i) => Math.abs((ys[i] as number) - (a + b * p.perfMs))));
	return { rate: b, residualMaxMs };
}

export interface DriftFigures {
	/** |drift| of every displayed frame while playing (ms). */
	readonly abs_drift_ms: Summary;
	readonly p95_ms: number | null;
	readonly signed_p50_ms: number | null;
	readonly over_40ms_fraction: number | null;
	/** Frames off by more than half a second: a frame shown across a seek or a loop point. */
	readonly over_500ms_frames: number;
	/** The longest run of consecutive frames over 40 ms: drift that lasted, not a lone frame. */
	readonly longest_run_over_40ms_frames: number;
}

export function analyseDrift(drift: readonly number[]): DriftFigures {
	const sorted = [...drift].sort((a, b) => a - b);
	const abs = drift.map(Math.abs);
	let run = 0;
	let longest = 0;
	for (const a of abs) {
		run = a > 40 ? run + 1 : 0;
		longest = Math.max(longest, run);
	}
	return {
		abs_drift_ms: summarize(abs),
		p95_ms: round(percentile([...abs].sort((a, b) => a - b), 95)),
		signed_p50_ms: round(sorted[Math.floor(sorted.length / 2)] ?? null),
		over_40ms_fraction: drift.length ? round(abs.filter((a) => a > 40).length / drift.length, 4) : null,
		over_500ms_frames: abs.filter((a) => a > 500).length,
		longest_run_over_40ms_frames: longest
	};
}
