/**
 * The loudness report's shape and its summary: per group (voice, sounds, tracks, ambience)
 * and format, the spread of integrated loudness, and for the groups normalised to the
 * target how far the furthest file is from it. Pure, so the unit test can hold the
 * committed report to the same rule the script prints.
 */

export type LoudnessGroup = 'voice' | 'sounds' | 'tracks' | 'ambience';

/**
 * How far (LU) a voice phrase or a session track may measure from the target. Phrases are
 * normalised one by one by a gain to the target and a limiter at −3.5 dBFS, then encoded at
 * 22–24 kbit/s: the limiter takes a little off the loudest phrases and the codecs move the
 * figure by a few tenths. 2 LU is about the smallest step a listener notices between two
 * voices in a row.
 */
export const LOUDNESS_TOLERANCE_LU = 2;

/**
 * A phrase this short (speech with its lead and tail, as the manifest gives its length) is
 * reported on its own as well ("voice short"): one-word counts and "Done." measure with
 * only a few 400 ms gating blocks, and were the ones left quiet before each file was
 * settled on the target after encoding.
 */
export const SHORT_PHRASE_MS = 1000;

/** The groups made to the target (the others are reported only). */
export const HELD_TO_TARGET: readonly LoudnessGroup[] = ['voice', 'tracks'];

export interface MeasuredFile {
	/** Relative to static/media. */
	readonly path: string;
	readonly group: LoudnessGroup;
	readonly bytes: number;
	readonly lufs: number;
	readonly true_peak_dbtp: number;
	/** A voice phrase's length from the manifest (ms); absent for other groups. */
	readonly speech_ms?: number;
}

export const isShortPhrase = (f: MeasuredFile): boolean => f.group === 'voice' && f.speech_ms !== undefined && f.speech_ms < SHORT_PHRASE_MS;

export interface GroupSummary {
	readonly n: number;
	readonly min_lufs: number | null;
	readonly p50_lufs: number | null;
	readonly max_lufs: number | null;
	readonly spread_lu: number | null;
	readonly max_true_peak_dbtp: number | null;
	readonly held_to_target: boolean;
	/** Largest |LUFS − target| in the group. */
	readonly worst_off_target_lu: number | null;
}

export interface LoudnessReport {
	readonly target_lufs: number;
	readonly tolerance_lu: number;
	readonly method: string;
	/** Keyed "group format", e.g. "voice webm", plus "group" for both formats together. */
	readonly groups: Readonly<Record<string, GroupSummary>>;
	readonly files: readonly MeasuredFile[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function summariseGroup(files: readonly MeasuredFile[], target: number, held: boolean): GroupSummary {
	const v = files.map((f) => f.lufs).filter(Number.isFinite).sort((a, b) => a - b);
	const at = (q: number) => (v.length ? (v[Math.max(0, Math.ceil(q * v.length) - 1)] as number) : null);
	const min = v[0] ?? null;
	const max = v.at(-1) ?? null;
	return {
		n: files.length,
		min_lufs: min,
		p50_lufs: at(0.5),
		max_lufs: max,
		spread_lu: min === null || max === null ? null : r1(max - min),
		max_true_peak_dbtp: files.length ? Math.max(...files.map((f) => f.true_peak_dbtp)) : null,
		held_to_target: held,
		worst_off_target_lu: min === null || max === null ? null : r1(Math.max(Math.abs(min - target), Math.abs(max - target)))
	};
}

export function summariseLoudness(files: readonly MeasuredFile[], target: number): LoudnessReport {
	const groups: Record<string, GroupSummary> = {};
	for (const g of ['voice', 'tracks', 'sounds', 'ambience'] as const) {
		const inGroup = files.filter((f) => f.group === g);
		if (!inGroup.length) continue;
		const held = HELD_TO_TARGET.includes(g);
		groups[g] = summariseGroup(inGroup, target, held);
		for (const ext of ['webm', 'm4a']) groups[`${g} ${ext}`] = summariseGroup(inGroup.filter((f) => f.path.endsWith(`.${ext}`)), target, held);
	}
	const short = files.filter(isShortPhrase);
	if (short.length) groups['voice short'] = summariseGroup(short, target, true);
	return {
		target_lufs: target,
		tolerance_lu: LOUDNESS_TOLERANCE_LU,
		method: 'ffmpeg loudnorm analysis (EBU R128 integrated loudness, gated; true peak), each file padded with 0.5 s of silence so words shorter than the 400 ms gate measure',
		groups,
		files
	};
}

/** Files of the groups held to the target that measure outside target ± tolerance. */
export function offTarget(report: LoudnessReport): MeasuredFile[] {
	return report.files.filter((f) => HELD_TO_TARGET.includes(f.group) && !(Math.abs(f.lufs - report.target_lufs) <= report.tolerance_lu));
}
