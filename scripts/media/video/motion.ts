/**
 * How a clip moves through its key poses over time.
 *
 * 'keys': pose to pose with ease-in/ease-out, holding each pose for a while. The clip
 * starts and ends half-way through the first pose's hold, so its first and last frames
 * are the same still frame and the loop point is invisible.
 *
 * 'cycle': a rhythmic movement (walking, kicking) as a smooth closed curve through the
 * poses (a periodic Catmull-Rom spline), repeated a whole number of times.
 */
import { POSE_KEYS, lerpPose, type Pose, type PoseKey } from './figure';

export interface KeyPose {
	readonly pose: Pose;
	/** Seconds to move into this pose from the one before (for the first key: from the last). */
	readonly move: number;
	/** Seconds to stay in this pose. */
	readonly hold: number;
}

export type Motion =
	| {
			readonly kind: 'keys';
			readonly keys: readonly KeyPose[];
			/** Index of the key whose hold is the poster (the stretch itself). */
			readonly poster: number;
			/**
			 * Start with the move into the second key rather than half-way through the first
			 * key's hold, so the clip divides into parts that each begin with a movement and end
			 * on a held pose (a repetition's phases: tilt, relax). The first key's hold ends it.
			 */
			readonly phased?: boolean;
	  }
	| {
			readonly kind: 'cycle';
			readonly poses: readonly Pose[];
			/** Seconds for one pass through the poses. */
			readonly period: number;
			readonly cycles: number;
			/** Index of the pose shown on the poster. */
			readonly poster: number;
	  };

const ease = (u: number) => (1 - Math.cos(Math.PI * Math.min(1, Math.max(0, u)))) / 2;

interface Span {
	readonly start: number;
	readonly end: number;
	readonly from: Pose;
	readonly to: Pose;
}

function spans(keys: readonly KeyPose[], phased = false): Span[] {
	const first = keys[0];
	if (!first) throw new Error('a keys motion needs at least one key');
	const out: Span[] = [];
	let t = 0;
	const push = (dur: number, from: Pose, to: Pose) => {
		out.push({ start: t, end: t + dur, from, to });
		t += dur;
	};
	if (!phased) push(first.hold / 2, first.pose, first.pose);
	let prev = first.pose;
	for (const k of keys.slice(1)) {
		push(k.move, prev, k.pose);
		push(k.hold, k.pose, k.pose);
		prev = k.pose;
	}
	push(first.move, prev, first.pose);
	push(phased ? first.hold : first.hold / 2, first.pose, first.pose);
	return out.filter((s) => s.end > s.start);
}

export function duration(m: Motion): number {
	if (m.kind === 'cycle') return m.period * m.cycles;
	const s = spans(m.keys, m.phased);
	return s[s.length - 1]?.end ?? 0;
}

function catmull(p0: number, p1: number, p2: number, p3: number, f: number): number {
	return 0.5 * (2 * p1 + (-p0 + p2) * f + (2 * p0 - 5 * p1 + 4 * p2 - p3) * f * f + (-p0 + 3 * p1 - 3 * p2 + p3) * f * f * f);
}

/** The pose at time t (seconds); periodic in the clip's duration. */
export function sample(m: Motion, t: number): Pose {
	const total = duration(m);
	const tt = ((t % total) + total) % total;
	if (m.kind === 'keys') {
		for (const s of spans(m.keys, m.phased)) {
			if (tt < s.end) return lerpPose(s.from, s.to, ease((tt - s.start) / (s.end - s.start)));
		}
		return (m.keys[0] as KeyPose).pose;
	}
	const n = m.poses.length;
	const u = ((tt % m.period) / m.period) * n;
	const i = Math.floor(u);
	const f = u - i;
	const at = (k: number) => m.poses[((k % n) + n) % n] as Pose;
	const out = {} as Record<PoseKey, number>;
	for (const key of POSE_KEYS) out[key] = catmull(at(i - 1)[key], at(i)[key], at(i + 1)[key], at(i + 2)[key], f);
	return out;
}

/** The time of the poster frame: the middle of the poster key's hold, or the poster pose of a cycle. */
export function posterTime(m: Motion): number {
	if (m.kind === 'cycle') return (m.poster / m.poses.length) * m.period;
	let t = 0;
	const first = m.keys[0];
	if (!first) return 0;
	if (m.phased && m.poster === 0) return duration(m) - first.hold / 2;
	if (m.poster === 0) return 0;
	if (!m.phased) t += first.hold / 2;
	for (const [i, k] of m.keys.entries()) {
		if (i === 0) continue;
		t += k.move;
		if (i === m.poster) return t + k.hold / 2;
		t += k.hold;
	}
	throw new Error(`poster key ${m.poster} is not one of the ${m.keys.length} keys`);
}

/**
 * Where each named part of a phased clip lies (seconds): parts follow one another in the
 * order given, each ending where its key's hold ends (key 0: the clip's end), the first
 * starting at 0. `parts` lists [name, key index].
 */
export function partTimes(m: Motion, parts: readonly (readonly [string, number])[]): { name: string; in: number; out: number }[] {
	if (m.kind !== 'keys' || !m.phased) throw new Error('parts need a phased keys motion');
	const holdEnd = (k: number): number => {
		if (k === 0) return duration(m);
		let t = 0;
		for (let i = 1; i <= k; i++) t += (m.keys[i] as KeyPose).move + (m.keys[i] as KeyPose).hold;
		return t;
	};
	let start = 0;
	return parts.map(([name, k]) => {
		const out = holdEnd(k);
		if (out <= start) throw new Error(`part ${name} ends at ${out.toFixed(2)} s, before it starts`);
		const part = { name, in: start, out };
		start = out;
		return part;
	});
}
