import { describe, expect, it } from 'vitest';
import type { ContentFile } from '$lib/routine/content-set';
import { formatProblem } from '$lib/routine/problems';
import { mergeClinicContent } from '$lib/server/clinic-content/merge';
import { catalogText, courseText, edit, positionOf, routineText } from '../../routine/content-fixtures';

const shipped: ContentFile[] = [
	{ file: 'src/content/routines/fixture-stretch.yaml', text: routineText },
	{ file: 'src/content/courses/fixture-course.yaml', text: courseText },
	{ file: 'src/content/media.yaml', text: catalogText }
];

const clinicRoutine = (id: string) => edit(edit(routineText, 'id: fixture-stretch', `id: ${id}`), 'title: Fixture stretch', `title: Clinic ${id}`);
const DIR = '/srv/clinic';

describe('mergeClinicContent', () => {
	it('adds clean clinic routines and courses to the shipped ones', () => {
		const course = edit(edit(courseText, 'id: fixture-course', 'id: clinic-course'), 'routine: fixture-stretch', 'routine: clinic-knees');
		const merged = mergeClinicContent(shipped, [
			{ file: `${DIR}/routines/clinic-knees.yaml`, text: clinicRoutine('clinic-knees') },
			{ file: `${DIR}/courses/clinic-course.yaml`, text: course }
		]);
		expect(merged.problems).toEqual([]);
		expect(merged.set.routines.map((r) => r.id).sort()).toEqual(['clinic-knees', 'fixture-stretch']);
		expect(merged.set.courses.map((c) => c.id).sort()).toEqual(['clinic-course', 'fixture-course']);
		expect(merged.leftOut).toEqual([]);
	});

	it('leaves out a broken file with its problems placed at line and column, and keeps the good ones', () => {
		const broken = edit(clinicRoutine('clinic-broken'), 'sessionsPerWeek: 3', 'sessionsPerWeek: lots');
		const merged = mergeClinicContent(shipped, [
			{ file: `${DIR}/routines/clinic-good.yaml`, text: clinicRoutine('clinic-good') },
			{ file: `${DIR}/routines/clinic-broken.yaml`, text: broken }
		]);
		expect(merged.set.routines.map((r) => r.id).sort()).toEqual(['clinic-good', 'fixture-stretch']);
		expect(merged.leftOut).toEqual([`${DIR}/routines/clinic-broken.yaml`]);
		const at = positionOf(broken, 'lots');
		expect(merged.problems.map((p) => [p.file, p.line, p.column])).toEqual([[`${DIR}/routines/clinic-broken.yaml`, at.line, at.column]]);
		expect(formatProblem(merged.problems[0]!)).toMatch(new RegExp(`^${DIR}/routines/clinic-broken.yaml:${at.line}:${at.column}: `));
	});

	it('refuses a routine id that a shipped routine has, naming both files', () => {
		const text = edit(routineText, 'title: Fixture stretch', 'title: Our own version');
		const merged = mergeClinicContent(shipped, [{ file: `${DIR}/routines/stretch.yaml`, text }]);
		expect(merged.set.routines.map((r) => r.title)).toEqual(['Fixture stretch']);
		expect(merged.problems).toHaveLength(1);
		const [problem] = merged.problems;
		expect(problem).toMatchObject({ file: `${DIR}/routines/stretch.yaml`, ...positionOf(text, 'fixture-stretch') });
		expect(problem?.message).toContain('src/content/routines/fixture-stretch.yaml');
		expect(problem?.message).toContain(`${DIR}/routines/stretch.yaml`);
	});

	it('leaves out a course whose routine was left out, saying so', () => {
		const broken = edit(clinicRoutine('clinic-knees'), 'sessionsPerWeek: 3', 'sessionsPerWeek: lots');
		const course = edit(edit(courseText, 'id: fixture-course', 'id: clinic-course'), 'routine: fixture-stretch', 'routine: clinic-knees');
		const merged = mergeClinicContent(shipped, [
			{ file: `${DIR}/routines/clinic-knees.yaml`, text: broken },
			{ file: `${DIR}/courses/clinic-course.yaml`, text: course }
		]);
		expect(merged.set.courses.map((c) => c.id)).toEqual(['fixture-course']);
		expect([...merged.leftOut].sort()).toEqual([`${DIR}/courses/clinic-course.yaml`, `${DIR}/routines/clinic-knees.yaml`]);
		expect(merged.problems.some((p) => p.file.endsWith('clinic-course.yaml') && p.message.includes('clinic-knees'))).toBe(true);
	});

	it('refuses two clinic files with one id, and a clinic catalogue that reuses shipped ids', () => {
		const merged = mergeClinicContent(shipped, [
			{ file: `${DIR}/routines/a.yaml`, text: clinicRoutine('same') },
			{ file: `${DIR}/routines/b.yaml`, text: clinicRoutine('same') },
			{ file: `${DIR}/media.yaml`, text: catalogText }
		]);
		expect(merged.set.routines.map((r) => r.id)).toEqual(['fixture-stretch']);
		expect(new Set(merged.problems.map((p) => p.file))).toEqual(new Set([`${DIR}/routines/a.yaml`, `${DIR}/routines/b.yaml`, `${DIR}/media.yaml`]));
	});
});

/** A clinic catalogue with a clip of its own, and a routine that shows it and rings a clinic sound. */
const clinicCatalog = [
	'sounds:',
	'  clinic-gong:',
	'    files: [sounds/gong.webm]',
	'videos:',
	'  clinic-knee:',
	'    files: [video/knee.webm, video/knee.mp4]',
	'    poster: video/knee.webp',
	'    duration: 6',
	'images: {}',
	''
].join('\n');
const clinicFiles = new Set(['sounds/gong.webm', 'video/knee.webm', 'video/knee.mp4', 'video/knee.webp']);
const clinicMedia = { mediaFileExists: (rel: string) => clinicFiles.has(rel), dir: `${DIR}/media` };
const withClinicClip = edit(
	edit(clinicRoutine('clinic-knees'), '      image: knee-picture', '      video: clinic-knee'),
	'        kind: breathe\n        sound: bell',
	'        kind: breathe\n        sound: clinic-gong'
);

describe("mergeClinicContent with the clinic's own media.yaml", () => {
	it('merges its clips and sounds with the shipped catalogue, so a clinic routine may name both', () => {
		const merged = mergeClinicContent(
			shipped,
			[
				{ file: `${DIR}/media.yaml`, text: clinicCatalog },
				{ file: `${DIR}/routines/clinic-knees.yaml`, text: withClinicClip }
			],
			() => true,
			clinicMedia
		);
		expect(merged.problems).toEqual([]);
		expect([...merged.loaded].sort()).toEqual([`${DIR}/media.yaml`, `${DIR}/routines/clinic-knees.yaml`]);
		expect(merged.set.catalog?.videos['clinic-knee']?.files).toEqual(['video/knee.webm', 'video/knee.mp4']);
		expect(Object.keys(merged.set.catalog?.sounds ?? {}).sort()).toEqual(['bell', 'clinic-gong']);
		expect(merged.set.catalog?.images['knee-picture']).toBeDefined();
		expect(merged.set.routines.map((r) => r.id).sort()).toEqual(['clinic-knees', 'fixture-stretch']);
	});

	it('places its problems at FILE:LINE:COLUMN, leaves it out, and the routines that need it', () => {
		const broken = edit(clinicCatalog, 'duration: 6', 'duration: long');
		const merged = mergeClinicContent(
			shipped,
			[
				{ file: `${DIR}/media.yaml`, text: broken },
				{ file: `${DIR}/routines/clinic-knees.yaml`, text: withClinicClip },
				{ file: `${DIR}/routines/clinic-plain.yaml`, text: clinicRoutine('clinic-plain') }
			],
			() => true,
			clinicMedia
		);
		const at = positionOf(broken, 'long');
		expect(formatProblem(merged.problems.find((p) => p.file === `${DIR}/media.yaml`)!)).toMatch(
			new RegExp(`^${DIR}/media.yaml:${at.line}:${at.column}: `)
		);
		expect([...merged.leftOut].sort()).toEqual([`${DIR}/media.yaml`, `${DIR}/routines/clinic-knees.yaml`]);
		expect(merged.problems.some((p) => p.file.endsWith('clinic-knees.yaml') && p.message.includes('no video "clinic-knee"'))).toBe(true);
		expect(merged.set.routines.map((r) => r.id).sort()).toEqual(['clinic-plain', 'fixture-stretch']);
		expect(merged.set.catalog?.videos['clinic-knee']).toBeUndefined();
	});

	it('says which file is missing from the clinic media folder', () => {
		const merged = mergeClinicContent(shipped, [{ file: `${DIR}/media.yaml`, text: clinicCatalog }], () => true, {
			...clinicMedia,
			mediaFileExists: (rel) => rel !== 'video/knee.mp4'
		});
		expect(merged.problems).toHaveLength(1);
		expect(merged.problems[0]).toMatchObject({ file: `${DIR}/media.yaml`, ...positionOf(clinicCatalog, 'video/knee.mp4') });
		expect(merged.problems[0]?.message).toBe(`file ${DIR}/media/video/knee.mp4 does not exist`);
		expect(merged.leftOut).toEqual([`${DIR}/media.yaml`]);
	});

	it('refuses an id the shipped catalogue has, naming both files', () => {
		const clash = edit(clinicCatalog, '  clinic-gong:', '  bell:');
		const merged = mergeClinicContent(shipped, [{ file: `${DIR}/media.yaml`, text: clash }], () => true, clinicMedia);
		expect(merged.problems).toHaveLength(1);
		const [problem] = merged.problems;
		expect(problem).toMatchObject({ file: `${DIR}/media.yaml`, ...positionOf(clash, 'bell') });
		expect(problem?.message).toContain('sound id "bell"');
		expect(problem?.message).toContain('src/content/media.yaml');
		expect(problem?.message).toContain(`${DIR}/media.yaml`);
		// The shipped sound is the one kept.
		expect(merged.set.catalog?.sounds.bell?.files).toEqual(['sounds/bell.webm']);
		expect(merged.set.catalog?.videos['clinic-knee']).toBeUndefined();
	});

	it('lets a clinic clip name a shipped clip for its other side', () => {
		const shippedWithClip = [
			...shipped.filter((f) => !f.file.endsWith('media.yaml')),
			{ file: 'src/content/media.yaml', text: `${catalogText.trimEnd()}\nvideos:\n  shipped-left:\n    files: [video/l.webm]\n    duration: 5\n    side: left\n` }
		];
		const text = edit(clinicCatalog, '    duration: 6', '    duration: 6\n    side: right\n    otherSide: shipped-left');
		const merged = mergeClinicContent(shippedWithClip, [{ file: `${DIR}/media.yaml`, text }], () => true, clinicMedia);
		expect(merged.problems).toEqual([]);
		const missing = edit(clinicCatalog, '    duration: 6', '    duration: 6\n    side: right\n    otherSide: nowhere');
		const refused = mergeClinicContent(shippedWithClip, [{ file: `${DIR}/media.yaml`, text: missing }], () => true, clinicMedia);
		expect(refused.problems[0]?.message).toContain('no video "nowhere" for the other side');
	});

	it('throws when the shipped content itself is broken, as before', () => {
		const bad = [{ ...shipped[0]!, text: edit(routineText, 'sessionsPerWeek: 3', 'sessionsPerWeek: lots') }, ...shipped.slice(1)];
		expect(() => mergeClinicContent(bad, [])).toThrow(/content is invalid/);
	});
});
