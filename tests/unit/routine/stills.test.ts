import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/lib/routine/catalogue';
import { compile } from '../../../src/lib/routine/compile';
import { mediaCatalog, routine as routineSchema } from '../../../src/lib/routine/schema';
import { CATEGORY_STILLS, exerciseStill, routineStill, stepStill, STILL_FRAME } from '../../../src/lib/routine/stills';
import { MEDIA, shippedCatalog, shippedRoutines } from '../content/shipped';
import { fixtureRoutine } from './arbitraries';

const catalog = mediaCatalog.parse({
	sounds: {},
	videos: {
		'knee-clip': { files: ['video/knee.webm'], poster: 'video/knee.webp', duration: 6 },
		'no-poster': { files: ['video/plain.webm'], duration: 6 }
	},
	images: {
		spine: { file: 'images/spine.svg', alt: 'The lower back from the side.' },
		'bridge-still': { file: 'images/bridge.png', alt: 'A bridge.' },
		'relaxation-rest': { file: 'images/rest.svg', alt: 'Someone resting.' }
	}
});

const exercises = [
	{ id: 'walk', name: 'Water walking', position: 'in-water' as const, instructions: ['Walk.'], media: { video: 'no-poster' } },
	{ id: 'bridge', name: 'Bridge', position: 'lying' as const, instructions: ['Lift.'], media: { video: 'no-poster', image: 'bridge-still' } },
	{ id: 'knee', name: 'Knee to chest', position: 'lying' as const, instructions: ['Hug.'], media: { video: 'knee-clip', image: 'bridge-still' } },
	{ id: 'plain', name: 'Plain', position: 'standing' as const, instructions: ['Stand.'] }
];

const r = routineSchema.parse(
	fixtureRoutine({
		education: [
			{ id: 'why-move', title: 'Why movement helps', text: ['Movement feeds the discs.'], image: 'spine' },
			{ id: 'no-image', title: 'Pacing', text: ['Little and often.'] }
		],
		exercises,
		startingLevel: { level: 2, description: 'Level 2.' },
		levels: [
			{ name: 'One', steps: [{ exercise: 'knee', hold: 20 }] },
			{
				name: 'Two',
				steps: [
					{ education: 'why-move', seconds: 30 },
					{ exercise: 'walk', hold: 10 },
					{ rest: 10 },
					{ exercise: 'bridge', hold: 10 },
					{ education: 'no-image', seconds: 10 },
					{ exercise: 'plain', hold: 10 }
				]
			}
		]
	})
);

const byId = (id: string) => r.exercises.find((e) => e.id === id) as (typeof r.exercises)[number];

describe('exerciseStill', () => {
	it('is the clip’s poster, else the exercise’s image, else nothing', () => {
		expect(exerciseStill(byId('knee'), catalog)).toBe('video/knee.webp');
		expect(exerciseStill(byId('bridge'), catalog)).toBe('images/bridge.png');
		expect(exerciseStill(byId('walk'), catalog)).toBeNull();
		expect(exerciseStill(byId('plain'), catalog)).toBeNull();
	});
});

describe('stepStill', () => {
	it('gives each played step its exercise’s or its talk’s picture, and a rest none', () => {
		expect(compile(r, 2).steps.map((s) => stepStill(r, s, catalog))).toEqual([
			'images/spine.svg',
			null,
			null,
			'images/bridge.png',
			null,
			null
		]);
	});
});

describe('routineStill', () => {
	it('is the first exercise with a picture, in the order the starting level plays them', () => {
		// Level 2 is where this routine starts: its bridge comes before level 1's knee to chest.
		expect(routineStill(r, catalog)).toBe('images/bridge.png');
		const fromLevelOne = routineSchema.parse({ ...fixtureRoutine({ exercises, levels: r.levels }), startingLevel: { level: 1, description: 'x' } });
		expect(routineStill(fromLevelOne, catalog)).toBe('video/knee.webp');
	});

	it('looks in the other levels when the starting level has no picture, then falls back to the category’s picture', () => {
		const levels = [
			{ name: 'One', steps: [{ exercise: 'plain', hold: 10 }] },
			{ name: 'Two', steps: [{ exercise: 'knee', hold: 10 }] }
		];
		expect(routineStill(routineSchema.parse(fixtureRoutine({ exercises, levels })), catalog)).toBe('video/knee.webp');
		const bare = (category: 'relaxation' | 'stretching') =>
			routineSchema.parse(fixtureRoutine({ category, exercises, levels: [{ name: 'One', steps: [{ exercise: 'plain', hold: 10 }] }] }));
		expect(routineStill(bare('relaxation'), catalog)).toBe('images/rest.svg');
		expect(routineStill(bare('stretching'), catalog)).toBeNull();
	});

	it('reaches the card as a URL under the media base', () => {
		expect(summarize(r, catalog).still).toBe('/media/images/bridge.png');
		expect(summarize(r, catalog, '/m/').still).toBe('/m/images/bridge.png');
		expect(summarize(r).still).toBeNull();
	});
});

/** Width and height of a WebP (lossy, lossless or extended) or of an SVG's viewBox. */
function pictureSize(file: string): { width: number; height: number } {
	const bytes = readFileSync(file);
	if (file.endsWith('.svg')) {
		const box = /viewBox="\s*[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+([\d.]+)\s*"/.exec(bytes.toString('utf8'));
		if (!box) throw new Error(`${file} has no viewBox`);
		return { width: Number(box[1]), height: Number(box[2]) };
	}
	const chunk = bytes.toString('latin1', 12, 16);
	if (chunk === 'VP8 ') return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
	if (chunk === 'VP8L') {
		const bits = bytes.readUInt32LE(21);
		return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
	}
	if (chunk === 'VP8X') return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
	throw new Error(`${file}: not a WebP or SVG this test can read`);
}

describe('the shipped content', () => {
	const shipped = shippedCatalog();

	it('gives every routine a card picture that exists, in the 16:9 frame the page reserves for it', () => {
		for (const routine of shippedRoutines()) {
			const still = routineStill(routine, shipped);
			expect(still, `${routine.id} has no picture for its card`).not.toBeNull();
			const file = `${MEDIA}${still}`;
			expect(existsSync(file), file).toBe(true);
			const { width, height } = pictureSize(file);
			expect(width / height, file).toBeCloseTo(STILL_FRAME.width / STILL_FRAME.height, 2);
		}
	});

	it('has the relaxation picture in its catalogue', () => {
		const id = CATEGORY_STILLS.relaxation as string;
		expect(shipped.images[id]?.file).toBe('images/relaxation.svg');
		expect(pictureSize(`${MEDIA}images/relaxation.svg`)).toEqual({ width: 1280, height: 720 });
	});
});
