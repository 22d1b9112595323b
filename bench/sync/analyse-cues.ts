/**
 * Pairs what the scheduler asked for with what came out of the audio graph.
 *
 * Each scheduled part (sound or voice) became one AudioBufferSourceNode.start(when); parts
 * started at the same `when` form one group, which the tap hears as one onset: the group's
 * first non-silent sample, expected at when + the earliest buffer's lead-in (the silence at
 * the head of the file, measured at the tap's threshold). The onset nearest that moment is
 * the group's, and its actual start is onset − lead-in, so
 *
 *   error = actual start − dueAudioSec   (positive: late)
 *
 * A group whose expected onset falls while other audio still rings (speech running into a
 * beep) cannot be seen at the tap as an onset of its own: it is counted as masked, not
 * measured and not missed. A group with no onset where the tap was quiet is missed.
 *
 * Only the sources the scheduler placed form groups. Other sources on the same context
 * (the ambience bed howler starts at Start, the unlock's silent frame) are not cues: the
 * bed, started with the count-in's first cue and at volume 0 in the benches, used to take
 * that cue's onset as its own (its buffer is not silent), so the first cue of every live
 * relaxation run counted as missed although it sounded on time.
 */
import { summarize, type Summary } from '../lib/stats';
import type { PlayerRun } from './player-run';
import type { PlayerReport, ScheduleRecord, SourceStart, TapReport, TapSegment } from './types';

/** What the pairing reads of a run (a PlayerRun has it all). */
export interface CueRun {
	readonly player: Pick<PlayerReport, 'cues' | 'scheduleLog' | 'stateEvents' | 'realignments'>;
	readonly tap: Pick<TapReport, 'starts' | 'stops' | 'segments'>;
}

/** An onset this much before the expected moment can still be the group's own. */
const EARLY_WINDOW_SEC = 0.025;
/** Beyond this after the expected moment, a sound is not the group's. */
const LATE_WINDOW_SEC = 0.25;
/** Same `when` (floating-point noise only). */
const SAME_WHEN_SEC = 1e-6;

export type PartStatus = 'heard' | 'masked' | 'missed' | 'dropped-by-rule' | 'cancelled';

export interface PartMeasurement {
	readonly cueId: string;
	readonly kind: string;
	readonly part: 'sound' | 'voice';
	readonly atMs: number;
	readonly reason: string | null;
	readonly status: PartStatus;
	/** The cue falls at the position Start was pressed at: it cannot be scheduled ahead. */
	readonly atStart: boolean;
	readonly dueAudioSec: number;
	readonly scheduledAudioSec: number | null;
	readonly actualAudioSec: number | null;
	/** actual − due, ms. */
	readonly errorMs: number | null;
	/** actual − scheduled: how exactly the graph honoured start(when), ms. */
	readonly graphErrorMs: number | null;
}

interface Group {
	readonly whenSec: number;
	readonly expectedOnsetSec: number;
	readonly leadInSec: number;
	readonly cancelled: boolean;
	onset: TapSegment | null;
	masked: boolean;
}

/**
 * The `when` of every source the scheduler started for a cue: each scheduled time, and
 * where realign() moved one, the time it moved to (a move can be moved again).
 */
function cueWhens(run: CueRun): number[] {
	const whens = run.player.scheduleLog.flatMap((r) => (r.scheduledAudioSec === null ? [] : [Math.max(0, r.scheduledAudioSec)]));
	for (const m of run.player.realignments ?? []) {
		if (whens.some((w) => Math.abs(w - m.fromSec) < SAME_WHEN_SEC)) whens.push(m.toSec);
	}
	return whens;
}

/** The sources started for cues; anything else on the context is not measured. */
function cueStarts(run: CueRun): SourceStart[] {
	const whens = cueWhens(run);
	return run.tap.starts.filter((s) => whens.some((w) => Math.abs(w - s.whenSec) < SAME_WHEN_SEC));
}

/** Sources stopped before their first audible sample never sounded. */
function silencedSources(run: CueRun): Set<number> {
	const out = new Set<number>();
	const byId = new Map(run.tap.starts.map((s) => [s.sourceId, s]));
	for (const stop of run.tap.stops) {
		const start = byId.get(stop.sourceId);
		if (!start || start.leadInSec === null) continue;
		const stopAt = Math.max(stop.whenSec, stop.calledAtSec);
		if (stopAt <= Math.max(start.whenSec, start.calledAtSec) + start.leadInSec) out.add(stop.sourceId);
	}
	return out;
}

function buildGroups(starts: readonly SourceStart[], silenced: ReadonlySet<number>): Group[] {
	const groups: Group[] = [];
	const audible = starts.filter((s) => s.leadInSec !== null);
	for (const s of [...audible].sort((a, b) => a.whenSec - b.whenSec)) {
		const effective = Math.max(s.whenSec, s.calledAtSec);
		const lead = s.leadInSec ?? 0;
		const last = groups.at(-1);
		if (last && Math.abs(last.whenSec - s.whenSec) < SAME_WHEN_SEC) {
			// Keep the earliest audible member (and note that not all were silenced).
			const cancelled = last.cancelled && silenced.has(s.sourceId);
			const better = !silenced.has(s.sourceId) && (last.cancelled || effective + lead < last.expectedOnsetSec);
			groups[groups.length - 1] = better
				? { whenSec: last.whenSec, expectedOnsetSec: effective + lead, leadInSec: lead, cancelled, onset: null, masked: false }
				: { ...last, cancelled };
			continue;
		}
		groups.push({ whenSec: s.whenSec, expectedOnsetSec: effective + lead, leadInSec: lead, cancelled: silenced.has(s.sourceId), onset: null, masked: false });
	}
	return groups;
}

/** Something was still sounding (or not yet quiet long enough) just before `atSec`. */
function maskedAt(segments: readonly TapSegment[], atSec: number, minSilenceSec: number): boolean {
	return segments.some((s) => s.onsetSec < atSec - EARLY_WINDOW_SEC && (s.offsetSec ?? Infinity) + minSilenceSec > atSec - 0.005);
}

function pairOnsets(groups: Group[], segments: readonly TapSegment[], minSilenceSec: number): void {
	const claimed = new Set<TapSegment>();
	for (const g of groups) {
		if (g.cancelled) continue;
		const e = g.expectedOnsetSec;
		// Decided before pairing: inside other audio, the nearest onset would be a word of
		// that speech, not this group's start.
		g.masked = maskedAt(segments, e, minSilenceSec);
		if (g.masked) continue;
		let best: TapSegment | null = null;
		for (const s of segments) {
			if (claimed.has(s) || s.onsetSec < e - EARLY_WINDOW_SEC || s.onsetSec > e + LATE_WINDOW_SEC) continue;
			if (!best || Math.abs(s.onsetSec - e) < Math.abs(best.onsetSec - e)) best = s;
		}
		if (best) {
			g.onset = best;
			claimed.add(best);
		}
	}
}

const RULE_DROPS = new Set(['voice-busy']);

/**
 * Where a sound scheduled at `whenSec` really started: realign() replaces a source it moves
 * after an underrun (the old one is stopped unheard), possibly more than once.
 */
function movedStart(run: CueRun, whenSec: number): number {
	let when = whenSec;
	for (const m of run.player.realignments ?? []) if (Math.abs(m.fromSec - when) < SAME_WHEN_SEC) when = m.toSec;
	return when;
}

export function measureParts(run: CueRun, minSilenceSec: number): PartMeasurement[] {
	const groups = buildGroups(cueStarts(run), silencedSources(run));
	pairOnsets(groups, run.tap.segments, minSilenceSec);
	const cueAt = new Map(run.player.cues.map((c) => [c.id, c.atMs]));
	const start = run.player.stateEvents.find((e) => e.from === 'ready');
	const startPos = start?.positionMs ?? 0;

	return run.player.scheduleLog.map((r: ScheduleRecord): PartMeasurement => {
		const atMs = cueAt.get(r.cueId) ?? NaN;
		const base = {
			cueId: r.cueId,
			kind: r.kind,
			part: r.part,
			atMs,
			reason: r.reason ?? null,
			atStart: atMs <= startPos + 1,
			dueAudioSec: r.dueAudioSec,
			scheduledAudioSec: r.scheduledAudioSec
		};
		const none = { actualAudioSec: null, errorMs: null, graphErrorMs: null };
		if (r.scheduledAudioSec === null) {
			return { ...base, ...none, status: RULE_DROPS.has(r.reason ?? '') ? 'dropped-by-rule' : 'missed' };
		}
		const when = Math.max(0, movedStart(run, r.scheduledAudioSec));
		const g = groups.find((x) => Math.abs(x.whenSec - when) < SAME_WHEN_SEC);
		if (!g) return { ...base, ...none, status: 'missed' };
		if (g.cancelled) return { ...base, ...none, status: 'cancelled' };
		if (!g.onset) return { ...base, ...none, status: g.masked ? 'masked' : 'missed' };
		const actual = g.onset.onsetSec - g.leadInSec;
		return {
			...base,
			status: 'heard',
			actualAudioSec: actual,
			errorMs: (actual - r.dueAudioSec) * 1000,
			graphErrorMs: (actual - when) * 1000
		};
	});
}

export interface CueCounts {
	/** Cues the scheduler handled (every cue with a sound or recorded speech). */
	readonly expected: number;
	/** At least one part measured at the tap. */
	readonly heard: number;
	/** Started, but overlapped by other audio at the tap: not measurable there. */
	readonly masked: number;
	/** Dropped by the voice-queue rule (low-priority speech over other speech), or cancelled by it. */
	readonly dropped_by_rule: number;
	/** Should have sounded and did not (or dropped as late/stale/unavailable). */
	readonly missed: number;
	readonly missed_ids: readonly string[];
}

function cueStatus(parts: readonly PartMeasurement[]): keyof Omit<CueCounts, 'expected' | 'missed_ids'> {
	if (parts.some((p) => p.status === 'heard')) return 'heard';
	if (parts.some((p) => p.status === 'missed')) return 'missed';
	if (parts.some((p) => p.status === 'masked')) return 'masked';
	return 'dropped_by_rule';
}

export function countCues(parts: readonly PartMeasurement[]): CueCounts {
	const byCue = new Map<string, PartMeasurement[]>();
	for (const p of parts) byCue.set(p.cueId, [...(byCue.get(p.cueId) ?? []), p]);
	const counts = { heard: 0, masked: 0, dropped_by_rule: 0, missed: 0 };
	const missedIds: string[] = [];
	for (const [id, ps] of byCue) {
		const s = cueStatus(ps);
		counts[s]++;
		if (s === 'missed') missedIds.push(id);
	}
	return { expected: byCue.size, ...counts, missed_ids: missedIds };
}

export interface CueErrorStats {
	/** |actual − due| of every heard part except deliberate speech queueing and the start cue. */
	readonly abs_error_ms: Summary;
	readonly signed_min_ms: number | null;
	readonly signed_max_ms: number | null;
	readonly by_part: { readonly sound: Summary; readonly voice: Summary };
	/** scheduled − due: lateness already in the scheduling decision (a tick that came late). */
	readonly scheduling_late_ms: Summary;
	/** actual − scheduled: the audio graph's own error. */
	readonly graph_error_ms: Summary;
	/** Speech queued behind other speech on purpose (voice-queue rule): scheduled − due. */
	readonly queued_voice_delay_ms: Summary;
	/**
	 * Cues due at the Start press itself (none since the players start their clock a lead
	 * after it: those cues are scheduled ahead and counted like the rest); actual − due.
	 */
	readonly start_cue_latency_ms: Summary;
}

export function cueErrorStats(parts: readonly PartMeasurement[]): CueErrorStats {
	const heard = parts.filter((p) => p.status === 'heard' && p.errorMs !== null);
	const measured = heard.filter((p) => p.reason !== 'queued' && !p.atStart);
	const errors = measured.map((p) => p.errorMs as number);
	const abs = (ps: readonly PartMeasurement[]) => ps.map((p) => Math.abs(p.errorMs as number));
	const scheduledLate = parts
		.filter((p) => p.scheduledAudioSec !== null && p.reason !== 'queued' && !p.atStart)
		.map((p) => ((p.scheduledAudioSec as number) - p.dueAudioSec) * 1000);
	return {
		abs_error_ms: summarize(errors.map(Math.abs)),
		signed_min_ms: errors.length ? Math.round(Math.min(...errors) * 100) / 100 : null,
		signed_max_ms: errors.length ? Math.round(Math.max(...errors) * 100) / 100 : null,
		by_part: {
			sound: summarize(abs(measured.filter((p) => p.part === 'sound'))),
			voice: summarize(abs(measured.filter((p) => p.part === 'voice')))
		},
		scheduling_late_ms: summarize(scheduledLate),
		graph_error_ms: summarize(measured.map((p) => Math.abs(p.graphErrorMs as number))),
		queued_voice_delay_ms: summarize(
			parts.filter((p) => p.reason === 'queued' && p.scheduledAudioSec !== null).map((p) => ((p.scheduledAudioSec as number) - p.dueAudioSec) * 1000)
		),
		start_cue_latency_ms: summarize(heard.filter((p) => p.atStart).map((p) => p.errorMs as number))
	};
}

/** The engine's own view: how far past each cue the position was when a tick reported it. */
export function engineLateness(run: PlayerRun): Summary {
	return summarize(run.player.cueEvents.map((e) => e.lateMs));
}
