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
	it('every clip of an exercise with phases, in any routine and level, has parts (a clip without loops at its own pace against the repetition)', () => {
		const missing = new Set<string>();
		for (const r of shippedRoutines()) {
			for (const level of r.levels) {
				for (const step of level.steps) {
					if (!('exercise' in step) || !step.phases) continue;
					const video = r.exercises.find((e) => e.id === step.exercise)?.media?.video;
					if (video && !catalog.videos[video]?.parts) missing.add(`${video} (${r.id}: ${step.exercise})`);
				}
			}
		}
		expect([...missing]).toEqual([]);
	});

	it('a looping part is the whole clip and the clip has no other part', () => {
		for (const [id, v] of Object.entries(catalog.videos)) {
			const parts = Object.entries(v.parts ?? {});
			if (!parts.some(([, p]) => p.loop)) continue;
			expect(parts, id).toHaveLength(1);
			expect(parts[0]?.[1].in, id).toBe(0);
			expect(parts[0]?.[1].out, id).toBeCloseTo(v.duration, 3);
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
