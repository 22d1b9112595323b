/**
 * A phased step shows each phase by its part of the clip: every phase of every shipped
 * routine whose clip has parts names one that exists, and a clip's parts follow one another
 * inside it, so a repetition plays straight through.
 */
import { describe, expect, it } from 'vitest';
import { phasePartName } from '../../../src/lib/routine/compile';
import { shippedCatalog, shippedRoutines } from './shipped';

const catalog = shippedCatalog();

describe('clip parts', () => {
	it('the clips of the morning-mobility and back-school phases have parts', () => {
		for (const id of ['pelvic-tilt', 'cat-camel', 'standing-back-bend', 'seated-pelvic-tilt', 'chair-pose', 'yoga-breathing', 'prone-press-up']) {
			expect(catalog.videos[id]?.parts, id).toBeDefined();
		}
	});

	for (const [id, v] of Object.entries(catalog.videos)) {
		if (!v.parts) continue;
		it(`${id}: parts are back to back inside the clip`, () => {
			const parts = Object.values(v.parts ?? {});
			expect(parts[0]?.in).toBe(0);
			parts.forEach((p, i) => {
				expect(p.out).toBeGreaterThan(p.in);
				expect(p.out).toBeLessThanOrEqual(v.duration);
				if (i > 0) expect(p.in).toBeCloseTo(parts[i - 1]?.out ?? -1, 3);
			});
			expect(parts[parts.length - 1]?.out).toBeCloseTo(v.duration, 3);
		});
	}

	it('every phase of a clip with parts names one of them', () => {
		const problems: string[] = [];
		for (const r of shippedRoutines()) {
			for (const [l, level] of r.levels.entries()) {
				for (const step of level.steps) {
					if (!('exercise' in step) || !step.phases) continue;
					const video = r.exercises.find((e) => e.id === step.exercise)?.media?.video;
					const parts = video ? catalog.videos[video]?.parts : undefined;
					if (!parts) continue;
					for (const p of step.phases) if (!Object.hasOwn(parts, phasePartName(p))) problems.push(`${r.id} level ${l + 1} ${step.exercise}: ${p.name}`);
				}
			}
		}
		expect(problems).toEqual([]);
	});
});
