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

	it('refuses two clinic files with one id, and a second media catalogue', () => {
		const merged = mergeClinicContent(shipped, [
			{ file: `${DIR}/routines/a.yaml`, text: clinicRoutine('same') },
			{ file: `${DIR}/routines/b.yaml`, text: clinicRoutine('same') },
			{ file: `${DIR}/media.yaml`, text: catalogText }
		]);
		expect(merged.set.routines.map((r) => r.id)).toEqual(['fixture-stretch']);
		expect(new Set(merged.problems.map((p) => p.file))).toEqual(new Set([`${DIR}/routines/a.yaml`, `${DIR}/routines/b.yaml`, `${DIR}/media.yaml`]));
	});

	it('throws when the shipped content itself is broken, as before', () => {
		const bad = [{ ...shipped[0]!, text: edit(routineText, 'sessionsPerWeek: 3', 'sessionsPerWeek: lots') }, ...shipped.slice(1)];
		expect(() => mergeClinicContent(bad, [])).toThrow(/content is invalid/);
	});
});
