/**
 * Why a cue was scheduled late: the worker's tick reaches the engine through the main
 * thread, so a main-thread task longer than the lookahead (120 ms) minus the tick interval
 * makes the scheduler see a cue only after it is due. This puts the long tasks next to
 * the cues that were scheduled late.
 */
import { round } from '../lib/stats';
import type { PartMeasurement } from './analyse-cues';
import type { PlayerRun } from './player-run';

export interface LateCue {
	readonly cueId: string;
	readonly part: string;
	readonly atMs: number;
	readonly scheduling_late_ms: number;
	/** The longest main-thread task around the moment the cue was due, if any (ms). */
	readonly longest_task_near_ms: number | null;
	/** The longest pause between worker ticks reaching the main thread around then (ms). */
	readonly longest_tick_gap_near_ms: number | null;
}

export interface MainThreadFigures {
	/** Worker ticks that reached the main thread, and the pauses ≥ 50 ms between them. */
	readonly ticks: number;
	readonly tick_gaps_over_50ms: number;
	readonly tick_gaps_over_100ms: number;
	readonly longest_tick_gap_ms: number | null;
	readonly long_tasks: number;
	readonly longest_task_ms: number | null;
	readonly long_task_total_ms: number;
	readonly late_scheduled: readonly LateCue[];
}

/** Map audio time to performance time with the readings taken during the run. */
function audioToPerf(run: PlayerRun): (audioSec: number) => number {
	const offsets = run.samples.flatMap((s) => (s.audioSec === null ? [] : [s.perfMs - s.audioSec * 1000]));
	const sorted = offsets.sort((a, b) => a - b);
	const offset = sorted[Math.floor(sorted.length / 2)] ?? 0;
	return (audioSec) => audioSec * 1000 + offset;
}

export function analyseMainThread(run: PlayerRun, parts: readonly PartMeasurement[]): MainThreadFigures {
	const tasks = run.player.longTasks;
	const gaps = run.ticks.gaps;
	const toPerf = audioToPerf(run);
	const late = parts.filter(
		(p) => !p.atStart && p.reason !== 'queued' && p.scheduledAudioSec !== null && p.scheduledAudioSec - p.dueAudioSec > 0.001
	);
	return {
		ticks: run.ticks.messages,
		tick_gaps_over_50ms: gaps.length,
		tick_gaps_over_100ms: gaps.filter((g) => g.gapMs > 100).length,
		longest_tick_gap_ms: gaps.length ? round(Math.max(...gaps.map((g) => g.gapMs)), 0) : null,
		long_tasks: tasks.length,
		longest_task_ms: tasks.length ? round(Math.max(...tasks.map((t) => t.durationMs)), 0) : null,
		long_task_total_ms: Math.round(tasks.reduce((s, t) => s + t.durationMs, 0)),
		late_scheduled: late.map((p) => {
			// The tick that scheduled it came after it was due: look at what held the ticks up.
			const due = toPerf(p.dueAudioSec);
			const late = ((p.scheduledAudioSec as number) - p.dueAudioSec) * 1000;
			const nearTasks = tasks.filter((t) => t.startMs + t.durationMs >= due - 300 && t.startMs <= due + late + 50);
			const nearGaps = gaps.filter((g) => g.endMs >= due - 50 && g.endMs - g.gapMs <= due + late + 50);
			return {
				cueId: p.cueId,
				part: p.part,
				atMs: p.atMs,
				scheduling_late_ms: round(late) ?? 0,
				longest_task_near_ms: nearTasks.length ? round(Math.max(...nearTasks.map((t) => t.durationMs)), 0) : null,
				longest_tick_gap_near_ms: nearGaps.length ? round(Math.max(...nearGaps.map((g) => g.gapMs)), 0) : null
			};
		})
	};
}
