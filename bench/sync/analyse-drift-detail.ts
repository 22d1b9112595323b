/**
 * Where the video drift comes from, from the follower's own per-frame records (position,
 * rate in force, discontinuity): a constant offset shows as a signed median away from 0 in
 * steady frames; frame quantisation (24 fps on a 60 Hz page) as a spread of about a refresh
 * around it; rate control as large drift in frames measured while nudging; restarts and
 * seeks as large drift in the frames just after a discontinuity.
 */
import type { DriftRecord } from '../../src/lib/media/drift';
import { percentile, round, summarize, type Summary } from '../lib/stats';

/** Frames within this long after a discontinuity count as its settling. */
export const SETTLE_WINDOW_MS = 1000;

interface Group {
	readonly n: number;
	readonly abs_ms: Summary;
	readonly signed_p1_ms: number | null;
	readonly signed_p50_ms: number | null;
	readonly signed_p99_ms: number | null;
	/** Share of all frames over the p99 target (21 ms) that fall in this group. */
	readonly over_21ms: number;
}

export interface DriftDetail {
	/** No nudge in force and more than SETTLE_WINDOW_MS after a discontinuity. */
	readonly steady: Group;
	/** A rate nudge in force (rate ≠ 1), outside the settling window. */
	readonly nudging: Group;
	/** Within SETTLE_WINDOW_MS after a discontinuity (first frame of a clip, a boundary, a seek). */
	readonly settling: Group;
	/** The first frame after each discontinuity alone. */
	readonly first_after_jump: Group;
	/** Signed drift of steady frames in 4-ms bins: the shape quantisation gives. */
	readonly steady_histogram_4ms: Readonly<Record<string, number>>;
	/** The 10 furthest-off frames with their position and kind. */
	readonly worst: readonly { readonly position_ms: number; readonly drift_ms: number; readonly rate: number; readonly since_jump_ms: number | null }[];
}

function group(records: readonly DriftRecord[]): Group {
	const signed = records.map((r) => r.driftMs).sort((a, b) => a - b);
	return {
		n: records.length,
		abs_ms: summarize(records.map((r) => Math.abs(r.driftMs))),
		signed_p1_ms: round(percentile(signed, 1)),
		signed_p50_ms: round(percentile(signed, 50)),
		signed_p99_ms: round(percentile(signed, 99)),
		over_21ms: records.filter((r) => Math.abs(r.driftMs) > 21).length
	};
}

export function analyseDriftDetail(records: readonly DriftRecord[]): DriftDetail {
	const steady: DriftRecord[] = [];
	const nudging: DriftRecord[] = [];
	const settling: DriftRecord[] = [];
	const first: DriftRecord[] = [];
	const since: (number | null)[] = [];
	let lastJump: number | null = null;
	for (const r of records) {
		if (r.afterJump) {
			lastJump = r.positionMs;
			first.push(r);
		}
		const s = lastJump === null ? null : r.positionMs - lastJump;
		since.push(s);
		if (s !== null && s >= 0 && s < SETTLE_WINDOW_MS) settling.push(r);
		else if (Math.abs(r.rate - 1) > 0.001) nudging.push(r);
		else steady.push(r);
	}
	const histogram: Record<string, number> = {};
	for (const r of steady) {
		const bin = Math.floor(r.driftMs / 4) * 4;
		histogram[bin] = (histogram[bin] ?? 0) + 1;
	}
	const sortedBins = Object.fromEntries(Object.entries(histogram).sort((a, b) => Number(a[0]) - Number(b[0])));
	const worst = records
		.map((r, i) => ({ position_ms: Math.round(r.positionMs), drift_ms: round(r.driftMs) ?? 0, rate: round(r.rate, 3) ?? 1, since_jump_ms: since[i] === null ? null : Math.round(since[i] as number) }))
		.sort((a, b) => Math.abs(b.drift_ms) - Math.abs(a.drift_ms))
		.slice(0, 10);
	return { steady: group(steady), nudging: group(nudging), settling: group(settling), first_after_jump: group(first), steady_histogram_4ms: sortedBins, worst };
}
