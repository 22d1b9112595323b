import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent, contentKind, type ContentFile } from '../../../src/lib/routine/content-set';
import { compareProblems } from '../../../src/lib/routine/problems';
import { catalogText, courseText, edit, positionOf, routineText } from './content-fixtures';

const fixtureSet: ContentFile[] = [
	{ file: 'content/routines/fixture-stretch.yaml', text: routineText },
	{ file: 'content/courses/fixture-course.yaml', text: courseText },
	{ file: 'content/media.yaml', text: catalogText }
];

const exists = () => true;

describe('contentKind', () => {
	it.each([
		['src/content/routines/cat-camel.yaml', 'routine'],
		['/tmp/x/routines/a.yaml', 'routine'],
		['routines/a.yaml', 'routine'],
		['C:\\content\\courses\\a.yaml', 'course'],
		['src/content/media.yaml', 'catalog'],
		['media.yaml', 'catalog'],
		['src/content/routines/nested/a.yaml', undefined],
		['src/content/routines/a.yml', undefined],
		['src/content/other.yaml', undefined],
		['src/content/mymedia.yaml', undefined]
	])('%s is a %s file', (file, kind) => {
		expect(contentKind(file)).toBe(kind);
	});
});

describe('checkContent', () => {
	it('returns the validated routines, courses and catalogue of a clean set', () => {
		const result = checkContent(fixtureSet, exists);
		expect(result.problems).toEqual([]);
		expect(result.routines.map((r) => r.id)).toEqual(['fixture-stretch']);
		expect(result.routines[0]?.levels[0]?.steps[0]).toMatchObject({ sets: 1 });
		expect(result.courses.map((c) => c.id)).toEqual(['fixture-course']);
		expect(Object.keys(result.catalog?.sounds ?? {})).toEqual(['bell']);
	});

	it('checks media files through the callback', () => {
		const result = checkContent(fixtureSet, (rel) => rel !== 'sounds/bell.webm');
		expect(result.problems.map((p) => [p.file, p.path, p.message])).toEqual([
			['content/media.yaml', 'sounds.bell.files.0', 'file static/media/sounds/bell.webm does not exist']
		]);
	});

	it('collects schema and reference problems of all files, sorted by file and position', () => {
		const brokenRoutine = edit(edit(routineText, 'title: Fixture stretch', 'title: 5'), '      - exercise: pelvic-tilt\n', '      - exercise: pelvic-tilt\n        tilt: 1\n');
		const otherRoutine = edit(edit(routineText, 'id: fixture-stretch', 'id: other'), '      - exercise: pelvic-tilt\n', '      - exercise: nope\n');
		const course = edit(courseText, 'routine: fixture-stretch', 'routine: missing');
		const result = checkContent(
			[
				{ file: 'c/routines/z.yaml', text: brokenRoutine },
				{ file: 'c/routines/a.yaml', text: otherRoutine },
				{ file: 'c/courses/k.yaml', text: course },
				{ file: 'c/media.yaml', text: catalogText }
			],
			exists
		);
		expect(result.problems.map((p) => [p.file, p.path])).toEqual([
			['c/courses/k.yaml', 'lessons.0.routine'],
			['c/routines/a.yaml', 'levels.0.steps.2.exercise'],
			['c/routines/z.yaml', 'title'],
			['c/routines/z.yaml', 'levels.0.steps.2.tilt']
		]);
		expect(result.problems).toEqual([...result.problems].sort(compareProblems));
		expect(result.routines.map((r) => r.id)).toEqual(['other']);
	});

	it('does not blame a course for a routine whose file is invalid', () => {
		const broken = edit(routineText, 'title: Fixture stretch', 'title: [not, text]');
		const result = checkContent([{ ...fixtureSet[0]!, text: broken }, fixtureSet[1]!, fixtureSet[2]!], exists);
		expect(result.problems.map((p) => [p.file, p.path])).toEqual([['content/routines/fixture-stretch.yaml', 'title']]);
	});

	it('reports a duplicate routine id across files in both', () => {
		const copy = { file: 'content/routines/copy.yaml', text: routineText };
		const result = checkContent([...fixtureSet, copy], exists);
		expect(result.problems.map((p) => [p.file, p.line, p.path])).toEqual([
			['content/routines/copy.yaml', positionOf(routineText, 'id: fixture').line, 'id'],
			['content/routines/fixture-stretch.yaml', positionOf(routineText, 'id: fixture').line, 'id']
		]);
	});

	it('reports files it cannot classify, suggesting .yaml for .yml', () => {
		const result = checkContent([...fixtureSet, { file: 'content/routines/x.yml', text: 'id: x\n' }, { file: 'content/notes.yaml', text: 'a: 1\n' }], exists);
		expect(result.problems.map((p) => [p.file, p.line, p.column, p.message])).toEqual([
			['content/notes.yaml', 1, 1, 'not a content file: expected routines/NAME.yaml, courses/NAME.yaml, media.yaml or plan.yaml'],
			['content/routines/x.yml', 1, 1, 'content files end in .yaml, not .yml; rename it']
		]);
	});

	it('reports a missing catalogue where it is expected, and skips media checks', () => {
		const result = checkContent(fixtureSet.slice(0, 2), () => false);
		expect(result.catalog).toBeNull();
		expect(result.problems.map((p) => [p.file, p.message])).toEqual([
			['content/media.yaml', 'the media catalogue media.yaml is missing; routines name their sounds and clips there']
		]);
	});

	it('reports a second catalogue and uses the first', () => {
		const result = checkContent([...fixtureSet, { file: 'other/media.yaml', text: 'sounds: {}\n' }], exists);
		expect(result.problems.map((p) => [p.file, p.message])).toEqual([
			['other/media.yaml', 'there must be one media catalogue, but content/media.yaml is one already']
		]);
		expect(Object.keys(result.catalog?.sounds ?? {})).toEqual(['bell']);
	});

	it('returns a null catalogue when the catalogue is invalid, with its problems', () => {
		const result = checkContent([fixtureSet[0]!, { file: 'content/media.yaml', text: 'sounds: []\n' }], exists);
		expect(result.catalog).toBeNull();
		expect(result.problems.map((p) => [p.file, p.path, p.message])).toEqual([
			['content/media.yaml', 'sounds', 'must be a mapping of names to entries, but is a list']
		]);
	});

	it('imports no node modules, directly or through its imports, so the app server can bundle it', () => {
		const seen = new Set<string>();
		const visit = (url: URL) => {
			if (seen.has(url.href)) return;
			seen.add(url.href);
			const source = readFileSync(fileURLToPath(url), 'utf8');
			for (const [, spec] of source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
				expect(spec, `${url.pathname} imports ${spec}`).not.toMatch(/^(node:|fs$|path$|url$|child_process$)/);
				if (spec?.startsWith('.')) visit(new URL(`${spec}.ts`, url));
			}
		};
		visit(new URL('../../../src/lib/routine/content-set.ts', import.meta.url));
		expect(seen.size).toBeGreaterThan(5);
	});
});
