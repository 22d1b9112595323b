/**
 * The figure: a 3-D skeleton posed by joint angles, and forward kinematics from a pose to
 * the world positions of its joints.
 *
 * World axes: x to the right of the screen (in a side view), y up, z toward the viewer.
 * The body's own axes at rest (standing): x forward (the way the person faces), y up,
 * z to the person's right. Standing with every angle 0 is the anatomical position facing
 * +x, arms by the sides, so in a side view the right side is the near side.
 *
 * Angles are in degrees with their anatomical meaning, so poses read like a clinician's
 * description: hip flexion 90 is the thigh forward and level, knee 90 is a right angle,
 * shoulder flexion 180 is the arm overhead, abduction takes a limb out to its own side,
 * lumbar/thorax flexion bends the trunk forward, side bends toward the person's right,
 * twist turns the chest to the person's right.
 */

export type Vec3 = readonly [number, number, number];
export type Mat3 = readonly [number, number, number, number, number, number, number, number, number];

const rad = (deg: number) => (deg * Math.PI) / 180;

export function mul(a: Mat3, b: Mat3): Mat3 {
	return [
		a[0] * b[0] + a[1] * b[3] + a[2] * b[6],
		a[0] * b[1] + a[1] * b[4] + a[2] * b[7],
		a[0] * b[2] + a[1] * b[5] + a[2] * b[8],
		a[3] * b[0] + a[4] * b[3] + a[5] * b[6],
		a[3] * b[1] + a[4] * b[4] + a[5] * b[7],
		a[3] * b[2] + a[4] * b[5] + a[5] * b[8],
		a[6] * b[0] + a[7] * b[3] + a[8] * b[6],
		a[6] * b[1] + a[7] * b[4] + a[8] * b[7],
		a[6] * b[2] + a[7] * b[5] + a[8] * b[8]
	];
}

export function apply(m: Mat3, v: Vec3): Vec3 {
	return [m[0] * v[0] + m[1] * v[1] + m[2] * v[2], m[3] * v[0] + m[4] * v[1] + m[5] * v[2], m[6] * v[0] + m[7] * v[1] + m[8] * v[2]];
}

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];

export function rotX(deg: number): Mat3 {
	const c = Math.cos(rad(deg));
	const s = Math.sin(rad(deg));
	return [1, 0, 0, 0, c, -s, 0, s, c];
}
export function rotY(deg: number): Mat3 {
	const c = Math.cos(rad(deg));
	const s = Math.sin(rad(deg));
	return [c, 0, s, 0, 1, 0, -s, 0, c];
}
export function rotZ(deg: number): Mat3 {
	const c = Math.cos(rad(deg));
	const s = Math.sin(rad(deg));
	return [c, -s, 0, s, c, 0, 0, 0, 1];
}

/** Every number a pose is made of. All default to 0 (standing, arms by the sides). */
export const POSE_KEYS = [
	// Pelvis position in world metres (y is replaced by grounding unless a clip pins it).
	'x',
	'y',
	'z',
	// Whole-body orientation: yaw turns about the vertical, pitch tips the body forward
	// (+90 lies it on its back, head toward −x; −90 on its front, head toward +x), roll
	// tips it toward its right side, spin turns it about its own long axis (a log roll).
	'yaw',
	'pitch',
	'roll',
	'spin',
	'lumbarFlex',
	'lumbarSide',
	'lumbarTwist',
	'thoraxFlex',
	'thoraxSide',
	'thoraxTwist',
	'neckFlex',
	'neckSide',
	'neckTwist',
	'hipRFlex',
	'hipRAbd',
	'hipRRot',
	'kneeR',
	'ankleR',
	'hipLFlex',
	'hipLAbd',
	'hipLRot',
	'kneeL',
	'ankleL',
	'shoulderRFlex',
	'shoulderRAbd',
	'shoulderRRot',
	'elbowR',
	'shoulderLFlex',
	'shoulderLAbd',
	'shoulderLRot',
	'elbowL',
	// 0–1: how far the belly is filled by a breath in.
	'breath'
] as const;

export type PoseKey = (typeof POSE_KEYS)[number];
export type Pose = Readonly<Record<PoseKey, number>>;
export type PosePatch = Partial<Record<PoseKey, number>>;

export const NEUTRAL: Pose = Object.fromEntries(POSE_KEYS.map((k) => [k, 0])) as Record<PoseKey, number>;

/** A pose from a base and changes; later patches win. */
export function pose(base: PosePatch, ...patches: PosePatch[]): Pose {
	return Object.assign({}, NEUTRAL, base, ...patches) as Pose;
}

export function lerpPose(a: Pose, b: Pose, t: number): Pose {
	const out = {} as Record<PoseKey, number>;
	for (const k of POSE_KEYS) out[k] = a[k] + (b[k] - a[k]) * t;
	return out;
}

/** Body measurements in metres (an adult of about 1.75 m). */
export const BODY = {
	hipHalfWidth: 0.09,
	lumbar: 0.2,
	thorax: 0.3,
	shoulderHalfWidth: 0.18,
	shoulderDrop: 0.05,
	neck: 0.09,
	headRadius: 0.115,
	thigh: 0.43,
	shin: 0.42,
	upperArm: 0.29,
	forearm: 0.25
} as const;

/** Named points the renderer draws between. */
export type JointName =
	| 'pelvis'
	| 'hipR'
	| 'hipL'
	| 'waist'
	| 'chest'
	| 'neckBase'
	| 'shoulderR'
	| 'shoulderL'
	| 'head'
	| 'kneeR'
	| 'kneeL'
	| 'ankleR'
	| 'ankleL'
	| 'heelR'
	| 'heelL'
	| 'toeR'
	| 'toeL'
	| 'elbowR'
	| 'elbowL'
	| 'wristR'
	| 'wristL'
	| 'handR'
	| 'handL'
	| 'belly'
	| 'eyeR'
	| 'eyeL'
	| 'nose';

export type Skeleton = Record<JointName, Vec3>;

interface Frame {
	readonly o: Vec3;
	readonly m: Mat3;
}

const at = (f: Frame, local: Vec3): Vec3 => add(f.o, apply(f.m, local));
const child = (f: Frame, local: Vec3, r: Mat3): Frame => ({ o: at(f, local), m: mul(f.m, r) });

/** Trunk segment rotation: flexion tips the upward axis forward. */
const trunkRot = (flex: number, side: number, twist: number): Mat3 => mul(mul(rotZ(-flex), rotX(side)), rotY(-twist));
/** Limb rotation at hip or shoulder; s = +1 right, −1 left. */
const limbRot = (flex: number, abd: number, rot: number, s: number): Mat3 => mul(mul(rotZ(flex), rotX(-s * abd)), rotY(-s * rot));

/** Forward kinematics: joint positions in world metres for a pose. */
export function skeleton(p: Pose): Skeleton {
	const B = BODY;
	const root: Frame = { o: [p.x, p.y, p.z], m: mul(mul(mul(rotY(p.yaw), rotZ(p.pitch)), rotX(p.roll)), rotY(-p.spin)) };
	const lumbar = child(root, [0, 0, 0], trunkRot(p.lumbarFlex, p.lumbarSide, p.lumbarTwist));
	const thorax = child(lumbar, [0, B.lumbar, 0], trunkRot(p.thoraxFlex, p.thoraxSide, p.thoraxTwist));
	const neck = child(thorax, [0, B.thorax, 0], trunkRot(p.neckFlex, p.neckSide, p.neckTwist));
	const head = at(neck, [0.02, B.neck + B.headRadius * 0.75, 0]);

	const leg = (s: number, flex: number, abd: number, rot: number, knee: number, ankle: number) => {
		const hip = child(root, [0, -0.02, s * B.hipHalfWidth], limbRot(flex, abd, rot, s));
		const kneeF = child(hip, [0, -B.thigh, 0], rotZ(-knee));
		const ankleF = child(kneeF, [0, -B.shin, 0], rotZ(ankle));
		return {
			hip: hip.o,
			knee: kneeF.o,
			ankle: ankleF.o,
			heel: at(ankleF, [-0.035, -0.05, 0]),
			toe: at(ankleF, [0.16, -0.055, 0])
		};
	};
	const arm = (s: number, flex: number, abd: number, rot: number, elbow: number) => {
		const sh = child(thorax, [0, B.thorax - B.shoulderDrop, s * B.shoulderHalfWidth], limbRot(flex, abd, rot, s));
		const el = child(sh, [0, -B.upperArm, 0], rotZ(elbow));
		return { shoulder: sh.o, elbow: el.o, wrist: at(el, [0, -B.forearm, 0]), hand: at(el, [0, -B.forearm - 0.055, 0]) };
	};
	const R = leg(1, p.hipRFlex, p.hipRAbd, p.hipRRot, p.kneeR, p.ankleR);
	const L = leg(-1, p.hipLFlex, p.hipLAbd, p.hipLRot, p.kneeL, p.ankleL);
	const aR = arm(1, p.shoulderRFlex, p.shoulderRAbd, p.shoulderRRot, p.elbowR);
	const aL = arm(-1, p.shoulderLFlex, p.shoulderLAbd, p.shoulderLRot, p.elbowL);
	const hr = B.headRadius;
	const headFrame: Frame = { o: head, m: neck.m };
	return {
		pelvis: root.o,
		hipR: R.hip,
		hipL: L.hip,
		waist: thorax.o,
		chest: at(thorax, [0, B.thorax - 0.07, 0]),
		neckBase: neck.o,
		shoulderR: aR.shoulder,
		shoulderL: aL.shoulder,
		head,
		kneeR: R.knee,
		kneeL: L.knee,
		ankleR: R.ankle,
		ankleL: L.ankle,
		heelR: R.heel,
		heelL: L.heel,
		toeR: R.toe,
		toeL: L.toe,
		elbowR: aR.elbow,
		elbowL: aL.elbow,
		wristR: aR.wrist,
		wristL: aL.wrist,
		handR: aR.hand,
		handL: aL.hand,
		belly: at(lumbar, [0.03 + 0.055 * p.breath, B.lumbar * 0.55, 0]),
		eyeR: at(headFrame, [hr * 0.78, hr * 0.22, hr * 0.42]),
		eyeL: at(headFrame, [hr * 0.78, hr * 0.22, -hr * 0.42]),
		nose: at(headFrame, [hr * 0.95, 0, 0])
	};
}
