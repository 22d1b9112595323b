/**
 * Every exercise clip: its key poses (joint angles, see figure.ts), framing and props.
 * One clip per distinct movement; routines that share an exercise share its clip.
 *
 * Most key poses are written as angles; where a hand or foot must land somewhere (hands
 * on the floor under the shoulders, an ankle on the other knee), a few angles are solved
 * for with the small IK helper.
 */
import type { ClipDef } from './clip';
import { BODY, pose, skeleton, type Pose, type PoseKey, type PosePatch, type Skeleton, type Vec3 } from './figure';
import { offset, solve, type Goal } from './ik';
import type { KeyPose } from './motion';
import { allFours, flatFeet, standing, supine, PRONE, STAND } from './poses';
import { hex } from './raster';
import { bodyExtents, PALETTE, place, type Prop } from './scene';

const key = (p: Pose, move: number, hold: number): KeyPose => ({ pose: p, move, hold });

/** Lowest point of the figure (what grounding puts on the floor). */
const lowest = (sk: Skeleton): number => Math.min(...bodyExtents(sk).map(({ p, r }) => p[1] - r));

/** Joint j at height h above the figure's lowest point, and optionally at x / z. */
const above =
	(j: keyof Skeleton, h: number, x: number | null = null, z: number | null = null): Goal =>
	(sk) => [sk[j][1] - lowest(sk) - h, ...(x === null ? [] : [sk[j][0] - x]), ...(z === null ? [] : [sk[j][2] - z])];

const both = (f: (s: 'R' | 'L') => PosePatch): PosePatch => ({ ...f('R'), ...f('L') });

// ---------------------------------------------------------------------------- props

const MAT_T = 0.025;
function mat(x0: number, x1: number, z0 = -0.3, z1 = 0.3): Prop {
	return { kind: 'box', center: [(x0 + x1) / 2, MAT_T / 2, (z0 + z1) / 2], size: [x1 - x0, MAT_T, z1 - z0], color: PALETTE.mat, layer: 'back', solid: true };
}

/** A chair whose seat faces +x ('x+'), −x ('x-') or the camera side of a front view ('z+'). */
function chair(x: number, z: number, facing: 'x+' | 'x-' | 'z+', layer: 'back' | 'front' = 'back'): Prop[] {
	const seatTop = 0.45;
	const half = 0.21;
	const back: Vec3 = facing === 'x+' ? [x - half, 0, z] : facing === 'x-' ? [x + half, 0, z] : [x, 0, z - half];
	const backSize: Vec3 = facing === 'z+' ? [0.44, 0.46, 0.04] : [0.04, 0.46, 0.44];
	const legs: Prop[] = [];
	for (const dx of [-0.19, 0.19]) {
		for (const dz of [-0.19, 0.19]) legs.push({ kind: 'bar', a: [x + dx, 0, z + dz], b: [x + dx, seatTop - 0.03, z + dz], r: 0.018, color: PALETTE.propDark, layer });
	}
	return [
		...legs,
		{ kind: 'box', center: [back[0], seatTop + 0.23, back[2]], size: backSize, color: PALETTE.propDark, layer },
		{ kind: 'box', center: [x, seatTop - 0.02, z], size: [0.44, 0.04, 0.44], color: PALETTE.prop, layer, solid: true }
	];
}

function wallX(x: number, height = 2.1, thickness = 0.12): Prop {
	return { kind: 'box', center: [x, height / 2, 0], size: [thickness, height, 1.6], color: PALETTE.wall, layer: 'back' };
}

// ---------------------------------------------------------------------------- floor: lying on the back

/** Side view from a little above, so the near arm lies below the trunk instead of across it. */
const LYING = { yaw: 0, pitch: 9 };

const pelvicTilt: ClipDef = (() => {
	// Hands rest on the front of the hips (where the movement is felt), which leaves the gap
	// under the arched lower back in view: it closes as the pelvis rocks back.
	const handsOnHips = (p: Pose): Pose =>
		solve(p, ['shoulderRFlex', 'elbowR', 'shoulderRAbd', 'shoulderLFlex', 'elbowL', 'shoulderLAbd'], [
			(sk) => {
				const t = [sk.pelvis[0] - 0.06, sk.pelvis[1] + 0.13];
				return [sk.handR[0] - (t[0] ?? 0), sk.handR[1] - (t[1] ?? 0), sk.handL[0] - (t[0] ?? 0), sk.handL[1] - (t[1] ?? 0)];
			}
		]);
	const arms: PosePatch = { shoulderRFlex: 30, shoulderLFlex: 30, elbowR: 60, elbowL: 60, shoulderRAbd: 30, shoulderLAbd: 30 };
	// Lying, the pelvis tips forward and the lumbar spine arches up off the mat and back
	// down to the ribs (each part extended on the one before); the tilt flattens it.
	const neutral = handsOnHips(supine(arms, { pitch: 58, lumbarFlex: -17, thoraxFlex: -22, neckFlex: 10, hipRFlex: 80, hipLFlex: 80 }));
	const tilt = handsOnHips(supine(arms, { pitch: 96, lumbarFlex: 2, thoraxFlex: -4, neckFlex: 8, hipRFlex: 42, hipLFlex: 42 }));
	return {
		id: 'pelvic-tilt',
		description: 'Lying on the back with knees bent, hands on the hips: the pelvis rocks back so the small of the back eases onto the mat, then relaxes.',
		camera: { yaw: 0, pitch: 4 },
		highlight: ['pelvis', 'lumbar', 'belly'],
		anchor: 'pelvis',
		props: [mat(-1.05, 0.85)],
		maxScale: 250,
		parts: [['tilt', 1], ['relax', 0]],
		motion: { kind: 'keys', poster: 1, phased: true, keys: [key(neutral, 1.2, 1.2), key(tilt, 1.4, 2.2)] }
	};
})();

/** Hands holding behind a thigh, near the knee. */
function handsOnThigh(p: Pose, s: 'R' | 'L', at = 0.78): Pose {
	const target = (sk: Skeleton, h: 'R' | 'L'): Goal => {
		void h;
		const hip = s === 'R' ? sk.hipR : sk.hipL;
		const knee = s === 'R' ? sk.kneeR : sk.kneeL;
		return (q) => {
			const hand = h === 'R' ? q.handR : q.handL;
			return [hand[0] - (hip[0] + (knee[0] - hip[0]) * at), hand[1] - (hip[1] + (knee[1] - hip[1]) * at) + 0.03];
		};
	};
	let out = p;
	for (const h of ['R', 'L'] as const) {
		const sk0 = place(out, { ground: false, props: [] });
		out = solve(out, [`shoulder${h}Flex`, `elbow${h}`, `shoulder${h}Abd`] as PoseKey[], [target(sk0, h)]);
	}
	return out;
}

const kneeToChest: ClipDef = (() => {
	const rest = supine();
	const hold = handsOnThigh(
		flatFeet(pose(rest, { hipRFlex: 122, kneeR: 135, ankleR: -25, shoulderRFlex: 60, elbowR: 70, shoulderLFlex: 60, elbowL: 70, shoulderRAbd: 25, shoulderLAbd: 25 }), 'L'),
		'R'
	);
	return {
		id: 'knee-to-chest',
		side: 'right',
		description: 'Lying on the back: one knee drawn toward the chest with both hands behind the thigh, held, then lowered.',
		camera: LYING,
		highlight: ['legR'],
		anchor: 'pelvis',
		props: [mat(-1.05, 0.85)],
		maxScale: 250,
		motion: { kind: 'keys', poster: 1, keys: [key(rest, 1.5, 1.2), key(hold, 1.6, 2.4)] }
	};
})();

const TWIST_CAMERA = { yaw: 90, pitch: 52 };

const kneesTogetherTwist: ClipDef = (() => {
	const arms: PosePatch = { shoulderRAbd: 88, shoulderLAbd: 88, shoulderRFlex: 0, shoulderLFlex: 0, elbowR: 5, elbowL: 5 };
	const rest = supine(arms, { hipRFlex: 55, hipLFlex: 55, kneeR: 105, kneeL: 105, hipRAbd: -2, hipLAbd: -2 });
	const twist = pose(rest, { spin: 48, lumbarTwist: -26, thoraxTwist: -22, hipRAbd: -6, hipLAbd: 2 });
	return {
		id: 'knees-together-twist',
		side: 'right',
		description: 'Lying on the back, arms out, knees together: the knees lower slowly to one side, held, then return to the middle.',
		camera: TWIST_CAMERA,
		highlight: ['legs', 'pelvis'],
		anchor: 'chest',
		props: [mat(-1.05, 0.75, -0.8, 0.8)],
		maxScale: 230,
		motion: { kind: 'keys', poster: 1, keys: [key(rest, 1.6, 1.0), key(twist, 1.8, 2.4)] }
	};
})();

const figure4: ClipDef = (() => {
	const rest = supine();
	// The right ankle rests across the left thigh just below the knee, the right knee out to
	// the side (hip flexed, abducted and turned out, knee bent).
	const crossR = (p: Pose): Pose =>
		solve(p, ['hipRFlex', 'hipRAbd', 'hipRRot', 'kneeR'], [
			(sk) => [2 * (sk.ankleR[0] - sk.kneeL[0] - 0.06), 2 * (sk.ankleR[1] - sk.kneeL[1] - 0.02), 2 * (sk.ankleR[2] - sk.kneeL[2] - 0.02)],
			(sk) => [sk.kneeR[1] - sk.hipR[1] - 0.26, sk.kneeR[2] - sk.hipR[2] - 0.3]
		]);
	const crossed = crossR(pose(rest, { hipRFlex: 60, hipRAbd: 45, hipRRot: 60, kneeR: 100, ankleR: 0 }));
	const lifted = handsOnThigh(crossR(pose(crossed, { hipLFlex: 100, kneeL: 90, ankleL: 0 })), 'L', 0.8);
	return {
		id: 'figure-4-stretch',
		side: 'right',
		description: 'Lying on the back: one ankle crossed over the other knee, then that thigh drawn in with both hands for a buttock stretch.',
		camera: { yaw: 90, pitch: 46 },
		highlight: ['legR'],
		anchor: 'pelvis',
		props: [mat(-1.05, 0.85)],
		maxScale: 240,
		motion: { kind: 'keys', poster: 2, keys: [key(rest, 1.4, 0.8), key(crossed, 1.3, 0.5), key(lifted, 1.2, 2.2)] }
	};
})();

const yogaBreathing: ClipDef = (() => {
	const arms: PosePatch = { shoulderRAbd: 22, shoulderLAbd: 22, elbowR: 12, elbowL: 12 };
	const out = supine(arms, { breath: 0 });
	const inn = supine(arms, { breath: 1, thoraxFlex: 2 });
	return {
		id: 'yoga-breathing',
		description: 'Lying on the back, knees bent: the belly rises with a slow breath in and falls with a longer breath out.',
		camera: LYING,
		highlight: ['belly'],
		anchor: 'pelvis',
		props: [mat(-1.05, 0.85)],
		maxScale: 250,
		parts: [['breathe-in', 1], ['breathe-out', 0]],
		motion: { kind: 'keys', poster: 1, phased: true, keys: [key(out, 3.6, 0.6), key(inn, 3.0, 0.6)] }
	};
})();

/**
 * Hips lifted from lying on the back, feet planted where they were: solved so the soles
 * stay level with the upper back and the ankles keep their distance from the shoulders.
 */
function bridge(base: Pose, lift: number, lumbar: number): Pose {
	const sk0 = place(base, { ground: false, props: [] });
	const dx = sk0.ankleR[0] - sk0.neckBase[0];
	const thorax = 4 - lift * 0.35;
	// The neck bends so the head still lies flat: the shoulders and head carry the weight.
	const p = pose(base, { pitch: 90 + lift, lumbarFlex: lumbar, thoraxFlex: thorax, neckFlex: lift - lumbar - thorax + 4 });
	const solved = solve(p, ['hipRFlex', 'kneeR', 'hipLFlex', 'kneeL'], [
		(sk) => [sk.ankleR[0] - sk.neckBase[0] - dx, sk.ankleR[1] - sk.chest[1]],
		(sk) => [sk.ankleL[0] - sk.neckBase[0] - dx, sk.ankleL[1] - sk.chest[1]]
	]);
	return flatFeet(solved);
}

const supportedBridge: ClipDef = (() => {
	const base = supine();
	const block: Prop = { kind: 'box', center: [-0.05, MAT_T + 0.05, 0], size: [0.22, 0.1, 0.3], color: hex('#8e6fcb'), layer: 'front', solid: true };
	return {
		id: 'supported-bridge',
		description: 'Lying on the back: the hips lift and rest on a low block under the base of the spine, arms and breath relaxed.',
		camera: LYING,
		highlight: ['pelvis', 'lumbar'],
		anchor: 'pelvis',
		props: [mat(-1.05, 0.85), block],
		maxScale: 250,
		motion: { kind: 'keys', poster: 1, keys: [key(bridge(base, 27, 0), 1.6, 0.8), key(bridge(base, 14, 0), 1.6, 2.6)] }
	};
})();

const spinalRolls: ClipDef = (() => {
	const base = supine();
	return {
		id: 'spinal-rolls',
		description: 'Lying on the back, knees bent: the pelvis tilts and the back peels up one section at a time into a bridge, then rolls down.',
		camera: LYING,
		highlight: ['pelvis', 'lumbar', 'thorax'],
		anchor: 'pelvis',
		props: [mat(-1.05, 0.85)],
		maxScale: 250,
		// Phased for the yoga routine's roll up (5 s), pause at the top (2 s), roll down (6 s),
		// each part half its phase so it plays at half pace: the top is reached, then held as a
		// key of its own so the pause is a part.
		parts: [['roll-up', 2], ['pause', 3], ['roll-down', 0]],
		motion: {
			kind: 'keys',
			poster: 2,
			phased: true,
			keys: [
				key(base, 1.1, 0.7),
				key(bridge(base, 12, 12), 1.2, 0.1),
				key(bridge(base, 30, 0), 1.0, 0.2),
				key(bridge(base, 30, 0), 0, 1.0),
				key(bridge(base, 14, 4), 1.1, 0.1)
			]
		}
	};
})();

const recliningCobbler: ClipDef = (() => {
	const rest = supine({ shoulderRAbd: 25, shoulderLAbd: 25 });
	const open = solve(pose(rest, { hipRFlex: 40, hipLFlex: 40, hipRAbd: 55, hipLAbd: 55, hipRRot: 35, hipLRot: 35, kneeR: 115, kneeL: 115, ankleR: -20, ankleL: -20 }), ['hipRFlex', 'hipRRot', 'hipLFlex', 'hipLRot'], [
		(sk) => [sk.heelR[2] - 0.05, sk.heelR[1] - sk.pelvis[1] + 0.06],
		(sk) => [sk.heelL[2] + 0.05, sk.heelL[1] - sk.pelvis[1] + 0.06]
	]);
	const sk = place(open, { ground: false, props: [] });
	const cushion = (k: Vec3): Prop => ({ kind: 'box', center: [k[0], MAT_T + 0.06, k[2] + Math.sign(k[2]) * 0.03], size: [0.3, 0.12, 0.22], color: hex('#c9b48a'), layer: 'back' });
	return {
		id: 'reclining-cobbler',
		description: 'Lying on the back: the soles of the feet come together and the knees fall out to the sides onto cushions.',
		camera: TWIST_CAMERA,
		highlight: ['legs'],
		anchor: 'pelvis',
		props: [mat(-1.05, 0.75, -0.8, 0.8), cushion(sk.kneeR), cushion(sk.kneeL)],
		maxScale: 230,
		motion: { kind: 'keys', poster: 1, keys: [key(rest, 1.8, 1.0), key(open, 2.0, 2.6)] }
	};
})();

const extendedLeg: ClipDef = (() => {
	const strapHands = (p: Pose): Pose => {
		const sk0 = place(p, { ground: false, props: [] });
		const target = (h: 'R' | 'L'): Goal => (sk) => {
			const hand = h === 'R' ? sk.handR : sk.handL;
			const t: Vec3 = [sk0.shoulderR[0] + (sk0.toeR[0] - sk0.shoulderR[0]) * 0.42, sk0.shoulderR[1] + (sk0.toeR[1] - sk0.shoulderR[1]) * 0.42, 0];
			return [hand[0] - t[0], hand[1] - t[1]];
		};
		return solve(p, ['shoulderRFlex', 'elbowR', 'shoulderLFlex', 'elbowL'], [target('R'), target('L')]);
	};
	const bent = strapHands(pose(supine(), { hipRFlex: 95, kneeR: 95, ankleR: 0, shoulderRFlex: 60, shoulderLFlex: 60, elbowR: 40, elbowL: 40 }));
	const straight = strapHands(pose(bent, { hipRFlex: 80, kneeR: 4, ankleR: 5 }));
	return {
		id: 'extended-leg',
		side: 'right',
		description: 'Lying on the back with a strap round one foot: that leg straightens toward the ceiling and is held, the other foot on the mat.',
		camera: LYING,
		highlight: ['legR'],
		anchor: 'pelvis',
		props: [mat(-1.05, 0.85), { kind: 'strap', from: 'handR', to: 'toeR' }, { kind: 'strap', from: 'handL', to: 'toeR' }],
		maxScale: 240,
		motion: { kind: 'keys', poster: 1, keys: [key(bent, 1.5, 1.0), key(straight, 1.8, 2.4)] }
	};
})();

// ---------------------------------------------------------------------------- floor: on hands and knees, on the front

/** Hands planted on the floor a fixed distance in front of the knees (arms bend a little if they must). */
function onAllFours(p: Pose, reach: number): Pose {
	return solve(p, ['shoulderRFlex', 'elbowR', 'shoulderLFlex', 'elbowL'], [
		(sk) => [sk.handR[0] - sk.kneeR[0] - reach, sk.handR[1] - sk.kneeR[1] + 0.011, sk.handL[0] - sk.kneeL[0] - reach, sk.handL[1] - sk.kneeL[1] + 0.011]
	]);
}

const catCamel: ClipDef = (() => {
	const neutral = allFours();
	const sk = place(neutral, { ground: false, props: [] });
	const d = sk.handR[0] - sk.kneeR[0];
	const round = onAllFours(allFours(-56, { lumbarFlex: 18, thoraxFlex: 20, neckFlex: 48 }), d);
	const hollow = onAllFours(allFours(-78, { lumbarFlex: -16, thoraxFlex: -10, neckFlex: -22 }), d);
	return {
		id: 'cat-camel',
		description: 'On hands and knees: the back slowly rounds up with the head dropping, then dips into a gentle hollow with the head lifting.',
		highlight: ['spine'],
		anchor: 'kneeR',
		props: [mat(-0.6, 0.9)],
		maxScale: 250,
		parts: [['round', 1], ['hollow', 0]],
		// Round and hollow straight from one to the other, a part each (the phases of one breath).
		motion: { kind: 'keys', poster: 1, phased: true, keys: [key(hollow, 1.8, 1.0), key(round, 1.8, 1.0)] }
	};
})();

const childsPose: ClipDef = (() => {
	const start = allFours();
	const sk = place(start, { ground: false, props: [] });
	const rest = solve(
		pose(start, { pitch: -118, hipRFlex: 150, hipLFlex: 150, kneeR: 140, kneeL: 140, shoulderRFlex: 160, shoulderLFlex: 160, elbowR: 10, elbowL: 10, lumbarFlex: 12, thoraxFlex: 8, neckFlex: 10 }),
		['pitch', 'hipRFlex', 'hipLFlex', 'kneeR', 'kneeL', 'shoulderRFlex', 'shoulderLFlex', 'neckFlex'],
		[
			// Shins stay flat where they were; hands reach forward along the floor; forehead down.
			(q) => [q.ankleR[1] - q.kneeR[1], q.ankleL[1] - q.kneeL[1], q.kneeR[0] - q.ankleR[0] - (sk.kneeR[0] - sk.ankleR[0])],
			(q) => [q.handR[1] - q.kneeR[1] + 0.011, q.handL[1] - q.kneeL[1] + 0.011, q.head[1] - q.kneeR[1] - 0.07]
		]
	);
	return {
		id: 'childs-pose',
		description: 'Kneeling: sitting back toward the heels with the arms reaching forward and the forehead resting down, the back long and round.',
		highlight: ['spine', 'pelvis'],
		anchor: 'kneeR',
		props: [mat(-0.75, 1.0)],
		maxScale: 250,
		motion: { kind: 'keys', poster: 1, keys: [key(start, 1.8, 0.8), key(rest, 2.0, 2.8)] }
	};
})();

/** Hands flat on the floor at fixed points (relative to the pelvis) while the chest lifts. */
type Target = readonly [number | null, number | null, number | null];
function handsPlanted(p: Pose, target: { readonly R: Target; readonly L: Target }, vars: readonly PoseKey[] = ['shoulderRFlex', 'elbowR', 'shoulderLFlex', 'elbowL']): Pose {
	return solve(p, vars, [offset('handR', 'pelvis', target.R), offset('handL', 'pelvis', target.L)]);
}

const cobra: ClipDef = (() => {
	const flat = pose(PRONE, { shoulderRFlex: 40, shoulderLFlex: 40, elbowR: 120, elbowL: 120, shoulderRAbd: 12, shoulderLAbd: 12, neckFlex: 15 });
	const sk = place(flat, { ground: false, props: [] });
	const floorY = sk.pelvis[1] - 0.1 + 0.042 - sk.pelvis[1];
	const hand = (s: 'R' | 'L'): Target => {
		const sh = s === 'R' ? sk.shoulderR : sk.shoulderL;
		return [sh[0] - sk.pelvis[0] - 0.05, floorY, null];
	};
	const target = { R: hand('R'), L: hand('L') };
	const a = handsPlanted(flat, target);
	const b = handsPlanted(pose(flat, { lumbarFlex: -14, thoraxFlex: -14, neckFlex: -6 }), target);
	return {
		id: 'cobra',
		description: 'Lying on the front, hands under the shoulders: the head and chest lift a little with the back muscles, elbows bent, then lower.',
		highlight: ['spine', 'head'],
		anchor: 'pelvis',
		props: [mat(-1.0, 0.95)],
		maxScale: 250,
		motion: { kind: 'keys', poster: 1, keys: [key(a, 1.5, 1.0), key(b, 1.6, 2.2)] }
	};
})();

const sphinx: ClipDef = (() => {
	const arms: PosePatch = { shoulderRFlex: 95, shoulderLFlex: 95, elbowR: 85, elbowL: 85, shoulderRAbd: 8, shoulderLAbd: 8 };
	const low = pose(PRONE, arms, { neckFlex: 30 });
	const floorLevel = (sk: Skeleton) => sk.pelvis[1] - 0.1;
	const up = solve(pose(PRONE, arms, { lumbarFlex: -20, thoraxFlex: -14, neckFlex: 5 }), ['shoulderRFlex', 'elbowR', 'shoulderLFlex', 'elbowL', 'lumbarFlex', 'thoraxFlex'], [
		(sk) => [sk.elbowR[1] - floorLevel(sk) - 0.04, sk.wristR[1] - floorLevel(sk) - 0.034, sk.elbowR[0] - sk.shoulderR[0]],
		(sk) => [sk.elbowL[1] - floorLevel(sk) - 0.04, sk.wristL[1] - floorLevel(sk) - 0.034, sk.elbowL[0] - sk.shoulderL[0]]
	]);
	const down = solve(low, ['shoulderRFlex', 'elbowR', 'shoulderLFlex', 'elbowL'], [
		(sk) => [sk.elbowR[1] - floorLevel(sk) - 0.04, sk.wristR[1] - floorLevel(sk) - 0.034],
		(sk) => [sk.elbowL[1] - floorLevel(sk) - 0.04, sk.wristL[1] - floorLevel(sk) - 0.034]
	]);
	return {
		id: 'sphinx',
		description: 'Lying on the front: propped on the forearms with elbows under the shoulders, the chest lifts gently while the lower back relaxes.',
		highlight: ['spine'],
		anchor: 'pelvis',
		props: [mat(-1.0, 0.95)],
		maxScale: 250,
		motion: { kind: 'keys', poster: 1, keys: [key(down, 1.5, 1.0), key(up, 1.8, 2.4)] }
	};
})();

const locust: ClipDef = (() => {
	const flat = pose(PRONE, { neckFlex: 20 });
	const lifted = pose(PRONE, { lumbarFlex: -12, thoraxFlex: -12, neckFlex: 4, shoulderRFlex: -28, shoulderLFlex: -28 });
	return {
		id: 'locust',
		description: 'Lying on the front, arms by the sides: the head, chest and arms lift a little off the floor, neck long, then lower.',
		highlight: ['spine', 'arms'],
		anchor: 'pelvis',
		props: [mat(-1.0, 0.95)],
		maxScale: 250,
		motion: { kind: 'keys', poster: 1, keys: [key(flat, 1.5, 1.0), key(lifted, 1.5, 2.2)] }
	};
})();

const proneLying: ClipDef = (() => {
	// Face down, arms by the sides, head turned toward the camera with the cheek resting:
	// only the breath moves, the lower back letting go a little with each breath out.
	const base: PosePatch = { shoulderRAbd: 10, shoulderLAbd: 10, elbowR: 6, elbowL: 6, neckFlex: 6, neckTwist: 80 };
	const out = pose(PRONE, base, { breath: 0 });
	const inn = pose(PRONE, base, { breath: 0.3, thoraxFlex: -2, lumbarFlex: -1 });
	return {
		id: 'prone-lying',
		description: 'Lying face down on a mat, arms by the sides and head turned to one side: resting still and breathing slowly.',
		camera: { yaw: 0, pitch: 8 },
		highlight: ['lumbar', 'pelvis'],
		anchor: 'pelvis',
		props: [mat(-1.0, 0.95)],
		maxScale: 250,
		motion: { kind: 'keys', poster: 0, keys: [key(out, 3.0, 0.8), key(inn, 2.4, 0.6)] }
	};
})();

const pronePressUp: ClipDef = (() => {
	// Hands stay planted beside the shoulders; the arms push the chest up while the pelvis
	// stays on the mat and the lower back sags, then the body lowers slowly.
	const flat = pose(PRONE, { shoulderRFlex: 40, shoulderLFlex: 40, elbowR: 120, elbowL: 120, shoulderRAbd: 12, shoulderLAbd: 12, neckFlex: 15 });
	const sk = place(flat, { ground: false, props: [] });
	const floorY = 0.042 - 0.1;
	const hand = (s: 'R' | 'L'): Target => {
		const sh = s === 'R' ? sk.shoulderR : sk.shoulderL;
		return [sh[0] - sk.pelvis[0] - 0.02, floorY, null];
	};
	const target = { R: hand('R'), L: hand('L') };
	const down = handsPlanted(flat, target);
	const up = handsPlanted(pose(flat, { lumbarFlex: -40, thoraxFlex: -28, neckFlex: 22, elbowR: 30, elbowL: 30 }), target);
	return {
		id: 'prone-press-up',
		description: 'Lying face down, hands beside the shoulders: the arms press the chest up while the hips stay on the mat and the back sags, then lower.',
		highlight: ['spine', 'arms'],
		anchor: 'pelvis',
		props: [mat(-1.0, 0.95)],
		maxScale: 250,
		parts: [['up', 1], ['down', 0]],
		motion: { kind: 'keys', poster: 1, phased: true, keys: [key(down, 2.2, 0.8), key(up, 2.4, 1.2)] }
	};
})();

// ---------------------------------------------------------------------------- standing and sitting

const handsOnLowBack = (p: Pose): Pose =>
	solve(p, ['shoulderRFlex', 'shoulderRAbd', 'shoulderRRot', 'elbowR', 'shoulderLFlex', 'shoulderLAbd', 'shoulderLRot', 'elbowL'], [
		(sk) => {
			const back = [sk.waist[0] - sk.pelvis[0], sk.waist[1] - sk.pelvis[1]];
			// A point behind the lumbar spine: along the trunk 60 %, then 0.14 m behind it.
			const len = Math.hypot(back[0] ?? 0, back[1] ?? 0);
			const ux = (back[0] ?? 0) / len;
			const uy = (back[1] ?? 0) / len;
			const tx = sk.pelvis[0] + ux * 0.14 - uy * 0.15;
			const ty = sk.pelvis[1] + uy * 0.14 + ux * 0.15;
			return [sk.handR[0] - tx, sk.handR[1] - ty, sk.handR[2] - 0.07, sk.handL[0] - tx, sk.handL[1] - ty, sk.handL[2] + 0.07];
		}
	]);

const standingBackBend: ClipDef = (() => {
	const arms: PosePatch = { shoulderRFlex: -40, shoulderLFlex: -40, elbowR: 100, elbowL: 100, shoulderRAbd: 20, shoulderLAbd: 20, shoulderRRot: -30, shoulderLRot: -30 };
	const up = handsOnLowBack(standing(arms));
	const back = handsOnLowBack(standing(arms, { lumbarFlex: -20, thoraxFlex: -12, neckFlex: -4, hipRFlex: -8, hipLFlex: -8 }));
	return {
		id: 'standing-back-bend',
		description: 'Standing, hands on the small of the back: leaning back from the waist with straight knees, then returning upright.',
		highlight: ['spine'],
		anchor: 'ankleR',
		parts: [['lean-back', 1], ['return', 0]],
		motion: { kind: 'keys', poster: 1, phased: true, keys: [key(up, 1.3, 1.2), key(back, 1.4, 1.6)] }
	};
})();

const mountain: ClipDef = (() => {
	const slump = standing({ thoraxFlex: 24, lumbarFlex: -4, neckFlex: -22, hipRFlex: -6, hipLFlex: -6, shoulderRFlex: 12, shoulderLFlex: 12 });
	const tall = standing({ kneeR: 4, kneeL: 4, hipRFlex: 4, hipLFlex: 4, lumbarFlex: 2, neckFlex: 4 });
	return {
		id: 'mountain',
		description: 'Standing: from a slump the body settles into a tall, easy stance, knees soft, tailbone down, crown of the head rising.',
		highlight: ['spine'],
		anchor: 'ankleR',
		motion: { kind: 'keys', poster: 1, keys: [key(slump, 1.6, 0.8), key(tall, 1.8, 2.6)] }
	};
})();

const chairPose: ClipDef = (() => {
	const up = standing();
	const sit = flatFeet(pose(STAND, { hipRFlex: 72, hipLFlex: 72, kneeR: 78, kneeL: 78, lumbarFlex: -16, thoraxFlex: 4, shoulderRFlex: 58, shoulderLFlex: 58, elbowR: 0, elbowL: 0, neckFlex: -10 }));
	return {
		id: 'chair-pose',
		description: 'Standing with a chair behind: knees bend and hips go back as if to sit, arms reaching forward, back long; then stand up.',
		highlight: ['legs'],
		anchor: 'ankleR',
		props: chair(-0.5, 0, 'x+'),
		parts: [['down', 1], ['up', 0]],
		motion: { kind: 'keys', poster: 1, phased: true, keys: [key(up, 1.5, 1.0), key(sit, 1.6, 2.2)] }
	};
})();

const shoulderOpener: ClipDef = (() => {
	const a = standing({ shoulderRFlex: -18, shoulderLFlex: -18, shoulderRAbd: 20, shoulderLAbd: 20, elbowR: 5, elbowL: 5 });
	const b = standing({ shoulderRFlex: -48, shoulderLFlex: -48, shoulderRAbd: 22, shoulderLAbd: 22, elbowR: 0, elbowL: 0, thoraxFlex: -8, neckFlex: -4 });
	return {
		id: 'shoulder-opener',
		description: 'Standing tall with a strap held behind the back: the shoulder blades draw back and the arms lift a little, opening the chest.',
		camera: { yaw: -22, pitch: 6 },
		highlight: ['arms', 'shoulders'],
		anchor: 'ankleR',
		props: [{ kind: 'strap', from: 'handR', to: 'handL' }],
		motion: { kind: 'keys', poster: 1, keys: [key(a, 1.5, 1.0), key(b, 1.6, 2.2)] }
	};
})();

/** Facing the camera (a front view): the person's right is on the screen's left. */
const FACING: PosePatch = { yaw: -90 };

const crescentMoon: ClipDef = (() => {
	const up = standing(FACING, { shoulderRAbd: 190, shoulderLAbd: 190, elbowR: 0, elbowL: 0 });
	const lean = standing(FACING, { shoulderRAbd: 190, shoulderLAbd: 190, elbowR: 0, elbowL: 0, lumbarSide: 12, thoraxSide: 15, neckSide: 2, hipRAbd: 3, hipLAbd: -3 });
	return {
		id: 'crescent-moon',
		side: 'right',
		description: 'Standing, arms overhead: the body grows tall and leans gently to one side, hips level and chest facing forward.',
		highlight: ['spine', 'arms'],
		anchor: 'ankleR',
		motion: { kind: 'keys', poster: 1, keys: [key(up, 1.5, 1.0), key(lean, 1.7, 2.2)] }
	};
})();

const dogAtWall: ClipDef = (() => {
	const facingWall = standing({ shoulderRFlex: 90, shoulderLFlex: 90, elbowR: 0, elbowL: 0 });
	const dog = flatFeet(pose(STAND, { pitch: -88, hipRFlex: 92, hipLFlex: 92, kneeR: 8, kneeL: 8, shoulderRFlex: 178, shoulderLFlex: 178, elbowR: 0, elbowL: 0, neckFlex: -4 }));
	const sk = place(facingWall, { ground: true, props: [] });
	return {
		id: 'dog-at-wall',
		description: 'Hands on a wall: the feet walk back and the hips hinge until back and arms make one long line, knees soft.',
		highlight: ['spine', 'arms'],
		anchor: 'handR',
		props: [wallX(sk.handR[0] + 0.042 + 0.06)],
		motion: { kind: 'keys', poster: 1, keys: [key(facingWall, 1.6, 1.0), key(dog, 1.8, 2.4)] }
	};
})();

const forwardBendAtWall: ClipDef = (() => {
	const up = standing({ kneeR: 6, kneeL: 6, hipRFlex: 6, hipLFlex: 6 });
	const fold = solve(flatFeet(pose(STAND, { pitch: -62, hipRFlex: 78, hipLFlex: 78, kneeR: 18, kneeL: 18, lumbarFlex: 18, thoraxFlex: 22, neckFlex: 25, shoulderRFlex: 100, shoulderLFlex: 100, elbowR: 10, elbowL: 10 })), ['shoulderRFlex', 'shoulderLFlex'], [
		(sk) => [sk.handR[0] - sk.shoulderR[0] - 0.03, sk.handL[0] - sk.shoulderL[0] - 0.03]
	]);
	const sk = place(up, { ground: true, props: [] });
	return {
		id: 'forward-bend-at-wall',
		description: 'Standing with the buttocks against a wall, knees soft: the body folds forward from the hips and hangs, then rises slowly.',
		highlight: ['spine'],
		anchor: 'pelvis',
		props: [wallX(sk.pelvis[0] - 0.12 - 0.06)],
		motion: { kind: 'keys', poster: 1, keys: [key(up, 1.8, 1.0), key(flatFeet(fold), 2.0, 2.4)] }
	};
})();

const chairTwist: ClipDef = (() => {
	const seated = flatFeet(pose(FACING, { hipRFlex: 90, hipLFlex: 90, kneeR: 90, kneeL: 90, hipRAbd: 4, hipLAbd: 4, shoulderRFlex: 30, shoulderLFlex: 30, elbowR: 50, elbowL: 50 }));
	const hands = (p: Pose): Pose => {
		const sk = place(p, { ground: false, props: [] });
		const thigh: Vec3 = [sk.hipR[0] + (sk.kneeR[0] - sk.hipR[0]) * 0.55 - 0.06, sk.hipR[1] + 0.06, sk.hipR[2] + (sk.kneeR[2] - sk.hipR[2]) * 0.55];
		return solve(p, ['shoulderLFlex', 'shoulderLAbd', 'shoulderLRot', 'elbowL'], [(q) => [q.handL[0] - thigh[0], q.handL[1] - thigh[1], q.handL[2] - thigh[2]]]);
	};
	const twist = hands(pose(seated, { lumbarTwist: 12, thoraxTwist: 26, neckTwist: 22, shoulderRFlex: -20, shoulderRAbd: 30, elbowR: 60 }));
	const props = chair(0, -0.02, 'z+');
	return {
		id: 'chair-twist',
		side: 'right',
		description: 'Sitting tall on a chair: the chest turns to one side, a hand on the outer thigh, hips facing forward; then back to the middle.',
		camera: { yaw: 0, pitch: 14 },
		highlight: ['thorax', 'shoulders', 'head'],
		anchor: 'pelvis',
		props,
		motion: { kind: 'keys', poster: 1, keys: [key(seated, 1.5, 1.0), key(twist, 1.7, 2.4)] }
	};
})();

// ---------------------------------------------------------------------------- desk breaks: on a chair, standing

/**
 * Sitting on a chair seat with the feet flat: each named leg's hip and knee are solved so
 * the heel rests on the floor a fixed distance in front of the pelvis while the pelvis
 * rests on the seat (see chair(): the seat top is 0.45 m).
 */
function seatedFeet(p: Pose, sides: readonly ('R' | 'L')[], reach = 0.44): Pose {
	const vars = sides.flatMap((s) => [`hip${s}Flex`, `knee${s}`] as PoseKey[]);
	const goals: Goal[] = sides.map((s) => (sk) => {
		const heel = s === 'R' ? sk.heelR : sk.heelL;
		const bottom = (sk.hipR[1] + sk.hipL[1]) / 2 - 0.1;
		return [heel[1] - (bottom - 0.45 + 0.036), heel[0] - sk.pelvis[0] - reach];
	});
	return flatFeet(solve(p, vars, goals), sides.length === 2 ? 'both' : sides[0]);
}

/** Both hands resting on the thighs (a fraction of the way from hip to knee). */
function handsOnThighs(p: Pose, at = 0.6): Pose {
	return solve(p, ['shoulderRFlex', 'elbowR', 'shoulderRAbd', 'shoulderLFlex', 'elbowL', 'shoulderLAbd'], [
		(sk) =>
			(['R', 'L'] as const).flatMap((s) => {
				const hip = s === 'R' ? sk.hipR : sk.hipL;
				const knee = s === 'R' ? sk.kneeR : sk.kneeL;
				const hand = s === 'R' ? sk.handR : sk.handL;
				return [hand[0] - (hip[0] + (knee[0] - hip[0]) * at), hand[1] - (hip[1] + (knee[1] - hip[1]) * at) - 0.09, hand[2] - (hip[2] + (knee[2] - hip[2]) * at)];
			})
	]);
}

const SIT: PosePatch = { hipRFlex: 90, hipLFlex: 90, kneeR: 90, kneeL: 90, shoulderRFlex: 30, shoulderLFlex: 30, elbowR: 50, elbowL: 50 };

const seatedPelvicTilt: ClipDef = (() => {
	// The pelvis rolls back (the lower back rounds) and then forward (it hollows), the
	// chest and head staying roughly upright above it.
	const sit = (patch: PosePatch) => handsOnThighs(seatedFeet(pose(SIT, { shoulderRFlex: 55, shoulderLFlex: 55, elbowR: 20, elbowL: 20 }, patch), ['R', 'L']), 0.9);
	const neutral = sit({ lumbarFlex: -4 });
	const back = sit({ pitch: 18, lumbarFlex: 24, thoraxFlex: 16, neckFlex: -14 });
	const forward = sit({ pitch: -14, lumbarFlex: -24, thoraxFlex: 4, neckFlex: 2 });
	return {
		id: 'seated-pelvic-tilt',
		description: 'Sitting toward the front of a chair, hands on the thighs: the pelvis rolls back so the lower back rounds, then forward so it hollows.',
		camera: { yaw: 0, pitch: 6 },
		highlight: ['pelvis', 'lumbar'],
		anchor: 'pelvis',
		props: chair(-0.12, 0, 'x+'),
		maxScale: 230,
		parts: [['roll-back', 1], ['roll-forward', 0]],
		motion: { kind: 'keys', poster: 1, phased: true, keys: [key(forward, 1.7, 1.0), key(back, 1.6, 1.0)] }
	};
})();

const seatedFigure4: ClipDef = (() => {
	// The right ankle rests on the left thigh just behind the knee, the right knee out to
	// the side; then the body leans forward from the hips with a long back.
	const crossR = (p: Pose): Pose =>
		solve(p, ['hipRFlex', 'hipRAbd', 'hipRRot', 'kneeR'], [
			(sk) => [2 * (sk.ankleR[0] - sk.kneeL[0] + 0.1), 2 * (sk.ankleR[1] - sk.kneeL[1] - 0.085), 2 * (sk.ankleR[2] - sk.kneeL[2] - 0.02)],
			(sk) => [sk.kneeR[1] - sk.hipR[1] - 0.02, sk.kneeR[2] - sk.hipR[2] - 0.3]
		]);
	const handsOnLeg = (p: Pose): Pose =>
		solve(p, ['shoulderRFlex', 'elbowR', 'shoulderRAbd', 'shoulderLFlex', 'elbowL', 'shoulderLAbd'], [
			(sk) => [sk.handR[0] - sk.kneeR[0] + 0.04, sk.handR[1] - sk.kneeR[1] - 0.07, sk.handR[2] - sk.kneeR[2]],
			(sk) => [sk.handL[0] - sk.ankleR[0], sk.handL[1] - sk.ankleR[1] - 0.07, sk.handL[2] - sk.ankleR[2]]
		]);
	const upright = handsOnThighs(seatedFeet(pose(SIT), ['R', 'L']));
	const seatL = (patch: PosePatch) => seatedFeet(pose(SIT, patch), ['L']);
	const crossed = handsOnLeg(crossR(pose(seatL({}), { hipRFlex: 100, hipRAbd: 40, hipRRot: 55, kneeR: 105, ankleR: 0 })));
	const lean = handsOnLeg(crossR(pose(seatL({ pitch: -32, lumbarFlex: -4, neckFlex: -18 }), { hipRFlex: 120, hipRAbd: 40, hipRRot: 55, kneeR: 105, ankleR: 0 })));
	return {
		id: 'seated-figure-4',
		side: 'right',
		description: 'Sitting on a chair with one ankle resting on the other knee: the body leans forward from the hips with a long back for a buttock stretch.',
		camera: { yaw: 62, pitch: 10 },
		highlight: ['legR'],
		anchor: 'pelvis',
		props: chair(-0.06, 0, 'x+'),
		maxScale: 230,
		motion: { kind: 'keys', poster: 2, keys: [key(upright, 1.2, 0.6), key(crossed, 1.5, 0.6), key(lean, 1.5, 2.2)] }
	};
})();

const seatedHamstringStretch: ClipDef = (() => {
	// Sitting on the front edge of the seat, the near leg straight with the heel on the
	// floor and toes up; the body leans forward from the hips, back long, hands on the thigh.
	const straightR = (p: Pose): Pose =>
		solve(p, ['hipRFlex'], [
			(sk) => {
				const bottom = (sk.hipR[1] + sk.hipL[1]) / 2 - 0.1;
				return [sk.heelR[1] - (bottom - 0.45 + 0.036)];
			}
		]);
	const hands = (p: Pose, at: number): Pose =>
		solve(p, ['shoulderRFlex', 'elbowR', 'shoulderRAbd', 'shoulderLFlex', 'elbowL', 'shoulderLAbd'], [
			(sk) =>
				(['R', 'L'] as const).flatMap((h) => {
					const hand = h === 'R' ? sk.handR : sk.handL;
					const t: Vec3 = [sk.hipR[0] + (sk.kneeR[0] - sk.hipR[0]) * at, sk.hipR[1] + (sk.kneeR[1] - sk.hipR[1]) * at + 0.07, sk.hipR[2] + (h === 'R' ? 0.03 : -0.05)];
					return [hand[0] - t[0], hand[1] - t[1], hand[2] - t[2]];
				})
		]);
	const leg: PosePatch = { hipRFlex: 60, kneeR: 4, ankleR: 12 };
	const upright = hands(straightR(seatedFeet(pose(SIT, leg, { lumbarFlex: -4 }), ['L'], 0.42)), 0.5);
	const lean = hands(straightR(seatedFeet(pose(SIT, leg, { pitch: -28, lumbarFlex: -6, thoraxFlex: -2, neckFlex: -12, hipRFlex: 88 }), ['L'], 0.42)), 0.75);
	return {
		id: 'seated-hamstring-stretch',
		side: 'right',
		description: 'Sitting on the front of a chair, one leg straight with the heel on the floor: the body leans forward from the hips, back long, for a stretch behind the thigh.',
		camera: { yaw: 0, pitch: 6 },
		highlight: ['legR'],
		anchor: 'pelvis',
		props: chair(-0.1, 0, 'x+'),
		maxScale: 220,
		motion: { kind: 'keys', poster: 1, keys: [key(upright, 1.4, 1.0), key(lean, 1.8, 2.4)] }
	};
})();

const standingHipFlexor: ClipDef = (() => {
	// A split stance, the near (right) leg behind on its toes. The pelvis tucks under and
	// the body moves forward over the bent front knee, stretching the front of the back hip.
	const handsOnHips = (p: Pose): Pose =>
		solve(p, ['shoulderRFlex', 'elbowR', 'shoulderRAbd', 'shoulderLFlex', 'elbowL', 'shoulderLAbd'], [
			(sk) => [sk.handR[0] - sk.hipR[0], sk.handR[1] - sk.hipR[1] - 0.12, sk.handR[2] - sk.hipR[2] - 0.1, sk.handL[0] - sk.hipL[0], sk.handL[1] - sk.hipL[1] - 0.12, sk.handL[2] - sk.hipL[2] + 0.1]
		]);
	const arms: PosePatch = { shoulderRFlex: -10, shoulderLFlex: -10, shoulderRAbd: 35, shoulderLAbd: 35, elbowR: 90, elbowL: 90 };
	// The back foot stays planted on its toes: two-bone IK in the side view puts the toe a
	// stride behind the front ankle, on the floor, with the foot tipped 25° (heel raised).
	const backFoot = (p: Pose, stride: number): Pose => {
		const sk = skeleton(pose(p, { hipRFlex: 0, kneeR: 0, ankleR: 0 }));
		const tilt = (25 * Math.PI) / 180;
		const toe: readonly [number, number] = [sk.ankleL[0] - stride, sk.heelL[1] - 0.008];
		const ankle: readonly [number, number] = [toe[0] - (0.16 * Math.cos(tilt) - 0.055 * Math.sin(tilt)), toe[1] + 0.16 * Math.sin(tilt) + 0.055 * Math.cos(tilt)];
		const dx = ankle[0] - sk.hipR[0];
		const dy = ankle[1] - sk.hipR[1];
		const d = Math.min(Math.hypot(dx, dy), BODY.thigh + BODY.shin - 1e-6);
		const deg = (r: number) => (r * 180) / Math.PI;
		// Angle of hip→ankle from straight down, positive forward; the knee bends forward.
		const line = Math.atan2(dx, -dy);
		const inner = Math.acos((BODY.thigh ** 2 + d ** 2 - BODY.shin ** 2) / (2 * BODY.thigh * d));
		const knee = Math.PI - Math.acos((BODY.thigh ** 2 + BODY.shin ** 2 - d ** 2) / (2 * BODY.thigh * BODY.shin));
		const thigh = line + inner;
		const hipFlex = deg(thigh) - p.pitch;
		return pose(p, { hipRFlex: hipFlex, kneeR: deg(knee), ankleR: -deg(tilt) - deg(thigh) + deg(knee) });
	};
	const stride = 0.6;
	const a = handsOnHips(backFoot(flatFeet(pose(STAND, arms, { hipLFlex: 42, kneeL: 56 }), 'L'), stride));
	const b = handsOnHips(backFoot(flatFeet(pose(STAND, arms, { pitch: 8, lumbarFlex: 6, thoraxFlex: 2, neckFlex: -4, hipLFlex: 38, kneeL: 76 }), 'L'), stride));
	return {
		id: 'standing-hip-flexor',
		side: 'right',
		description: 'Standing in a split stance, hands on the hips: the pelvis tucks under and the body eases forward over the front knee, stretching the front of the back hip.',
		camera: { yaw: -12, pitch: 5 },
		highlight: ['legR', 'pelvis'],
		anchor: 'ankleL',
		motion: { kind: 'keys', poster: 1, keys: [key(a, 1.4, 1.0), key(b, 1.8, 2.4)] }
	};
})();

const triangleAtWall: ClipDef = (() => {
	const stance: PosePatch = { hipRAbd: 24, hipLAbd: 24, hipRRot: 50, hipLRot: -5 };
	const a = standing(FACING, stance, { shoulderRAbd: 88, shoulderLAbd: 88, elbowR: 0, elbowL: 0 });
	const b = standing(FACING, stance, { roll: 36, hipRAbd: -12, hipLAbd: 60, lumbarSide: 16, thoraxSide: 12, neckSide: -4, neckTwist: -20, shoulderRAbd: 85, shoulderLAbd: 95, elbowR: 0, elbowL: 0 });
	const sk = place(a, { ground: false, props: [] });
	const width = sk.ankleR[0] - sk.ankleL[0];
	const tri = flatFeet(solve(b, ['hipRAbd', 'hipLAbd'], [(q) => [q.ankleR[0] - q.ankleL[0] - width, q.ankleR[1] - q.ankleL[1]]]));
	return {
		id: 'triangle-at-wall',
		side: 'right',
		description: 'Back to a wall, feet wide, arms out: the body tips sideways from the hips, lower hand on the shin, top arm up.',
		highlight: ['spine', 'arms'],
		anchor: 'ankleL',
		motion: { kind: 'keys', poster: 1, keys: [key(a, 1.6, 1.0), key(tri, 1.8, 2.4)] }
	};
})();

const warrior: ClipDef = (() => {
	const stance: PosePatch = { hipRAbd: 26, hipLAbd: 26, hipRRot: 55, shoulderRAbd: 88, shoulderLAbd: 88, elbowR: 0, elbowL: 0 };
	const a = standing(FACING, stance);
	const sk = place(a, { ground: false, props: [] });
	const width = sk.ankleR[0] - sk.ankleL[0];
	const bent = flatFeet(
		solve(pose(a, { hipRAbd: 40, hipRFlex: 30, kneeR: 70, neckTwist: 60 }), ['hipRAbd', 'hipRFlex', 'kneeR', 'hipLAbd'], [
			(q) => [q.ankleR[0] - q.ankleL[0] - width, q.ankleR[1] - q.ankleL[1], q.kneeR[0] - q.ankleR[0] - 0.03, q.pelvis[1] - sk.pelvis[1] + 0.2]
		])
	);
	return {
		id: 'warrior',
		side: 'right',
		description: 'Feet wide, arms out at shoulder height: the front knee bends over its ankle, the back leg straight, trunk upright.',
		highlight: ['legR'],
		anchor: 'ankleL',
		motion: { kind: 'keys', poster: 1, keys: [key(a, 1.6, 1.0), key(bent, 1.8, 2.4)] }
	};
})();

const babyDancer: ClipDef = (() => {
	const hand: PosePatch = { shoulderLAbd: 70, shoulderLFlex: 10, elbowL: 15 };
	const a = standing(hand);
	const held = solve(flatFeet(pose(STAND, hand, { hipRFlex: -8, kneeR: 120, ankleR: -30, shoulderRFlex: -30, elbowR: 10 }), 'L'), ['shoulderRFlex', 'elbowR', 'hipRFlex', 'kneeR'], [
		(q) => [q.handR[0] - q.ankleR[0], q.handR[1] - q.ankleR[1] - 0.02, (q.kneeR[0] - q.hipR[0]) * 0.5]
	]);
	return {
		id: 'baby-dancer',
		side: 'right',
		description: 'Standing with one hand on a wall: the other heel comes up toward the buttock, the hand holding the ankle, knees together.',
		highlight: ['legR'],
		anchor: 'ankleL',
		props: [{ kind: 'box', center: [0, 1.05, -0.62], size: [1.3, 2.1, 0.1], color: PALETTE.wall, layer: 'back' }],
		motion: { kind: 'keys', poster: 1, keys: [key(a, 1.5, 1.0), key(held, 1.7, 2.4)] }
	};
})();

const sunSalutation: ClipDef = (() => {
	const seatTop = 0.45;
	const chairX = 0.62;
	const onChair = (p: Pose): Pose =>
		solve(p, ['shoulderRFlex', 'shoulderLFlex', 'elbowR', 'elbowL'], [above('handR', seatTop + 0.04, chairX - 0.05), above('handL', seatTop + 0.04, chairX - 0.05)]);
	const reach = standing({ x: 0, shoulderRFlex: 172, shoulderLFlex: 172, elbowR: 0, elbowL: 0, lumbarFlex: -6, thoraxFlex: -6, neckFlex: -8 });
	const fold = onChair(flatFeet(pose(STAND, { x: 0, pitch: -70, hipRFlex: 82, hipLFlex: 82, kneeR: 14, kneeL: 14, lumbarFlex: 4, thoraxFlex: 4, shoulderRFlex: 100, shoulderLFlex: 100 })));
	const lunge = onChair(
		flatFeet(
			pose(STAND, { x: -0.05, pitch: -50, hipLFlex: 118, kneeL: 72, hipRFlex: 22, kneeR: 8, ankleR: 30, lumbarFlex: -4, thoraxFlex: -4, shoulderRFlex: 80, shoulderLFlex: 80 }),
			'L'
		)
	);
	const dog = onChair(flatFeet(pose(STAND, { x: -0.25, pitch: -75, hipRFlex: 95, hipLFlex: 95, kneeR: 8, kneeL: 8, shoulderRFlex: 165, shoulderLFlex: 165 })));
	const chest = standing({ x: 0, shoulderRFlex: 35, shoulderLFlex: 35, elbowR: 115, elbowL: 115 });
	const halfLift = onChair(flatFeet(pose(STAND, { x: 0, pitch: -42, hipRFlex: 50, hipLFlex: 50, kneeR: 10, kneeL: 10, lumbarFlex: -4, thoraxFlex: -4, shoulderRFlex: 70, shoulderLFlex: 70 })));
	// The leg that stepped back steps forward between the hands: the lunge with the legs swapped.
	const stepForward = onChair(
		flatFeet(
			pose(STAND, { x: -0.05, pitch: -50, hipRFlex: 118, kneeR: 72, hipLFlex: 22, kneeL: 8, ankleL: 30, lumbarFlex: -4, thoraxFlex: -4, shoulderRFlex: 80, shoulderLFlex: 80 }),
			'R'
		)
	);
	return {
		id: 'sun-salutation',
		side: 'right',
		description: 'A chair sun salutation: reach up, fold with hands on the chair, step back into a lunge, a downward dog, then rise slowly.',
		highlight: ['legR'],
		props: [...chair(chairX + 0.2, 0, 'x-'), wallX(chairX + 0.48)],
		// One part per phase of the yoga routine's round (stand 8 s … finish 4 s) in one 8 s
		// loop: each part is a move and a moment's hold, played at half pace (the slowest the
		// player goes), then its pose is held to the phase's end: move into the pose, stay.
		parts: [
			['stand', 1],
			['reach-up', 2],
			['fold', 3],
			['half-lift', 4],
			['lunge', 5],
			['dog', 6],
			['step-forward', 7],
			['fold-again', 8],
			['rise', 9],
			['finish', 0]
		],
		motion: {
			kind: 'keys',
			poster: 5,
			phased: true,
			keys: [
				key(chest, 0.6, 0.1),
				key(pose(chest, {}), 0.2, 0.3),
				key(reach, 0.7, 0.1),
				key(fold, 0.8, 0.1),
				key(halfLift, 0.6, 0.1),
				key(lunge, 0.8, 0.1),
				key(dog, 0.8, 0.1),
				key(stepForward, 0.8, 0.1),
				key(fold, 0.6, 0.1),
				key(reach, 0.8, 0.1)
			]
		}
	};
})();

// ---------------------------------------------------------------------------- pool

const WATER = 1.3;

const walk = (phase: number, stride: number, arm: number, lean = 0): Pose => {
	const s = Math.sin(phase);
	const c = Math.cos(phase);
	return standing({
		hipRFlex: stride * s + 4,
		hipLFlex: -stride * s + 4,
		kneeR: 8 + 32 * Math.max(0, c),
		kneeL: 8 + 32 * Math.max(0, -c),
		ankleR: 0,
		ankleL: 0,
		shoulderRFlex: -arm * s,
		shoulderLFlex: arm * s,
		elbowR: 30,
		elbowL: 30,
		lumbarFlex: lean
	});
};
const gait = (stride: number, arm: number, lean = 0): Pose[] => [0, 1, 2, 3, 4, 5].map((i) => walk((i * Math.PI) / 3, stride, arm, lean));

const waterWalkForwards: ClipDef = {
	id: 'water-walk-forwards',
	loopPart: 'walk',
	description: 'Walking forwards through waist-to-chest-deep water, standing tall, arms swinging gently under the water.',
	setting: 'pool',
	waterLevel: WATER,
	highlight: ['legs'],
	anchor: 'pelvis',
	props: [{ kind: 'arrow', at: [0.75, 1.62, 0], dir: 1, length: 0.32 }],
	motion: { kind: 'cycle', poses: gait(26, 24), period: 2.2, cycles: 2, poster: 1 }
};

const waterWalkBackwards: ClipDef = {
	id: 'water-walk-backwards',
	loopPart: 'walk',
	description: 'Walking backwards through the water with small steps, toe then heel, trunk upright.',
	setting: 'pool',
	waterLevel: WATER,
	highlight: ['legs'],
	anchor: 'pelvis',
	props: [{ kind: 'arrow', at: [-0.75, 1.62, 0], dir: -1, length: 0.32 }],
	motion: { kind: 'cycle', poses: [...gait(18, 14)].reverse(), period: 2.0, cycles: 2, poster: 1 }
};

const coolDownWalk: ClipDef = {
	id: 'cool-down-walk',
	loopPart: 'walk',
	description: 'Easy, slow walking forwards through the water to let the breathing and heart rate settle.',
	setting: 'pool',
	waterLevel: WATER,
	highlight: ['legs'],
	anchor: 'pelvis',
	props: [{ kind: 'arrow', at: [0.75, 1.62, 0], dir: 1, length: 0.32 }],
	motion: { kind: 'cycle', poses: gait(18, 12), period: 3.0, cycles: 2, poster: 1 }
};

const waterWalkSideways: ClipDef = (() => {
	const together = standing(FACING, { kneeR: 6, kneeL: 6 });
	const wide = standing(FACING, { hipRAbd: 20, hipLAbd: 8, kneeR: 10, kneeL: 6, x: -0.08 });
	const closing = standing(FACING, { hipRAbd: 6, hipLAbd: 16, kneeR: 6, kneeL: 14, x: -0.2 });
	return {
		id: 'water-walk-sideways',
		loopPart: 'walk',
		side: 'right',
		description: 'Side-stepping through the water: one foot steps out to the side and the other follows, toes and hips facing forward.',
		setting: 'pool',
		waterLevel: WATER,
		highlight: ['legs'],
		props: [{ kind: 'arrow', at: [-0.7, 1.62, 0], dir: -1, length: 0.32 }],
		motion: { kind: 'keys', poster: 1, keys: [key(together, 0.9, 0.5), key(wide, 1.0, 0.4), key(closing, 0.8, 0.2), key(pose(together, { x: -0.26 }), 0.6, 0.4)] }
	};
})();

const marching: ClipDef = (() => {
	const lift = (s: 'R' | 'L'): Pose => {
		const o = s === 'R' ? 'L' : 'R';
		return standing({ [`hip${s}Flex`]: 72, [`knee${s}`]: 85, [`ankle${s}`]: -10, [`shoulder${o}Flex`]: 45, [`shoulder${s}Flex`]: -25, elbowR: 30, elbowL: 30 });
	};
	const mid = standing({ elbowR: 30, elbowL: 30 });
	return {
		id: 'marching',
		loopPart: 'march',
		description: 'Marching on the spot in the water: each knee lifts toward hip height as the opposite arm swings forward.',
		setting: 'pool',
		waterLevel: WATER,
		highlight: ['legs'],
		anchor: 'pelvis',
		motion: { kind: 'cycle', poses: [mid, lift('R'), mid, lift('L')], period: 2.4, cycles: 2, poster: 1 }
	};
})();

/** The far hand holding the pool edge behind the figure. */
const HOLD_EDGE: PosePatch = { shoulderLAbd: 70, shoulderLFlex: 20, elbowL: 30 };

const legSwings: ClipDef = (() => {
	const fwd = standing(HOLD_EDGE, { hipRFlex: 38, kneeR: 6, ankleR: -10 });
	const back = standing(HOLD_EDGE, { hipRFlex: -22, kneeR: 6, ankleR: -10 });
	const mid = standing(HOLD_EDGE, { hipRFlex: 8, kneeR: 8, ankleR: -10 });
	return {
		id: 'leg-swings',
		loopPart: 'kick',
		side: 'right',
		description: 'Standing side-on to the pool edge, holding it: the outside leg swings forward and back from the hip, trunk still.',
		setting: 'pool',
		waterLevel: WATER,
		highlight: ['legR'],
		anchor: 'ankleL',
		motion: { kind: 'cycle', poses: [mid, fwd, mid, back], period: 2.0, cycles: 3, poster: 1 }
	};
})();

const edgeKicks: ClipDef = (() => {
	const kick = (a: number): Pose =>
		pose(PRONE, {
			pitch: -84,
			y: WATER - 0.14,
			shoulderRFlex: 168,
			shoulderLFlex: 168,
			elbowR: 12,
			elbowL: 12,
			neckFlex: -10,
			hipRFlex: a,
			hipLFlex: -a,
			kneeR: 12 + Math.max(0, a) * 0.6,
			kneeL: 12 + Math.max(0, -a) * 0.6,
			ankleR: -45,
			ankleL: -45
		});
	const sk = place(kick(0), { ground: false, props: [] });
	const edge = sk.handR[0] + 0.06;
	return {
		id: 'edge-kicks',
		loopPart: 'kick',
		description: 'Holding the pool edge with both hands, body floating out behind: small, quick kicks from the hips, head low.',
		setting: 'pool',
		waterLevel: WATER,
		highlight: ['legs'],
		ground: false,
		props: [{ kind: 'box', center: [edge + 0.3, (WATER + 0.15) / 2, 0], size: [0.6, WATER + 0.15, 2], color: PALETTE.wall, layer: 'back' }],
		motion: { kind: 'cycle', poses: [kick(0), kick(16), kick(0), kick(-16)], period: 0.8, cycles: 6, poster: 1 }
	};
})();

const armSwings: ClipDef = (() => {
	const arms = (a: number) => standing({ kneeR: 8, kneeL: 8, hipRFlex: 6, hipLFlex: 6, shoulderRFlex: a, shoulderLFlex: a, elbowR: 14, elbowL: 14 });
	return {
		id: 'arm-swings',
		loopPart: 'swing',
		description: 'Standing in chest-deep water with soft knees: both arms swing forward and back under the water, trunk steady.',
		setting: 'pool',
		waterLevel: WATER,
		highlight: ['arms'],
		anchor: 'ankleR',
		motion: { kind: 'cycle', poses: [arms(8), arms(55), arms(8), arms(-40)], period: 2.0, cycles: 3, poster: 1 }
	};
})();

const trunkRotation: ClipDef = (() => {
	const turn = (a: number) => standing(FACING, { kneeR: 8, kneeL: 8, hipRAbd: 6, hipLAbd: 6, shoulderRFlex: 55, shoulderLFlex: 55, elbowR: 80, elbowL: 80, shoulderRAbd: 15, shoulderLAbd: 15, thoraxTwist: a, lumbarTwist: a * 0.4, neckTwist: a * 0.3 });
	return {
		id: 'trunk-rotation',
		loopPart: 'turn',
		description: 'Standing in the water, arms bent in front: the upper body turns gently from side to side while the hips face forward.',
		camera: { yaw: 0, pitch: 28 },
		setting: 'pool',
		waterLevel: WATER,
		highlight: ['thorax', 'shoulders', 'arms'],
		anchor: 'pelvis',
		motion: { kind: 'cycle', poses: [turn(0), turn(32), turn(0), turn(-32)], period: 3.0, cycles: 2, poster: 1 }
	};
})();

const squat: ClipDef = (() => {
	const armsFwd: PosePatch = { shoulderRFlex: 80, shoulderLFlex: 80, elbowR: 5, elbowL: 5 };
	const up = standing(armsFwd);
	const down = flatFeet(pose(STAND, armsFwd, { hipRFlex: 80, hipLFlex: 80, kneeR: 88, kneeL: 88, lumbarFlex: -14, shoulderRFlex: 62, shoulderLFlex: 62 }));
	return {
		id: 'squat',
		description: 'Standing in the water, arms forward: sitting back and down as if onto a chair, heels down, then standing up.',
		setting: 'pool',
		waterLevel: WATER,
		highlight: ['legs'],
		anchor: 'ankleR',
		motion: { kind: 'keys', poster: 1, keys: [key(up, 1.3, 0.9), key(down, 1.4, 1.6)] }
	};
})();

const singleLegSquat: ClipDef = (() => {
	const up = standing(HOLD_EDGE, { hipLFlex: 8, kneeL: 55, ankleL: -20 });
	const down = flatFeet(pose(STAND, HOLD_EDGE, { hipRFlex: 42, kneeR: 52, lumbarFlex: -12, hipLFlex: 30, kneeL: 70, ankleL: -20 }), 'R');
	return {
		id: 'single-leg-squat',
		side: 'right',
		description: 'Standing on one leg beside the pool edge, holding it lightly: the standing knee and hip bend a little, then straighten.',
		setting: 'pool',
		waterLevel: WATER,
		highlight: ['legR'],
		anchor: 'ankleR',
		motion: { kind: 'keys', poster: 1, keys: [key(flatFeet(up, 'R'), 1.3, 0.9), key(down, 1.4, 1.6)] }
	};
})();

const hipAbduction: ClipDef = (() => {
	const hold: PosePatch = { shoulderLAbd: 60, elbowL: 20 };
	const up = standing(FACING, hold);
	const lift = standing(FACING, hold, { hipRAbd: 34, lumbarSide: 2 });
	const sk = place(up, { ground: false, props: [] });
	const edge = sk.handL[0] + 0.05;
	return {
		id: 'hip-abduction',
		side: 'right',
		description: 'Standing side-on to the pool edge, holding it: the outside leg lifts out to the side with toes forward, then returns.',
		setting: 'pool',
		waterLevel: WATER,
		highlight: ['legR'],
		anchor: 'ankleL',
		props: [{ kind: 'box', center: [edge + 0.3, (WATER + 0.12) / 2, 0], size: [0.6, WATER + 0.12, 2], color: PALETTE.wall, layer: 'back' }],
		motion: { kind: 'keys', poster: 1, keys: [key(flatFeet(up), 1.3, 0.9), key(flatFeet(lift, 'L'), 1.3, 1.4)] }
	};
})();

const multidirectionalLunge: ClipDef = (() => {
	const up = standing({ shoulderRAbd: 10, shoulderLAbd: 10 });
	// Both feet stay on the floor: the moving leg's knee and hip are solved so its foot is
	// as low as the standing foot.
	const feetDown = (p: Pose, s: 'R' | 'L'): Pose =>
		solve(p, s === 'R' ? ['hipRFlex', 'kneeR'] : ['hipLFlex', 'kneeL'], [(q) => (s === 'R' ? [q.toeR[1] - q.heelL[1]] : [q.toeL[1] - q.heelR[1]])]);
	const forward = feetDown(flatFeet(pose(STAND, { hipRFlex: 62, kneeR: 72, hipLFlex: -18, kneeL: 40, ankleL: 20 }), 'R'), 'L');
	const side = flatFeet(pose(STAND, { hipRAbd: 38, hipRFlex: 40, kneeR: 70, hipLAbd: 10, hipRRot: 20 }));
	const back = feetDown(flatFeet(pose(STAND, { hipRFlex: -22, kneeR: 85, hipLFlex: 58, kneeL: 72, ankleR: 25 }), 'L'), 'R');
	return {
		id: 'multidirectional-lunge',
		side: 'right',
		description: 'Standing tall in the water: a lunge forward, then to the side, then backward with the same leg, each time pushing back to standing.',
		camera: { yaw: 45, pitch: 5 },
		setting: 'pool',
		waterLevel: WATER,
		highlight: ['legR'],
		anchor: 'ankleL',
		motion: {
			kind: 'keys',
			poster: 1,
			keys: [key(up, 0.7, 0.3), key(forward, 0.8, 0.4), key(up, 0.8, 0.2), key(side, 0.8, 0.4), key(up, 0.8, 0.2), key(back, 0.8, 0.4)]
		}
	};
})();

const stepUp: ClipDef = (() => {
	const stepTop = 0.25;
	const stepX = 0.3;
	const box: Prop = { kind: 'box', center: [stepX + 0.3, stepTop / 2, 0], size: [0.6, stepTop, 1.2], color: PALETTE.prop, layer: 'back', solid: true };
	const a = standing({ x: 0 });
	const oneUp = flatFeet(pose(STAND, { x: 0.12, hipRFlex: 68, kneeR: 85, hipLFlex: -6, kneeL: 8 }));
	const bothUp = standing({ x: 0.62 });
	const oneDown = flatFeet(pose(STAND, { x: 0.5, hipRFlex: -14, kneeR: 8, hipLFlex: 10, kneeL: 40 }));
	return {
		id: 'step-up',
		side: 'right',
		description: 'Facing a pool step: stepping up with one leg, bringing the other foot up beside it, then stepping down leading with the same leg.',
		setting: 'pool',
		waterLevel: WATER,
		highlight: ['legR'],
		props: [box],
		motion: { kind: 'keys', poster: 1, keys: [key(a, 0.9, 0.5), key(oneUp, 1.0, 0.5), key(bothUp, 0.9, 0.5), key(oneDown, 0.9, 0.4)] }
	};
})();

export const CLIPS: readonly ClipDef[] = [
	pelvicTilt,
	kneeToChest,
	kneesTogetherTwist,
	catCamel,
	figure4,
	childsPose,
	standingBackBend,
	yogaBreathing,
	mountain,
	chairPose,
	shoulderOpener,
	crescentMoon,
	dogAtWall,
	chairTwist,
	cobra,
	locust,
	supportedBridge,
	recliningCobbler,
	triangleAtWall,
	sphinx,
	forwardBendAtWall,
	extendedLeg,
	warrior,
	sunSalutation,
	babyDancer,
	spinalRolls,
	seatedPelvicTilt,
	seatedFigure4,
	seatedHamstringStretch,
	standingHipFlexor,
	proneLying,
	pronePressUp,
	waterWalkForwards,
	waterWalkBackwards,
	waterWalkSideways,
	marching,
	legSwings,
	edgeKicks,
	armSwings,
	trunkRotation,
	multidirectionalLunge,
	squat,
	stepUp,
	singleLegSquat,
	hipAbduction,
	coolDownWalk
];
