/**
 * How close each phase's first displayed frame is to the phase's first frame: the frame the
 * clip's part for that phase should show at that moment (its in point, moved on at the
 * part's rate by however long after the phase's start the frame was displayed; see
 * src/lib/media/phase-part.ts). Read from the video element (player-probe.ts), so it is the
 * picture a person sees when the voice says "tilt", not the follower's own opinion.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { partClipTimeMs, planPart, type ClipPart } from '../../src/lib/media/phase-part';
import { mediaCatalog } from '../../src/lib/routine/schema';
import { round, summarize, type Summary } from '../lib/stats';
import type { PhaseFrameRecord } from './types';

export type PartTable = ReadonlyMap<string, Readonly<Record<string, ClipPart>>>;

/** Every clip's parts (ms) from a media catalogue file. */
export function partsFrom(mediaYaml: string): PartTable {
	const catalog = mediaCatalog.parse(parse(readFileSync(mediaYaml, 'utf8')));
	const out = new Map<string, Record<string, ClipPart>>();
	for (const [id, v] of Object.entries(catalog.videos)) {
		if (!v.parts) continue;
		out.set(id, Object.fromEntries(Object.entries(v.parts).map(([name, p]) => [name, { inMs: Math.round(p.in * 1000), outMs: Math.round(p.out * 1000), ...(p.loop ? { loop: true } : {}) }])));
	}
	return out;
}

export interface PhaseFrameFigures {
	/** |displayed − expected| media time of each phase's first frame (ms). */
	readonly offset_ms: Summary;
	/** How long after the phase began its first frame was displayed (ms). */
	readonly first_frame_after_ms: Summary;
	/** The five furthest off, for finding them in the session. */
	readonly worst: readonly { readonly segment: number; readonly clip: string; readonly part: string; readonly at_ms: number; readonly offset_ms: number }[];
}

export function analysePhaseFrames(frames: readonly PhaseFrameRecord[], parts: PartTable): PhaseFrameFigures {
	const rows = frames.flatMap((f) => {
		const part = parts.get(f.clip)?.[f.part];
		if (!part) return [];
		const plan = planPart(part, f.segmentStartMs, f.segmentEndMs - f.segmentStartMs);
		return [{ f, offset: f.mediaMs - partClipTimeMs(plan, f.positionMs) }];
	});
	const worst = [...rows]
		.sort((a, b) => Math.abs(b.offset) - Math.abs(a.offset))
		.slice(0, 5)
		.map(({ f, offset }) => ({ segment: f.segmentIndex, clip: f.clip, part: f.part, at_ms: f.segmentStartMs, offset_ms: round(offset) ?? 0 }));
	return {
		offset_ms: summarize(rows.map((r) => Math.abs(r.offset))),
		first_frame_after_ms: summarize(rows.map((r) => r.f.positionMs - r.f.segmentStartMs)),
		worst
	};
}
