/**
 * Every talk of the back-school lessons has a picture for the stage, with alt text and a
 * caption, whose file is an SVG with its own title and description: during a talk the
 * projector shows it instead of an exercise pose.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { talkPicture } from '../../../src/lib/routine/talk-picture';
import { MEDIA, shippedCatalog, shippedRoutines } from './shipped';

const catalog = shippedCatalog();
const lessons = shippedRoutines().filter((r) => r.category === 'back-school');

describe('back-school talk pictures', () => {
	it('covers the four lessons', () => {
		expect(lessons.map((r) => r.id)).toEqual(['back-school-lesson-1', 'back-school-lesson-2', 'back-school-lesson-3', 'back-school-lesson-4']);
	});

	for (const r of lessons) {
		it(`${r.id}: every talk has a picture with alt text and a caption`, () => {
			const problems: string[] = [];
			for (const b of r.education) {
				const picture = talkPicture(b, catalog.images);
				if (!picture) {
					problems.push(`${b.id}: no image in the media catalogue`);
					continue;
				}
				const entry = catalog.images[b.image as string];
				if (!entry?.caption) problems.push(`${b.id}: image ${b.image} has no caption`);
				if ((entry?.alt ?? '').split(/\s+/).length < 8) problems.push(`${b.id}: image ${b.image}'s alt text is too short to say what it shows`);
				const file = `${MEDIA}${entry?.file}`;
				if (!existsSync(file)) {
					problems.push(`${b.id}: ${entry?.file} is missing`);
					continue;
				}
				const svg = readFileSync(file, 'utf8');
				if (!/<title[^>]*>[^<]+<\/title>/.test(svg) || !/<desc[^>]*>[^<]+<\/desc>/.test(svg)) problems.push(`${b.id}: ${entry?.file} needs a <title> and a <desc>`);
				if (!/viewBox="0 0 \d+ \d+"/.test(svg)) problems.push(`${b.id}: ${entry?.file} needs a viewBox so it scales to the stage`);
			}
			expect(problems).toEqual([]);
		});
	}

	it('no picture is used for two different talks of one lesson', () => {
		for (const r of lessons) {
			const ids = r.education.map((b) => b.image);
			expect(new Set(ids).size, r.id).toBe(ids.length);
		}
	});
});
