/**
 * When each cue of a session track was heard, against when it was due, from samples of the
 * <audio> element's position against performance.now().
 *
 * The track holds each cue's audio at the cue's own offset (mixPlan; queued speech aside,
 * which the measured routine does not have), so a cue is heard when the element's position
 * passes that offset: the wall time of that moment is interpolated between the two samples
 * around it. It was due at (wall time of position 0) + offset, position 0 being placed by
 * the first samples of the session. The error is therefore everything that can make the
 * audio late or early against the wall clock over the session: stalls, a paused or
 * suspended element, a media clock running slow or fast.
 *
 * A cue is missed if the element never played through its offset (the session stopped,
 * or the element was paused there without being asked).
 *
 * The last cue is due at the timeline's very end, and the engine finishes there, while the
 * track goes on with that cue's words: so reading goes on after 'finished' until the element
 * stops (track-run.ts), and `end` says whether it played to its own end.
 */
import { linearFit, summarize, type Summary } from '../lib/stats';
import type { TrackRun } from './track-run';

export interface TrackCueMeasurement {
	readonly id: string;
	readonly atMs: number;
	readonly heardPerfMs: number | null;
	readonly errorMs: number | null;
}

/** One of the element's reads, placed against a cue's due time, for a cue's row. */
export interface SampleNearDue {
	/** Read time minus the cue's due time (wall clock), ms: negative before it was due. */
	readonly from_due_ms: number;
	/** The element's position, ms. */
	readonly track_ms: number;
	readonly paused: boolean;
	readonly ended: boolean;
	readonly state: string;
}

/** One cue of the session track, as background.json lists it. */
export interface TrackCueRow {
	readonly index: number;
	readonly id: string;
	readonly kind: string;
	readonly text: string;
	readonly due_offset_ms: number;
	/** performance.now() when the element passed the offset, relative to position 0's wall time. */
	readonly heard_at_ms: number | null;
	/** Heard minus due, ms (positive: late). */
	readonly error_ms: number | null;
	readonly missed: boolean;
	/**
	 * Only for a missed cue: the element's reads nearest its due time (those on either side,
	 * or the last ones if reading stopped before it), so the row shows what the element did.
	 */
	readonly samples_near_due?: readonly SampleNearDue[];
}

/** Samples of the first seconds under way that place position 0 on the wall clock. */
const ORIGIN_SAMPLES = 9;

/**
 * Wall time (perf ms) at which the track was at position 0: the median over the first
 * samples under way of (read time − position), so one read that lagged does not shift
 * every cue.
 */
export function originPerfMs(run: TrackRun): number | null {
	const early = run.samples.filter((x) => !x.paused && x.trackSec > 0.5).slice(0, ORIGIN_SAMPLES);
	if (early.length === 0) return null;
	const offsets = early.map((s) => s.perfMs - s.trackSec * 1000).sort((a, b) => a - b);
	return offsets[Math.floor(offsets.length / 2)] ?? null;
}

/**
 * How the track's position kept pace with the wall clock: the fitted rate difference
 * (ppm; negative: the audio ran slow, as it does when its renderer misses callbacks under
 * load) and the largest drop between two reads (a stall or an underrun burst).
 */
export function paceOf(run: TrackRun): { readonly rate_ppm: number | null; readonly largest_drop_ms: number } {
	const playing = run.samples.filter((s) => !s.paused && s.trackSec > 0.5);
	const fit = linearFit(
		playing.map((s) => s.perfMs),
		playing.map((s) => s.trackSec * 1000)
	);
	let drop = 0;
	for (let i = 1; i < playing.length; i++) {
		const a = playing[i - 1];
		const b = playing[i];
		if (!a || !b) continue;
		drop = Math.max(drop, b.perfMs - a.perfMs - (b.trackSec - a.trackSec) * 1000);
	}
	return { rate_ppm: playing.length > 1 ? Math.round((fit.b - 1) * 1e6) : null, largest_drop_ms: Math.round(drop * 100) / 100 };
}

/**
 * The element's position while it had not yet begun to move: play() has returned and the
 * element reads as playing, but its position stays where it began until the audio output
 * starts (tens to hundreds of ms). Null when no read saw it under way.
 */
function startPositionSec(run: TrackRun): number | null {
	const first = run.samples.find((s) => !s.paused);
	return first ? first.trackSec : null;
}

export function measureTrackCues(run: TrackRun): TrackCueMeasurement[] {
	const origin = originPerfMs(run);
	const samples = run.samples;
	const start = startPositionSec(run);
	return run.cues.map((cue) => {
		const x = cue.atMs / 1000;
		let heard: number | null = null;
		// A cue at the position the track starts from is heard when the track starts, which
		// is what the origin places. Interpolating from the last read before the element began
		// to move would date it to that read instead, as early as the output took to start.
		if (origin !== null && start !== null && x <= start) {
			return { id: cue.id, atMs: cue.atMs, heardPerfMs: origin + cue.atMs, errorMs: 0 };
		}
		for (let i = 1; i < samples.length; i++) {
			const a = samples[i - 1];
			const b = samples[i];
			if (!a || !b || a.paused || b.trackSec < x || a.trackSec > x) continue;
			if (b.trackSec === a.trackSec) continue;
			heard = a.perfMs + ((x - a.trackSec) / (b.trackSec - a.trackSec)) * (b.perfMs - a.perfMs);
			break;
		}
		// Cues at the very start (at or before the first sample) are placed by the origin itself.
		if (heard === null && origin !== null && (samples[0]?.trackSec ?? Infinity) >= x) heard = origin + cue.atMs;
		return { id: cue.id, atMs: cue.atMs, heardPerfMs: heard, errorMs: heard === null || origin === null ? null : heard - (origin + cue.atMs) };
	});
}

/** Reads on each side of a missed cue's due time that its row keeps. */
const SAMPLES_EACH_SIDE = 4;

function samplesNearDue(run: TrackRun, dueWallMs: number): SampleNearDue[] {
	const samples = run.samples;
	const firstAfter = samples.findIndex((s) => s.perfMs >= dueWallMs);
	const split = firstAfter === -1 ? samples.length : firstAfter;
	return samples.slice(Math.max(0, split - SAMPLES_EACH_SIDE), split + SAMPLES_EACH_SIDE).map((s) => ({
		from_due_ms: Math.round((s.perfMs - dueWallMs) * 10) / 10,
		track_ms: Math.round(s.trackSec * 10000) / 10,
		paused: s.paused,
		ended: s.ended,
		state: s.state
	}));
}

export function trackCueRows(run: TrackRun, measured: readonly TrackCueMeasurement[] = measureTrackCues(run)): TrackCueRow[] {
	const origin = originPerfMs(run);
	const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
	return run.cues.map((cue, index) => {
		const m = measured[index];
		const errorMs = m?.errorMs ?? null;
		const missed = errorMs === null;
		const heard = m?.heardPerfMs ?? null;
		const row: TrackCueRow = {
			index,
			id: cue.id,
			kind: cue.kind,
			text: cue.text,
			due_offset_ms: cue.atMs,
			heard_at_ms: heard === null || origin === null ? null : r2(heard - origin),
			error_ms: r2(errorMs),
			missed
		};
		// Without an origin no read can be placed against a due time; the row says missed alone.
		return missed && origin !== null ? { ...row, samples_near_due: samplesNearDue(run, origin + cue.atMs) } : row;
	});
}

/**
 * How the track ended. It is longer than the timeline: the last cue (the closing words and
 * bell) is due at the timeline's end, where the engine finishes, and is heard after it.
 * `played_out` is true when the element played to its own end ('ended'); false means it was
 * stopped or taken away first, cutting off what came after `played_to_ms`.
 */
export interface TrackEnd {
	readonly timeline_duration_ms: number;
	readonly track_duration_ms: number | null;
	readonly played_to_ms: number;
	readonly played_out: boolean;
}

export function trackEnd(run: TrackRun): TrackEnd {
	const positions = [...run.samples.map((s) => s.trackSec), ...run.endEvents.map((e) => e.trackSec)];
	return {
		timeline_duration_ms: run.durationMs,
		track_duration_ms: run.trackDurationMs === null ? null : Math.round(run.trackDurationMs),
		played_to_ms: Math.round(Math.max(0, ...positions) * 1000),
		played_out: run.endEvents.some((e) => e.type === 'ended')
	};
}

export interface TrackFigures {
	readonly cues: number;
	readonly heard: number;
	readonly missed_cues: number;
	readonly cue_p50_ms: number | null;
	readonly cue_p99_ms: number | null;
	readonly cue_max_ms: number | null;
	/** How long after a cue was heard the page's engine reported it (caption and lock-screen text). */
	readonly display_lag_ms: Summary;
	readonly unexpected_pauses: number;
	readonly pace: ReturnType<typeof paceOf>;
	readonly position_samples: number;
	readonly sample_interval_ms: Summary;
	readonly hidden_for_s: number;
	readonly finished: boolean;
	readonly end: TrackEnd;
	readonly per_cue: readonly TrackCueRow[];
}

export function trackFigures(run: TrackRun): TrackFigures {
	const measured = measureTrackCues(run);
	const errors = measured.flatMap((m) => (m.errorMs === null ? [] : [Math.abs(m.errorMs)]));
	const stats = summarize(errors);
	const heardAt = new Map(measured.map((m) => [m.id, m.heardPerfMs]));
	const lags = run.cueEvents.flatMap((e) => {
		const h = heardAt.get(e.id);
		return h === null || h === undefined ? [] : [e.perfMs - h];
	});
	const gaps = run.samples.slice(1).map((s, i) => s.perfMs - (run.samples[i]?.perfMs ?? s.perfMs));
	return {
		cues: measured.length,
		heard: errors.length,
		missed_cues: measured.length - errors.length,
		cue_p50_ms: stats.p50,
		cue_p99_ms: stats.p99,
		cue_max_ms: stats.max,
		display_lag_ms: summarize(lags),
		unexpected_pauses: run.unexpectedPauses,
		pace: paceOf(run),
		position_samples: run.samples.length,
		sample_interval_ms: summarize(gaps),
		hidden_for_s: Math.round(run.hiddenForMs / 1000),
		finished: run.finished,
		end: trackEnd(run),
		per_cue: trackCueRows(run, measured)
	};
}
