/**
 * Every picture a back-school talk shows is the stage's shape (16:9) and has no text smaller
 * than 40 units per 1600 of width: at 1920 px on a projector that is 48 px, capitals about
 * 35 mm on a 2.5 m picture, enough from the back of a room (DESIGN.md: distance / 170). A
 * picture drawn for another shape, or a label drawn small, fails here before it reaches a room.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEDIA, shippedCatalog, shippedRoutines } from './shipped';
import { svgProblems } from './svg-legibility';

const catalog = shippedCatalog();
const used = new Set(shippedRoutines().flatMap((r) => r.education.map((b) => b.image).filter((id): id is string => id !== undefined)));

describe('talk pictures are legible from the back of a room', () => {
	it('some talks have pictures', () => {
		expect(used.size).toBeGreaterThan(10);
	});

	for (const id of [...used].sort()) {
		it(`${id}: 16:9, every text at least 40 per 1600 of width`, () => {
			const entry = catalog.images[id];
			expect(entry, `${id} is not in the media catalogue`).toBeDefined();
			expect(svgProblems(readFileSync(`${MEDIA}${entry?.file}`, 'utf8'))).toEqual([]);
		});
	}
});

describe('svgProblems', () => {
	const wide = (body: string, box = '0 0 1600 900') => `<svg viewBox="${box}">${body}</svg>`;

	it('passes large text on a 16:9 canvas, whatever its size', () => {
		expect(svgProblems(wide('<text font-size="40">a</text>'))).toEqual([]);
		expect(svgProblems(wide('<text font-size="24">a</text>', '0 0 960 540'))).toEqual([]);
	});

	it('finds a shape that is not 16:9, and a missing viewBox', () => {
		expect(svgProblems(wide('<text font-size="60">a</text>', '0 0 900 330'))).toEqual(['viewBox 900×330 is not 16:9']);
		expect(svgProblems('<svg><text font-size="60">a</text></svg>')).toEqual(['no viewBox']);
	});

	it('finds small text in attributes, style attributes and <style> rules', () => {
		expect(svgProblems(wide('<text font-size="38">a</text>'))).toEqual(['font-size="38" is 38 per 1600 wide, under 40']);
		expect(svgProblems(wide('<text style="fill: red; font-size: 20px">a</text>'))).toEqual(['style font-size 20 is 20 per 1600 wide, under 40']);
		expect(svgProblems(wide('<style>.note { font-size: 17px; fill: #333; }</style><text class="note">a</text>'))).toEqual([
			'<style> font-size 17 is 17 per 1600 wide, under 40'
		]);
	});

	it('finds text whose size is left to the browser (16 px)', () => {
		expect(svgProblems(wide('<text>a</text>'))).toEqual(['a <text> without a font-size of its own']);
		expect(svgProblems(wide('<text font-size="40"><tspan>a</tspan></text>'))).toEqual([]);
	});

	it('does not take sizes it cannot judge on trust', () => {
		expect(svgProblems(wide('<text font-size="3em">a</text>'))).toEqual(['font-size="3em" is not in units']);
	});
});
