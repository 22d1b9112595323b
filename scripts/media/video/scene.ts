/**
 * A scene: camera, floor or pool, props and the posed figure, drawn into a Raster.
 *
 * The camera is orthographic (no perspective, so sizes read the same everywhere), turned
 * by yaw about the vertical and tipped down by pitch. The figure is drawn as thick
 * tapered limbs grouped in chains (trunk and head, each arm, each leg); chains are
 * painted far to near, each outlined in the background colour first so overlapping
 * limbs stay separate. Chains on the far side of the body are drawn lighter.
 */
import { add, apply, mul, rotX, rotY, skeleton, type JointName, type Pose, type Skeleton, type Vec3 } from './figure';
import { hex, mix, Raster, type Point, type Rgb } from './raster';

export const PALETTE = {
	background: hex('#f6f3ec'),
	floor: hex('#e2dbcd'),
	floorLine: hex('#a39a88'),
	outline: hex('#fdfcf9'),
	body: hex('#1e2a35'),
	bodyFar: hex('#b3bdc7'),
	highlight: hex('#d9531e'),
	highlightFar: hex('#ea8d5e'),
	mat: hex('#4f9188'),
	prop: hex('#b7aa94'),
	propDark: hex('#8a7d68'),
	wall: hex('#d6cfc1'),
	water: hex('#2f86c0'),
	waterLine: hex('#1d6fa5'),
	poolTile: hex('#cfe3ec'),
	strap: hex('#6a4fb3'),
	arrow: hex('#3f7f74')
} as const;

export interface Camera {
	/** Degrees about the vertical; 0 looks along −z (a side view of a figure facing +x). */
	readonly yaw: number;
	/** Degrees the camera looks down from level. */
	readonly pitch: number;
}

export type PropLayer = 'back' | 'front';

export type Prop =
	| {
			readonly kind: 'box';
			readonly center: Vec3;
			readonly size: Vec3;
			readonly color: Rgb;
			readonly layer: PropLayer;
			/** The figure stands or lies on it (grounding treats its top as floor). */
			readonly solid?: boolean;
	  }
	| { readonly kind: 'bar'; readonly a: Vec3; readonly b: Vec3; readonly r: number; readonly color: Rgb; readonly layer: PropLayer }
	| { readonly kind: 'strap'; readonly from: JointName; readonly to: JointName; readonly via?: JointName }
	/** A direction-of-travel arrow: screen-space, at a world point, pointing along ±x. */
	| { readonly kind: 'arrow'; readonly at: Vec3; readonly dir: 1 | -1; readonly length: number };

export interface SceneSpec {
	readonly camera: Camera;
	/** 'floor': a floor line and band; 'pool': water up to waterLevel over a pool floor. */
	readonly setting: 'floor' | 'pool';
	readonly waterLevel?: number;
	readonly props: readonly Prop[];
	/** Segment names (see SEGMENTS) drawn in the highlight colour. */
	readonly highlight: ReadonlySet<string>;
}

/** Screen mapping: pixels per metre and the camera-space point at the screen centre. */
export interface View {
	readonly width: number;
	readonly height: number;
	readonly scale: number;
	readonly cx: number;
	readonly cy: number;
}

export function toCamera(cam: Camera, p: Vec3): Vec3 {
	return apply(mul(rotX(cam.pitch), rotY(-cam.yaw)), p);
}

export function toScreen(view: View, c: Vec3): Point {
	return { x: view.width / 2 + (c[0] - view.cx) * view.scale, y: view.height / 2 - (c[1] - view.cy) * view.scale };
}

/** One tapered limb part: a round cone between two joints (or a ball when from == to). */
interface SegmentDef {
	readonly name: string;
	readonly from: JointName;
	readonly to: JointName;
	readonly r0: number;
	readonly r1: number;
	/** Start this far along the bone (0–1): limbs start inside the trunk, not on top of it. */
	readonly inset: number;
}

interface ChainDef {
	readonly name: string;
	readonly segments: readonly SegmentDef[];
}

const seg = (name: string, from: JointName, to: JointName, r0: number, r1 = r0, inset = 0): SegmentDef => ({ name, from, to, r0, r1, inset });

/** Where a segment is drawn from: its first joint, or a little along the bone. */
function segStart(sk: Skeleton, s: SegmentDef): Vec3 {
	const a = sk[s.from];
	if (s.inset === 0) return a;
	const b = sk[s.to];
	return [a[0] + (b[0] - a[0]) * s.inset, a[1] + (b[1] - a[1]) * s.inset, a[2] + (b[2] - a[2]) * s.inset];
}

export const CHAINS: readonly ChainDef[] = [
	{
		name: 'trunk',
		segments: [
			seg('pelvis', 'hipL', 'hipR', 0.1),
			seg('lumbar', 'pelvis', 'waist', 0.11, 0.105),
			seg('belly', 'belly', 'belly', 0.07),
			// The neck before the chest, so the chest covers its base.
			seg('neck', 'neckBase', 'head', 0.045),
			seg('thorax', 'waist', 'chest', 0.105, 0.13),
			seg('shoulders', 'shoulderL', 'shoulderR', 0.06),
			seg('head', 'head', 'head', 0.115)
		]
	},
	...(['R', 'L'] as const).flatMap((s) => [
		{
			name: `leg${s}`,
			segments: [
				seg(`thigh${s}`, `hip${s}`, `knee${s}`, 0.075, 0.055, 0.16),
				seg(`shin${s}`, `knee${s}`, `ankle${s}`, 0.053, 0.04),
				seg(`foot${s}`, `heel${s}`, `toe${s}`, 0.036, 0.028)
			]
		},
		{
			name: `arm${s}`,
			segments: [
				seg(`upperArm${s}`, `shoulder${s}`, `elbow${s}`, 0.05, 0.042, 0.08),
				seg(`forearm${s}`, `elbow${s}`, `wrist${s}`, 0.04, 0.032),
				seg(`hand${s}`, `hand${s}`, `hand${s}`, 0.042)
			]
		}
	])
];

/** Names a clip may highlight: segments, or these groups of them. */
export const HIGHLIGHT_GROUPS: Readonly<Record<string, readonly string[]>> = {
	legR: ['thighR', 'shinR', 'footR'],
	legL: ['thighL', 'shinL', 'footL'],
	legs: ['thighR', 'shinR', 'footR', 'thighL', 'shinL', 'footL'],
	armR: ['upperArmR', 'forearmR', 'handR'],
	armL: ['upperArmL', 'forearmL', 'handL'],
	arms: ['upperArmR', 'forearmR', 'handR', 'upperArmL', 'forearmL', 'handL'],
	spine: ['lumbar', 'thorax', 'shoulders'],
	trunk: ['pelvis', 'lumbar', 'belly', 'thorax', 'shoulders'],
	head: ['neck', 'head']
};

export function highlightSet(names: readonly string[]): ReadonlySet<string> {
	const all = new Set(CHAINS.flatMap((c) => c.segments.map((s) => s.name)));
	const out = new Set<string>();
	for (const n of names) {
		const group = HIGHLIGHT_GROUPS[n] ?? [n];
		for (const g of group) {
			if (!all.has(g)) throw new Error(`unknown body part "${g}"`);
			out.add(g);
		}
	}
	return out;
}

/** Every point of the figure with the radius drawn around it, for grounding and fitting. */
export function bodyExtents(sk: Skeleton): { readonly p: Vec3; readonly r: number }[] {
	const out: { p: Vec3; r: number }[] = [];
	for (const chain of CHAINS) {
		for (const s of chain.segments) {
			out.push({ p: segStart(sk, s), r: s.r0 }, { p: sk[s.to], r: s.r1 });
		}
	}
	return out;
}

/** Height of whatever the figure rests on at a world point: the floor (0) or a solid box. */
export function floorAt(props: readonly Prop[], x: number, z: number): number {
	let top = 0;
	for (const p of props) {
		if (p.kind !== 'box' || !p.solid) continue;
		const [cx, cy, cz] = p.center;
		const [sx, sy, sz] = p.size;
		if (Math.abs(x - cx) <= sx / 2 && Math.abs(z - cz) <= sz / 2) top = Math.max(top, cy + sy / 2);
	}
	return top;
}

export function translate(sk: Skeleton, d: Vec3): Skeleton {
	const out = {} as Record<JointName, Vec3>;
	for (const [k, v] of Object.entries(sk) as [JointName, Vec3][]) out[k] = add(v, d);
	return out;
}

/**
 * Pose the figure in the world: forward kinematics, then (optionally) slide it so an
 * anchor joint keeps a fixed x and z, then (optionally) lift or lower it so its lowest
 * part just touches the floor or a solid prop beneath it.
 */
export function place(
	p: Pose,
	opts: { readonly ground: boolean; readonly anchor?: { readonly joint: JointName; readonly x: number; readonly z: number }; readonly props: readonly Prop[] }
): Skeleton {
	let sk = skeleton(p);
	if (opts.anchor) {
		const a = sk[opts.anchor.joint];
		sk = translate(sk, [opts.anchor.x - a[0], 0, opts.anchor.z - a[2]]);
	}
	if (opts.ground) {
		let gap = Infinity;
		for (const { p: q, r } of bodyExtents(sk)) gap = Math.min(gap, q[1] - r - floorAt(opts.props, q[0], q[2]));
		sk = translate(sk, [0, -gap, 0]);
	}
	return sk;
}

function boxCorners(center: Vec3, size: Vec3): Vec3[] {
	const out: Vec3[] = [];
	for (const dx of [-0.5, 0.5]) for (const dy of [-0.5, 0.5]) for (const dz of [-0.5, 0.5]) out.push([center[0] + dx * size[0], center[1] + dy * size[1], center[2] + dz * size[2]]);
	return out;
}

/** Convex hull (Andrew's monotone chain) of screen points. */
function hull(points: readonly Point[]): Point[] {
	const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
	if (pts.length < 3) return pts;
	const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
	const lower: Point[] = [];
	for (const p of pts) {
		while (lower.length >= 2 && cross(lower[lower.length - 2] as Point, lower[lower.length - 1] as Point, p) <= 0) lower.pop();
		lower.push(p);
	}
	const upper: Point[] = [];
	for (const p of [...pts].reverse()) {
		while (upper.length >= 2 && cross(upper[upper.length - 2] as Point, upper[upper.length - 1] as Point, p) <= 0) upper.pop();
		upper.push(p);
	}
	return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** World points a prop covers, for fitting the view. */
export function propExtents(prop: Prop, sk: Skeleton): Vec3[] {
	switch (prop.kind) {
		case 'box':
			return boxCorners(prop.center, prop.size);
		case 'bar':
			return [prop.a, prop.b];
		case 'strap':
			return [sk[prop.from], sk[prop.to]];
		case 'arrow':
			return [prop.at];
	}
}

export class SceneRenderer {
	constructor(
		readonly raster: Raster,
		readonly spec: SceneSpec,
		readonly view: View
	) {}

	private screen(p: Vec3): Point {
		return toScreen(this.view, toCamera(this.spec.camera, p));
	}

	private depth(p: Vec3): number {
		return toCamera(this.spec.camera, p)[2];
	}

	private px(metres: number): number {
		return metres * this.view.scale;
	}

	/** Screen y of a world height on the plane z = 0 (x = 0). */
	private levelY(y: number): number {
		return this.screen([0, y, 0]).y;
	}

	background(time: number, period: number): void {
		const r = this.raster;
		const { spec } = this;
		r.clear(PALETTE.background);
		if (spec.setting === 'pool') {
			const water = spec.waterLevel ?? 1.2;
			// The far pool wall: tiles below its coping, just above the water.
			const coping = this.levelY(water + 0.18);
			r.rect(0, coping, r.width, this.levelY(0), PALETTE.poolTile);
			r.rect(0, coping - this.px(0.06), r.width, coping + 1, PALETTE.prop);
			void time;
			void period;
		}
		if (spec.camera.pitch < 30) {
			const y0 = this.levelY(0);
			r.rect(0, y0, r.width, r.height, spec.setting === 'pool' ? PALETTE.poolTile : PALETTE.floor);
			r.rect(0, y0 - 1, r.width, y0 + 1, PALETTE.floorLine);
		}
	}

	props(layer: PropLayer, sk: Skeleton): void {
		for (const prop of this.spec.props) {
			if (prop.kind === 'box' && prop.layer === layer) this.box(prop.center, prop.size, prop.color);
			else if (prop.kind === 'bar' && prop.layer === layer) {
				this.raster.capsule(this.screen(prop.a), this.screen(prop.b), Math.max(1, this.px(prop.r)), prop.color);
			} else if (prop.kind === 'strap' && layer === 'front') {
				const pts = [sk[prop.from], ...(prop.via ? [sk[prop.via]] : []), sk[prop.to]].map((p) => this.screen(p));
				for (let i = 0; i + 1 < pts.length; i++) this.raster.capsule(pts[i] as Point, pts[i + 1] as Point, Math.max(1.2, this.px(0.012)), PALETTE.strap);
			}
		}
	}

	arrows(time: number, period: number): void {
		for (const prop of this.spec.props) {
			if (prop.kind !== 'arrow') continue;
			const c = this.screen(prop.at);
			const len = this.px(prop.length);
			const w = Math.max(2, this.px(0.018));
			// Three chevrons that brighten in turn, once or twice per loop.
			for (let i = 0; i < 3; i++) {
				const x = c.x + prop.dir * (i - 1) * len * 0.32;
				const phase = (((time / period) * 2 - i / 3) % 1 + 1) % 1;
				const glow = 0.35 + 0.65 * Math.max(0, Math.cos(phase * Math.PI * 2));
				const tip = { x: x + prop.dir * len * 0.12, y: c.y };
				const colour = mix(PALETTE.background, PALETTE.arrow, glow);
				this.raster.capsule({ x: x - prop.dir * len * 0.06, y: c.y - len * 0.18 }, tip, w, colour);
				this.raster.capsule({ x: x - prop.dir * len * 0.06, y: c.y + len * 0.18 }, tip, w, colour);
			}
		}
	}

	private box(center: Vec3, size: Vec3, color: Rgb): void {
		const corners = boxCorners(center, size);
		this.raster.convex(hull(corners.map((p) => this.screen(p))), color);
		if (this.spec.camera.pitch > 5) {
			const top = corners.filter((p) => p[1] > center[1]);
			this.raster.convex(hull(top.map((p) => this.screen(p))), mix(color, PALETTE.outline, 0.35));
		}
	}

	figure(sk: Skeleton): void {
		const r = this.raster;
		const outlinePx = 2.2 * (this.view.width / 640);
		const chains = CHAINS.map((chain, order) => {
			const pts = chain.segments.flatMap((s) => [sk[s.from], sk[s.to]]);
			const depth = pts.reduce((sum, p) => sum + this.depth(p), 0) / pts.length;
			return { chain, depth, order };
		}).sort((a, b) => a.depth - b.depth || a.order - b.order);

		for (const { chain } of chains) {
			// How far behind the trunk this limb starts: the far arm and leg in a side view.
			const root = chain.segments[0];
			const base = chain.name.startsWith('arm') ? sk.neckBase : sk.pelvis;
			const behind = root && chain.name !== 'trunk' ? this.depth(base) - this.depth(sk[root.from]) : 0;
			const far = Math.min(1, Math.max(0, (behind - 0.03) / 0.06));
			const body = mix(PALETTE.body, PALETTE.bodyFar, far);
			const lit = mix(PALETTE.highlight, PALETTE.highlightFar, far);
			const shapes = chain.segments.map((s) => ({
				a: this.screen(segStart(sk, s)),
				b: this.screen(sk[s.to]),
				ra: this.px(s.r0),
				rb: this.px(s.r1),
				colour: this.spec.highlight.has(s.name) ? lit : body
			}));
			for (const s of shapes) r.cone(s.a, s.b, s.ra + outlinePx, s.rb + outlinePx, PALETTE.outline);
			for (const s of shapes) r.cone(s.a, s.b, s.ra, s.rb, s.colour);
			if (chain.name === 'trunk') {
				const headDepth = this.depth(sk.head);
				for (const eye of [sk.eyeR, sk.eyeL]) {
					if (this.depth(eye) > headDepth + 0.01) r.circle(this.screen(eye), Math.max(1.6, this.px(0.017)), PALETTE.outline);
				}
			}
		}
	}

	water(time: number, period: number): void {
		if (this.spec.setting !== 'pool') return;
		const r = this.raster;
		const y = this.levelY(this.spec.waterLevel ?? 1.2);
		r.rect(0, y, r.width, r.height, PALETTE.water, 0.2);
		// A gentle wave that travels a whole number of wavelengths per loop.
		const amp = this.px(0.012);
		const wl = r.width / 4;
		const shift = (time / period) * wl;
		let prev: Point | null = null;
		for (let x = -8; x <= r.width + 8; x += 6) {
			const p = { x, y: y + amp * Math.sin(((x + shift) / wl) * Math.PI * 2) };
			if (prev) r.capsule(prev, p, Math.max(1.2, this.px(0.01)), PALETTE.waterLine);
			prev = p;
		}
	}

	draw(sk: Skeleton, time: number, period: number): void {
		this.background(time, period);
		this.props('back', sk);
		this.figure(sk);
		this.props('front', sk);
		this.water(time, period);
		this.arrows(time, period);
	}
}

/** Fit a view around camera-space points: centred, with a margin, no larger than maxScale. */
export function fitView(cam: Camera, worldPoints: readonly { readonly p: Vec3; readonly r: number }[], width: number, height: number, maxScale: number, margin: number): View {
	let x0 = Infinity;
	let x1 = -Infinity;
	let y0 = Infinity;
	let y1 = -Infinity;
	for (const { p, r } of worldPoints) {
		const c = toCamera(cam, p);
		x0 = Math.min(x0, c[0] - r);
		x1 = Math.max(x1, c[0] + r);
		y0 = Math.min(y0, c[1] - r);
		y1 = Math.max(y1, c[1] + r);
	}
	const scale = Math.min(maxScale, (width - 2 * margin) / (x1 - x0), (height - 2 * margin) / (y1 - y0));
	return { width, height, scale, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
}
