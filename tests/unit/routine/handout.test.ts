import { describe, expect, it } from 'vitest';
import { frequencyText } from '../../../src/lib/routine/format';
import { handout, type HandoutStep } from '../../../src/lib/routine/handout';
import { compile } from '../../../src/lib/routine/compile';
import { mediaCatalog, routine as routineSchema } from '../../../src/lib/routine/schema';
import { fixtureRoutine } from './arbitraries';

const catalog = mediaCatalog.parse({
	sounds: {},
	videos: {
		'knee-clip': { files: ['video/knee.webm'], poster: 'video/knee.webp', duration: 6 },
		'no-poster': { files: ['video/plain.webm'], duration: 6 }
	},
	images: {
		spine: { file: 'images/spine.svg', alt: 'The lower back from the side.' },
		'bridge-still': { file: 'images/bridge.png', alt: 'Unused alt.' }
	}
});

const r = routineSchema.parse(
	fixtureRoutine({
		equipment: ['Mat'],
		frequency: { sessionsPerWeek: 3, weeks: 8 },
		safety: { stopRules: ['Stop if leg symptoms spread.'], notes: ['Soreness is common.'] },
		education: [
			{ id: 'why-move', title: 'Why movement helps', text: ['Movement feeds the discs.', 'Little and often.'], image: 'spine' }
		],
		exercises: [
			{
				id: 'knee',
				name: 'Knee to chest',
				position: 'lying',
				sided: true,
				instructions: ['Lie on your back.', 'Draw one knee up.'],
				mistakes: ['Pulling on the knee joint.'],
				easier: 'Keep the other leg bent.',
				harder: 'Straighten the other leg.',
				media: { video: 'knee-clip' }
			},
			{
				id: 'bridge',
				name: 'Bridge',
				position: 'lying',
				instructions: ['Lift your hips.'],
				equipment: ['Cushion (optional)'],
				media: { image: 'bridge-still' }
			},
			{ id: 'walk', name: 'Water walking', position: 'in-water', instructions: ['Walk.'], media: { video: 'no-poster' } },
			{ id: 'unused', name: 'Unused', position: 'standing', instructions: ['x'], equipment: ['Chair'] }
		],
		levels: [
			{
				name: 'Gentle',
				description: 'Start here.',
				steps: [
					{ education: 'why-move', seconds: 30 },
					{ exercise: 'knee', sets: 2, hold: 20, restAfter: 10, intensity: 'A gentle stretch', note: 'Breathe out as you pull.' },
					{ rest: 30, title: 'Get into position', say: 'Roll onto your back.' },
					{ exercise: 'bridge', reps: 5, hold: 3 },
					{ exercise: 'walk', hold: 60 },
					{ exercise: 'knee', hold: 30 },
					{ education: 'why-move', seconds: 10 }
				]
			},
			{ name: 'Harder', steps: [{ exercise: 'knee', hold: 30 }] }
		]
	})
);

const h = handout(r, 1, catalog);
const step = (n: number): HandoutStep => h.steps[n - 1] as HandoutStep;

describe('handout', () => {
	it('heads the sheet with the routine, the level, how often and how long', () => {
		expect(h).toMatchObject({
			routineId: 'fixture',
			title: 'Fixture routine',
			level: 1,
			levelCount: 2,
			levelName: 'Gentle',
			levelDescription: 'Start here.',
			durationMs: compile(r, 1).durationMs,
			frequency: 'About 3 sessions a week for 8 weeks.',
			stopRules: ['Stop if leg symptoms spread.'],
			safetyNotes: ['Soreness is common.']
		});
	});

	it('lists the routine’s equipment, and each exercise what it needs', () => {
		expect(h.equipment).toEqual(['Mat']);
		expect(step(4)).toMatchObject({ kind: 'exercise', equipment: ['Cushion (optional)'] });
		expect(step(2)).toMatchObject({ kind: 'exercise', equipment: [] });
	});

	it('without a routine list, gathers what this level’s exercises need, not other levels’', () => {
		const bare = routineSchema.parse({ ...r, equipment: [] });
		expect(handout(bare, 1, catalog).equipment).toEqual(['Cushion (optional)']);
		expect(handout(bare, 2, catalog).equipment).toEqual([]);
	});

	it('has every step in played order, with the dosage table’s titles and dosage lines', () => {
		const timeline = compile(r, 1);
		expect(h.steps.map((s) => [s.number, s.kind, s.title, s.dosage])).toEqual(
			timeline.steps.map((t, i) => [i + 1, t.kind, t.title, t.dosage])
		);
	});

	it('gives an exercise its poster, named by exercise and position, and its how-to', () => {
		expect(step(2)).toEqual({
			number: 2,
			kind: 'exercise',
			title: 'Knee to chest',
			dosage: compile(r, 1).steps[1]?.dosage,
			position: 'Lying',
			picture: { src: '/media/video/knee.webp', alt: 'Knee to chest, lying' },
			sameAs: null,
			instructions: ['Lie on your back.', 'Draw one knee up.'],
			mistakes: ['Pulling on the knee joint.'],
			easier: 'Keep the other leg bent.',
			harder: 'Straighten the other leg.',
			intensity: 'A gentle stretch',
			note: 'Breathe out as you pull.',
			equipment: []
		});
	});

	it.each<[number, unknown]>([
		[4, { src: '/media/images/bridge.png', alt: 'Bridge, lying' }], // an image when there is no clip
		[5, null] // a clip without a poster: no picture
	])('step %d picture: %j', (n, picture) => {
		const s = step(n);
		expect(s.kind !== 'rest' && s.picture).toEqual(picture);
	});

	it('names the position in water in words', () => {
		const s = step(5);
		expect(s.kind === 'exercise' && s.position).toBe('In water');
	});

	it('refers a repeated exercise or lesson back to its first step', () => {
		expect(step(6)).toMatchObject({ kind: 'exercise', sameAs: 2, picture: { alt: 'Knee to chest, lying' } });
		expect(step(7)).toMatchObject({ kind: 'education', sameAs: 1 });
	});

	it('shows an education block’s text and image with the catalogue’s alt text', () => {
		expect(step(1)).toMatchObject({
			kind: 'education',
			title: 'Why movement helps',
			text: ['Movement feeds the discs.', 'Little and often.'],
			picture: { src: '/media/images/spine.svg', alt: 'The lower back from the side.' },
			sameAs: null
		});
	});

	it('keeps a rest as a short line with what is said', () => {
		expect(step(3)).toEqual({
			number: 3,
			kind: 'rest',
			title: 'Get into position',
			dosage: compile(r, 1).steps[2]?.dosage,
			say: 'Roll onto your back.'
		});
	});

	it('serves pictures from another base when asked', () => {
		const s = handout(r, 1, catalog, 'https://cdn.example/m/').steps[1];
		expect(s?.kind === 'exercise' && s.picture?.src).toBe('https://cdn.example/m/video/knee.webp');
	});

	it('refuses a level the routine does not have', () => {
		expect(() => handout(r, 3, catalog)).toThrow(RangeError);
	});
});

describe('frequencyText', () => {
	it.each<[{ sessionsPerWeek: number; weeks?: number }, string]>([
		[{ sessionsPerWeek: 3, weeks: 8 }, 'About 3 sessions a week for 8 weeks.'],
		[{ sessionsPerWeek: 1 }, 'About 1 session a week.'],
		[{ sessionsPerWeek: 7 }, 'About 7 sessions a week.'],
		[{ sessionsPerWeek: 2.5, weeks: 1 }, 'About 2.5 sessions a week for 1 week.'],
		[{ sessionsPerWeek: 0.5, weeks: 6 }, 'About 1 session every 2 weeks for 6 weeks.']
	])('%j → %s', (frequency, text) => {
		expect(frequencyText(frequency)).toBe(text);
	});
});
