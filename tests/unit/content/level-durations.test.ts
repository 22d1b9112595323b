/**
 * A level description that says how long the level takes ("About 28 minutes.") says what
 * the compiled timeline lasts, give or take less than a minute ("about" 30 for 29.5 is fair). Retiming a routine (as adding the
 * PMR "Get ready" phases did) otherwise leaves the old figure behind in the text people
 * choose a level by.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/lib/routine/compile';
import { shippedRoutines } from './shipped';

const ABOUT_MINUTES = /\babout (\d+) minutes?\b/gi;

describe('level descriptions', () => {
	for (const r of shippedRoutines()) {
		it(`of ${r.id} quote the compiled length`, () => {
			const wrong: string[] = [];
			r.levels.forEach((level, i) => {
				const minutes = compile(r, i + 1).durationMs / 60_000;
				for (const m of (level.description ?? '').matchAll(ABOUT_MINUTES)) {
					const said = Number(m[1]);
					if (Math.abs(said - minutes) >= 1) wrong.push(`level ${i + 1} (${level.name}) says about ${said} minutes; it lasts ${minutes.toFixed(1)}`);
				}
			});
			expect(wrong).toEqual([]);
		});
	}
});
