/**
 * Base positions shared by many clips, and helpers for composing poses.
 */
import { pose, skeleton, type Pose, type PosePatch } from './figure';

/**
 * Turn each ankle so that foot is level with the floor, pointing along +x or −x,
 * whichever it is nearer (a foot standing or resting flat). Sagittal plane only.
 */
export function flatFeet(p: Pose, which: 'both' | 'R' | 'L' = 'both'): Pose {
	let out: Pose = p;
	for (const s of which === 'both' ? (['R', 'L'] as const) : [which]) {
		const key = s === 'R' ? 'ankleR' : 'ankleL';
		const angle = (q: Pose) => {
			const sk = skeleton(q);
			const heel = s === 'R' ? sk.heelR : sk.heelL;
			const toe = s === 'R' ? sk.toeR : sk.toeL;
			const a = Math.atan2(toe[1] - heel[1], Math.hypot(toe[0] - heel[0], toe[2] - heel[2]) * Math.sign(toe[0] - heel[0] || 1));
			// Distance from level, whichever way the foot points.
			return Math.abs(a) > Math.PI / 2 ? a - Math.sign(a) * Math.PI : a;
		};
		for (let i = 0; i < 4; i++) {
			const a0 = angle(out);
			const a1 = angle({ ...out, [key]: out[key] + 1 });
			const slope = a1 - a0;
			if (Math.abs(slope) < 1e-6) break;
			out = { ...out, [key]: out[key] - a0 / slope };
		}
	}
	return out;
}

/** Standing tall, arms relaxed by the sides. */
export const STAND: PosePatch = { elbowR: 8, elbowL: 8, shoulderRAbd: 4, shoulderLAbd: 4 };

/** Lying on the back, head to the left, knees bent and feet flat, arms by the sides. */
export const SUPINE_KNEES_BENT: PosePatch = {
	pitch: 90,
	hipRFlex: 48,
	kneeR: 100,
	hipLFlex: 48,
	kneeL: 100,
	// Arms resting on the floor a little away from the sides.
	shoulderRAbd: 22,
	shoulderLAbd: 22,
	shoulderRFlex: -8,
	shoulderLFlex: -8,
	elbowR: 4,
	elbowL: 4,
	lumbarFlex: -6,
	thoraxFlex: 4,
	neckFlex: 4
};

/** Lying on the front, head to the right, arms by the sides. */
export const PRONE: PosePatch = {
	pitch: -90,
	hipRFlex: 0,
	hipLFlex: 0,
	ankleR: -55,
	ankleL: -55,
	shoulderRAbd: 8,
	shoulderLAbd: 8,
	neckFlex: 10
};

/**
 * On hands and knees, head to the right: thighs and arms vertical, shins flat. With
 * thighs of 0.43 m and arms of 0.6 m the trunk rises about 21° toward the shoulders.
 */
export function allFours(pitch = -69, patch: PosePatch = {}): Pose {
	const p = pose({ pitch, hipRFlex: -pitch, hipLFlex: -pitch, kneeR: 90, kneeL: 90, ankleR: -80, ankleL: -80, neckFlex: 12 }, patch);
	const arm = -pitch + p.lumbarFlex + p.thoraxFlex;
	return { ...p, shoulderRFlex: arm, shoulderLFlex: arm };
}

export function standing(...patches: PosePatch[]): Pose {
	return flatFeet(pose(STAND, ...patches));
}

export function supine(...patches: PosePatch[]): Pose {
	return flatFeet(pose(SUPINE_KNEES_BENT, ...patches));
}
