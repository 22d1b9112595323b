/** Turns the four runs into bench/results/sync.json and a short table with the targets. */
import { round } from '../lib/stats';
import type { Environment } from '../lib/environment';
import type { LoadFigures } from '../lib/load';
import { fmt, table } from '../lib/table';
import { analyseBaseline, type BaselineFigures } from './analyse-baseline';
import { analyseClock, analyseDrift, type ClockFigures, type DriftFigures } from './analyse-clock';
import { countCues, cueErrorStats, engineLateness, measureParts, type CueCounts, type CueErrorStats, type PartMeasurement } from './analyse-cues';
import { wallErrorSummary } from './analyse-wall';
import { analyseDriftDetail, type DriftDetail } from './analyse-drift-detail';
import { analyseMainThread, type MainThreadFigures } from './analyse-main-thread';
import { analysePhaseFrames, partsFrom, type PhaseFrameFigures } from './analyse-phases';
import type { BaselineRun } from './baseline-run';
import { HIDDEN_POLICY, HIDE_AFTER_START_MS, ROUTINE, TAP_MIN_SILENCE_SEC, TAP_THRESHOLD_AMP, TARGETS } from './config';
import type { DriftWindow, PlayerRun } from './player-run';

interface RunFigures {
	readonly hidden: boolean;
	readonly hidden_for_s: number;
	readonly finished: boolean;
	readonly cues: CueErrorStats;
	/** Heard against due by the wall clock (analyse-wall.ts), like the baseline. */
	readonly cues_wall_ms: ReturnType<typeof wallErrorSummary>;
	/** Sounds moved after an underrun before they started. */
	readonly realigned_sounds: number;
	readonly counts: CueCounts;
	readonly engine_cue_late_ms: ReturnType<typeof engineLateness>;
	readonly clock: ClockFigures;
	readonly video_drift: DriftFigures;
	/** The same frames split by steady, nudging and settling after a discontinuity (analyse-drift-detail.ts). */
	readonly video_drift_detail: DriftDetail;
	/** Each phase's first displayed frame against the phase's first frame (analyse-phases.ts). */
	readonly phase_start_frames: PhaseFrameFigures;
	/** Jumps the bench asked for (none: drift is measured outside requested seeks). */
	readonly requested_seeks: number;
	/** Polling windows whose largest |drift| was over 40 ms: where in the session it happened. */
	readonly video_drift_windows_over_40ms: readonly DriftWindow[];
	readonly main_thread: MainThreadFigures;
	readonly tap: { readonly sounds: number; readonly noise_floor: number; readonly sample_rate: number | null; readonly reinstalled_after_start: boolean };
	readonly page_errors: readonly string[];
	readonly timeline_moves: readonly string[];
	/** Every part that was not heard, for looking into. */
	readonly not_heard: readonly Pick<PartMeasurement, 'cueId' | 'kind' | 'part' | 'atMs' | 'status' | 'reason'>[];
	/** Every scheduled part: due, scheduled and heard on the audio clock (s), error (ms), the engine's lateMs. */
	readonly parts: readonly PartRow[];
}

interface PartRow {
	readonly cue: string;
	readonly kind: string;
	readonly part: string;
	readonly at_ms: number;
	readonly status: string;
	readonly reason: string | null;
	readonly due_s: number | null;
	readonly scheduled_s: number | null;
	readonly actual_s: number | null;
	readonly error_ms: number | null;
	readonly engine_late_ms: number | null;
}

function partRows(run: PlayerRun, parts: readonly PartMeasurement[]): PartRow[] {
	const late = new Map(run.player.cueEvents.map((e) => [e.cueId, e.lateMs]));
	return parts.map((p) => ({
		cue: p.cueId,
		kind: p.kind,
		part: p.part,
		at_ms: p.atMs,
		status: p.status,
		reason: p.reason,
		due_s: round(p.dueAudioSec, 6),
		scheduled_s: round(p.scheduledAudioSec, 6),
		actual_s: round(p.actualAudioSec, 6),
		error_ms: round(p.errorMs),
		engine_late_ms: round(late.get(p.cueId) ?? null)
	}));
}

const CLIP_PARTS = partsFrom(new URL('../../src/content/media.yaml', import.meta.url).pathname);

function runFigures(run: PlayerRun): RunFigures {
	const parts = measureParts(run, TAP_MIN_SILENCE_SEC);
	return {
		hidden: run.hidden,
		hidden_for_s: Math.round(run.hiddenForMs / 1000),
		finished: run.finished,
		cues: cueErrorStats(parts),
		cues_wall_ms: wallErrorSummary(run, parts),
		realigned_sounds: run.player.realignments.length,
		counts: countCues(parts),
		engine_cue_late_ms: engineLateness(run),
		clock: analyseClock(run),
		video_drift: analyseDrift(run.drift),
		video_drift_detail: analyseDriftDetail(run.driftRecords),
		phase_start_frames: analysePhaseFrames(run.player.phaseFrames ?? [], CLIP_PARTS),
		requested_seeks: run.player.seeks?.length ?? 0,
		video_drift_windows_over_40ms: run.driftWindows.filter((w) => w.maxAbsMs > 40).map((w) => ({ ...w, maxAbsMs: Math.round(w.maxAbsMs) })),
		main_thread: analyseMainThread(run, parts),
		tap: {
			sounds: run.tap.segments.length,
			noise_floor: round(run.tap.noiseFloor, 5) ?? 0,
			sample_rate: run.tap.sampleRate,
			reinstalled_after_start: run.tapReinstalled
		},
		page_errors: run.pageErrors,
		timeline_moves: run.player.otherEvents,
		not_heard: parts
			.filter((p) => p.status !== 'heard')
			.map(({ cueId, kind, part, atMs, status, reason }) => ({ cueId, kind, part, atMs, status, reason })),
		parts: partRows(run, parts)
	};
}

export interface SyncRuns {
	readonly visible: PlayerRun;
	readonly hidden: PlayerRun;
	readonly baselineVisible: BaselineRun;
	readonly baselineHidden: BaselineRun;
}

export function buildResult(runs: SyncRuns, env: Environment & { readonly load_during_runs: LoadFigures }, durationS: number) {
	const visible = runFigures(runs.visible);
	const hidden = runFigures(runs.hidden);
	const baseline = { visible: analyseBaseline(runs.baselineVisible), hidden: analyseBaseline(runs.baselineHidden) };
	// Headline cue figures are by the wall clock, like the baseline's; the audio-clock ones
	// (heard against the scheduler's own due time) are in runs.*.cues.
	const headline = {
		cue_p50_ms: visible.cues_wall_ms.p50,
		cue_p99_ms: visible.cues_wall_ms.p99,
		cue_max_ms: visible.cues_wall_ms.max,
		hidden_cue_p50_ms: hidden.cues_wall_ms.p50,
		hidden_cue_p99_ms: hidden.cues_wall_ms.p99,
		hidden_cue_max_ms: hidden.cues_wall_ms.max,
		cue_audio_clock_p99_ms: visible.cues.abs_error_ms.p99,
		hidden_cue_audio_clock_p99_ms: hidden.cues.abs_error_ms.p99,
		video_drift_p50_ms: visible.video_drift.abs_drift_ms.p50,
		video_drift_p99_ms: visible.video_drift.abs_drift_ms.p99,
		video_drift_max_ms: visible.video_drift.abs_drift_ms.max,
		phase_start_frame_p99_ms: visible.phase_start_frames.offset_ms.p99,
		// The 30-minute figure is a projection (see method.end_error); the measured one is beside it.
		end_error_ms: visible.clock.end_error_30min_projected_ms,
		end_error_measured_ms: visible.clock.end_error_measured_ms,
		end_error_measured_over_s: visible.clock.measured_over_s,
		hidden_end_error_measured_ms: hidden.clock.end_error_measured_ms,
		audio_clock_lost_ms: visible.clock.audio_clock_lost_ms
	};
	const checks = {
		cue_p99: pass(headline.cue_p99_ms, TARGETS.cue_p99_ms),
		hidden_cue_p99: pass(headline.hidden_cue_p99_ms, TARGETS.hidden_cue_p99_ms),
		video_drift_p99: pass(headline.video_drift_p99_ms, TARGETS.video_drift_p99_ms),
		video_drift_max: pass(headline.video_drift_max_ms, TARGETS.video_drift_max_ms),
		phase_start_frame_p99: pass(headline.phase_start_frame_p99_ms, TARGETS.phase_start_frame_p99_ms),
		end_error: pass(headline.end_error_ms === null ? null : Math.abs(headline.end_error_ms), TARGETS.end_error_ms),
		no_missed_cues: visible.counts.missed === 0 && hidden.counts.missed === 0
	};
	return {
		bench: 'sync',
		...headline,
		counts: { visible: visible.counts, hidden: hidden.counts },
		targets: TARGETS,
		checks,
		baseline: {
			cue_p50_ms: baseline.visible.abs_error_ms.p50,
			cue_p99_ms: baseline.visible.abs_error_ms.p99,
			cue_max_ms: baseline.visible.abs_error_ms.max,
			hidden_cue_p50_ms: baseline.hidden.abs_error_ms.p50,
			hidden_cue_p99_ms: baseline.hidden.abs_error_ms.p99,
			hidden_cue_max_ms: baseline.hidden.abs_error_ms.max,
			visible: baseline.visible,
			hidden: baseline.hidden
		},
		runs: { visible, hidden },
		method: {
			routine: `${ROUTINE.id} level ${ROUTINE.level}, played in full (real time, no compressed clock)`,
			cue_onset:
				'An AudioWorklet on howler\'s master gain (in parallel with its route to the speakers) timestamps the first sample ≥ ' +
				`${TAP_THRESHOLD_AMP} after ≥ ${TAP_MIN_SILENCE_SEC * 1000} ms of quiet, in AudioContext frames. Each scheduled part is paired ` +
				'with the onset nearest start(when) + the buffer\'s own lead-in (its leading silence at the same threshold); ' +
				'error = onset − lead-in − dueAudioSec (runs.*.cues: the audio graph against the scheduler\'s own due time). The headline ' +
				'cue_* figures are by the wall clock instead (runs.*.cues_wall_ms): the onset\'s audio time is turned into the ' +
				'performance.now() at which it left the output through the nearest sampled getOutputTimestamp() pair, against Start\'s ' +
				'performance.now() + the cue\'s offset from Start. Figures are |error| over heard parts, excluding speech queued on purpose ' +
				'(voice-queue rule, reported as queued_voice_delay_ms) and cues at the Start press (start_cue_latency_ms). Parts ' +
				'that begin while other audio rings are "masked": not measurable at the output, neither heard nor missed. ' +
				'Volumes are set to 1 for the run so lead-ins at the tap equal the files\'.',
			hidden_run:
				`emulated: headless Chromium keeps pages visible, so an init script hides the page ${HIDE_AFTER_START_MS / 1000} s after Start ` +
				'(visibilityState, document.hidden, visibilitychange), stops requestAnimationFrame and requestVideoFrameCallback, and ' +
				`runs main-thread timers only at wake-ups aligned to ${HIDDEN_POLICY.alignMs} ms, and after ${HIDDEN_POLICY.intensiveAfterMs / 60_000} ` +
				`min hidden timers chained ≥ ${HIDDEN_POLICY.intensiveMinNesting} deep at ${HIDDEN_POLICY.intensiveAlignMs / 1000} s. Worker timers ` +
				'untouched. Chromium launched without Playwright\'s --disable-background-timer-throttling, --disable-renderer-backgrounding, ' +
				'--disable-backgrounding-occluded-windows. Unlike Chromium, the audible-page exemption is not applied (worst case). ' +
				'The hidden page is served no video clips (404: it shows posters), so it does not take CPU from the visible run by decoding frames nobody sees.',
			end_error:
				'measured over the real session against the timeline: (wall elapsed Start→"finished" event) − (timeline length − position ' +
				'at Start) − time paused or buffering, so it includes the tick that noticed the end. end_error_ms extrapolates it to 30 min ' +
				'(compressed, not run for 30 min): measured + the session clock\'s rate against performance.now() (fitted over the session; ' +
				'from getOutputTimestamp() pairs when the clock follows the audio clock) × the remaining time. audio_clock_losses counts sudden ' +
				'losses (underruns) of the audio clock: the session clock no longer follows it, cues are mapped onto it instead.',
			video_drift: 'the video follower\'s own per-frame drift samples (requestVideoFrameCallback), collected every few seconds over the visible run',
			baseline:
				'a blank page on the same server: setInterval(…, 1000) counts seconds and plays an OscillatorNode beep started "now" when ' +
				'the count reaches a cue time (same cue times as the routine); same tap; due = countdown start on the audio clock + cue time − ' +
				'audio clock lost against performance.now() since (getOutputTimestamp), i.e. the wall-clock due moment in audio time',
			concurrency: 'the four runs (player visible, player hidden, baseline visible, baseline hidden) run at the same time, two browsers'
		},
		environment: env,
		duration_s: durationS
	};
}

function pass(value: number | null, max: number): boolean | null {
	return value === null ? null : value <= max;
}

export type SyncResult = ReturnType<typeof buildResult>;

const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'PASS' : 'FAIL');

export function printSummary(r: SyncResult): void {
	const c = r.checks;
	console.log(
		'\n' +
			table(
				['figure', 'Limber', 'naive baseline', 'target', 'result'],
				[
					['cue onset p50 (visible), ms', fmt(r.cue_p50_ms, 2), fmt(r.baseline.cue_p50_ms, 1), '', ''],
					['cue onset p99 (visible), ms', fmt(r.cue_p99_ms, 2), fmt(r.baseline.cue_p99_ms, 1), `≤ ${r.targets.cue_p99_ms}`, verdict(c.cue_p99)],
					['cue onset max (visible), ms', fmt(r.cue_max_ms, 2), fmt(r.baseline.cue_max_ms, 1), '', ''],
					['cue onset p99 (hidden), ms', fmt(r.hidden_cue_p99_ms, 2), fmt(r.baseline.hidden_cue_p99_ms, 1), `≤ ${r.targets.hidden_cue_p99_ms}`, verdict(c.hidden_cue_p99)],
					['cue onset max (hidden), ms', fmt(r.hidden_cue_max_ms, 2), fmt(r.baseline.hidden_cue_max_ms, 1), '', ''],
					['video drift p99, ms', fmt(r.video_drift_p99_ms, 1), '', `≤ ${r.targets.video_drift_p99_ms}`, verdict(c.video_drift_p99)],
					['video drift max (no requested seeks), ms', fmt(r.video_drift_max_ms, 1), '', `≤ ${r.targets.video_drift_max_ms}`, verdict(c.video_drift_max)],
					['phase start frame offset p99, ms', fmt(r.phase_start_frame_p99_ms, 1), '', `≤ ${fmt(r.targets.phase_start_frame_p99_ms, 1)}`, verdict(c.phase_start_frame_p99)],
					['end error, 30 min projected, ms', fmt(r.end_error_ms, 2), '', `≤ ${r.targets.end_error_ms}`, verdict(c.end_error)],
					[`end error, measured over ${fmt(r.end_error_measured_over_s, 0)} s, ms`, fmt(r.end_error_measured_ms, 2), '', '', ''],
					['  of which audio clock lost in underruns, ms', fmt(r.audio_clock_lost_ms, 0), '', '', ''],
					['end error, hidden run, measured, ms', fmt(r.hidden_end_error_measured_ms, 2), '', '', '']
				]
			)
	);
	const v = r.counts.visible;
	const h = r.counts.hidden;
	const bv = r.baseline.visible.counts;
	const bh = r.baseline.hidden.counts;
	console.log(
		'\n' +
			table(
				['cues', 'expected', 'heard', 'masked', 'dropped by rule', 'missed'],
				[
					['Limber visible', String(v.expected), String(v.heard), String(v.masked), String(v.dropped_by_rule), String(v.missed)],
					['Limber hidden', String(h.expected), String(h.heard), String(h.masked), String(h.dropped_by_rule), String(h.missed)],
					['baseline visible', String(bv.expected), String(bv.heard), '', '', String(bv.missed)],
					['baseline hidden', String(bh.expected), String(bh.heard), '', '', String(bh.missed)]
				]
			)
	);
	const load = r.environment.load_during_runs;
	console.log(`\nNo missed cues: ${verdict(c.no_missed_cues)}. Hidden run: emulated policy (see bench/README.md).`);
	console.log(`Machine load during the runs (1-min average): ${fmt(load.load_1m_min)}–${fmt(load.load_1m_max)} on ${load.cpu_count} CPUs.`);
}
