/**
 * One exercise clip: what it shows and how it is framed. The list lives in clips.ts.
 */
import type { JointName, Vec3 } from './figure';
import { duration, partTimes, posterTime, sample, type Motion } from './motion';
import { Raster } from './raster';
import { bodyExtents, fitView, highlightSet, place, propExtents, SceneRenderer, type Camera, type Prop, type View } from './scene';

export interface ClipDef {
	/** Media catalogue id, also the file name. */
	readonly id: string;
	/** One line for media.yaml: what the clip shows. */
	readonly description: string;
	readonly camera?: Camera;
	readonly setting?: 'floor' | 'pool';
	/** Water surface height in metres above the pool floor. */
	readonly waterLevel?: number;
	readonly props?: readonly Prop[];
	/** Body parts in the highlight colour: the part that moves (see HIGHLIGHT_GROUPS). */
	readonly highlight: readonly string[];
	/** Rest the figure on the floor (default); false keeps the pose's own height (floating). */
	readonly ground?: boolean;
	/** A joint that keeps its x and z through the clip (a planted foot, hands on a wall). */
	readonly anchor?: JointName;
	readonly motion: Motion;
	/** Pixels per metre at 640×360, at most (default 190). */
	readonly maxScale?: number;
	/**
	 * A repetition's phases, in order, each the movement into a key pose and its hold:
	 * [part name, key index] (see partTimes). Needs a phased motion.
	 */
	readonly parts?: readonly (readonly [string, number])[];
	/**
	 * A rhythmic movement done for a whole phase (walk, kick, swing): the name of its one part,
	 * the whole clip, which the player repeats through the phase (media.yaml `loop: true`).
	 */
	readonly loopPart?: string;
	/** For an exercise done on each side: the side shown (the other is shown mirrored). */
	readonly side?: 'left' | 'right';
}

export const FPS = 24;
export const WIDTH = 640;
export const HEIGHT = 360;

export const SIDE: Camera = { yaw: 0, pitch: 0 };

/** Number of frames: one per 1/24 s through a whole loop, plus a last frame equal to the first. */
export function frameCount(clip: ClipDef): number {
	return Math.round(duration(clip.motion) * FPS) + 1;
}

export function clipDuration(clip: ClipDef): number {
	return duration(clip.motion);
}

/**
 * Time of frame i: the loop is spread evenly over the frames, so the last frame falls
 * exactly on the loop's end, which is its start again (a step within a hair of 1/24 s).
 */
export function frameTime(clip: ClipDef, i: number): number {
	return (i * duration(clip.motion)) / (frameCount(clip) - 1);
}

/** Renders frames of one clip at a given size (the view is fitted once, over the whole loop). */
export class ClipRenderer {
	private readonly anchor?: { readonly joint: JointName; readonly x: number; readonly z: number };
	private readonly camera: Camera;
	private readonly props: readonly Prop[];
	private readonly period: number;
	private readonly baseView: View;

	constructor(readonly clip: ClipDef) {
		this.camera = clip.camera ?? SIDE;
		this.props = clip.props ?? [];
		this.period = duration(clip.motion);
		if (this.period < 4 || this.period > 8) throw new Error(`${clip.id}: loop lasts ${this.period.toFixed(2)} s; keep clips 4–8 s`);
		if (clip.parts) partTimes(clip.motion, clip.parts);
		if (clip.parts && clip.loopPart) throw new Error(`${clip.id}: a clip has phase parts or one looping part, not both`);
		if (clip.anchor) {
			const start = place(sample(clip.motion, 0), { ground: false, props: this.props });
			const a: Vec3 = start[clip.anchor];
			this.anchor = { joint: clip.anchor, x: a[0], z: a[2] };
		}
		const pts: { p: Vec3; r: number }[] = [];
		const n = frameCount(clip);
		for (let i = 0; i < n; i += 2) {
			const sk = this.skeletonAt(frameTime(clip, i));
			pts.push(...bodyExtents(sk));
			for (const prop of this.props) if (prop.kind !== 'box' || prop.size[0] < 3) pts.push(...propExtents(prop, sk).map((p) => ({ p, r: 0 })));
		}
		if (clip.setting === 'pool') pts.push({ p: [pts[0]?.p[0] ?? 0, (clip.waterLevel ?? 1.2) + 0.25, 0], r: 0 });
		// Room for the floor under the figure.
		pts.push({ p: [pts[0]?.p[0] ?? 0, -0.12, 0], r: 0 });
		this.baseView = fitView(this.camera, pts, WIDTH, HEIGHT, clip.maxScale ?? 190, 22);
	}

	skeletonAt(t: number) {
		return place(sample(this.clip.motion, t), { ground: this.clip.ground ?? true, anchor: this.anchor, props: this.props });
	}

	/**
	 * Everything the frames are drawn from, as text: the view, every frame's joint
	 * positions and the scene. Equal fingerprints (with the same renderer code) mean
	 * equal frames, so an unchanged clip need not be encoded again.
	 */
	fingerprint(): string {
		const r = (v: number) => Math.round(v * 1e5) / 1e5;
		const poses: number[][] = [];
		for (let i = 0; i < frameCount(this.clip); i++) poses.push(Object.values(this.skeletonAt(frameTime(this.clip, i))).flatMap((p) => p.map(r)));
		// Parts and side only label the frames (media.yaml): they do not change them.
		const { motion, parts, loopPart, side, ...rest } = this.clip;
		void motion;
		void parts;
		void loopPart;
		void side;
		const poster = Object.values(this.skeletonAt(this.posterTime)).flatMap((p) => p.map(r));
		return JSON.stringify({ view: this.baseView, poster, poses, clip: rest });
	}

	get posterTime(): number {
		return posterTime(this.clip.motion);
	}

	/** Draw the frame at time t into a raster of any size with the same 16:9 framing. */
	render(t: number, raster: Raster): void {
		const k = raster.width / WIDTH;
		const view: View = { ...this.baseView, width: raster.width, height: raster.height, scale: this.baseView.scale * k };
		const scene = new SceneRenderer(raster, { camera: this.camera, setting: this.clip.setting ?? 'floor', waterLevel: this.clip.waterLevel, props: this.props, highlight: highlightSet(this.clip.highlight) }, view);
		scene.draw(this.skeletonAt(t), t, this.period);
	}
}
