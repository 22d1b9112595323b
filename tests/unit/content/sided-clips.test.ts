/**
 * A sided exercise names one clip for both sides: the clip must say which side it shows,
 * so the player can mirror it (or use its other-side clip) for the other one, and the video
 * always matches the side being named.
 */
import { describe, expect, it } from 'vitest';
import { shippedCatalog, shippedRoutines } from './shipped';

const catalog = shippedCatalog();
const routines = shippedRoutines();

describe('clips of sided exercises', () => {
	const sided = new Map<string, string[]>();
	for (const r of routines) {
		for (const e of r.exercises) {
			if (e.sided && e.media?.video) sided.set(e.media.video, [...(sided.get(e.media.video) ?? []), `${r.id}/${e.id}`]);
		}
	}

	it('there are some', () => {
		expect(sided.size).toBeGreaterThan(5);
	});

	for (const [clip, users] of sided) {
		it(`${clip} (${users.join(', ')}) has a second-side rule`, () => {
			const v = catalog.videos[clip];
			expect(v, `${clip} is not in media.yaml`).toBeDefined();
			expect(v?.side, `${clip}: say which side it shows (side: left or right) in media.yaml`).toMatch(/^(left|right)$/);
			const other = v?.otherSide ?? 'mirror';
			if (other !== 'mirror') expect(Object.hasOwn(catalog.videos, other), `${clip}: otherSide ${other} is not a clip`).toBe(true);
		});
	}
});
