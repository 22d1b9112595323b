import { describe, expect, it } from 'vitest';
import { parseCourse, parseMediaCatalog, parseRoutine, type Parsed } from '../../../src/lib/routine/parse';
import type { Problem } from '../../../src/lib/routine/problems';
import { checkReferences, type Located, type ReferenceInput } from '../../../src/lib/routine/references';
import { catalogText, courseText, edit, positionOf, routineText } from './content-fixtures';

function located<T>(parsed: Parsed<T>): Located<T> {
	expect(parsed.problems).toEqual([]);
	if (parsed.value === undefined) throw new Error(`${parsed.file} did not parse`);
	return { file: parsed.file, value: parsed.value, locate: parsed.locate };
}

const routineAt = (file: string, text = routineText) => located(parseRoutine({ file, text }));
const courseAt = (file: string, text = courseText) => located(parseCourse({ file, text }));
const catalogOf = (text = catalogText) => located(parseMediaCatalog({ file: 'media.yaml', text }));

const allFilesExist = () => true;

function check(input: Partial<ReferenceInput>, exists: (rel: string) => boolean = allFilesExist): Problem[] {
	return checkReferences({ routines: [], courses: [], catalog: catalogOf(), ...input }, exists);
}

/** The one problem of a check, with its position compared to where `needle` is written. */
function onlyAt(problems: readonly Problem[], text: string, needle: string, offset = 0): Problem {
	expect(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`)).toHaveLength(1);
	const p = problems[0] as Problem;
	expect({ line: p.line, column: p.column }).toEqual(positionOf(text, needle, offset));
	return p;
}

describe('checkReferences', () => {
	it('finds nothing wrong with the fixture set', () => {
		expect(check({ routines: [routineAt('routines/a.yaml')], courses: [courseAt('courses/c.yaml')] })).toEqual([]);
	});

	it('reports a routine id used by two files in both files, each naming the other', () => {
		const problems = check({ routines: [routineAt('routines/a.yaml'), routineAt('routines/b.yaml')] });
		const at = positionOf(routineText, 'fixture-stretch');
		expect(problems).toEqual([
			{
				file: 'routines/a.yaml',
				...at,
				path: 'id',
				message: `routine id "fixture-stretch" is also used by routines/b.yaml:${at.line}:${at.column}; ids must be unique`
			},
			{
				file: 'routines/b.yaml',
				...at,
				path: 'id',
				message: `routine id "fixture-stretch" is also used by routines/a.yaml:${at.line}:${at.column}; ids must be unique`
			}
		]);
	});

	it('reports duplicate course ids', () => {
		const problems = check({ routines: [routineAt('routines/a.yaml')], courses: [courseAt('courses/c.yaml'), courseAt('courses/d.yaml')] });
		expect(problems.map((p) => [p.file, p.path])).toEqual([
			['courses/c.yaml', 'id'],
			['courses/d.yaml', 'id']
		]);
		expect(problems[0]?.message).toContain('course id "fixture-course" is also used by courses/d.yaml');
	});

	it('reports a duplicate exercise id at the second one, naming the first', () => {
		const text = edit(routineText, '  - id: pelvic-tilt\n', '  - id: knee-to-chest\n');
		const problems = check({ routines: [routineAt('r.yaml', text)] }).filter((p) => p.path.startsWith('exercises'));
		const p = onlyAt(problems, text, '  - id: knee-to-chest\n    name: Pelvic', 8);
		expect(p.path).toBe('exercises.1.id');
		expect(p.message).toBe(`exercise id "knee-to-chest" is already used by exercises.0 (line ${positionOf(text, 'id: knee-to-chest').line})`);
	});

	it('reports a duplicate education id', () => {
		const text = edit(routineText, '      - Movement helps.\n', '      - Movement helps.\n  - id: why-move\n    title: Again\n    text: [Again.]\n');
		const problems = check({ routines: [routineAt('r.yaml', text)] });
		const p = onlyAt(problems, text, 'id: why-move\n    title: Again', 4);
		expect(p).toMatchObject({ path: 'education.1.id', message: expect.stringContaining('education id "why-move" is already used by education.0') });
	});

	it('reports a step naming an exercise the routine does not have, with a suggestion', () => {
		const text = edit(routineText, '      - exercise: pelvic-tilt\n', '      - exercise: pelvic-tlit\n');
		const p = onlyAt(check({ routines: [routineAt('r.yaml', text)] }), text, 'pelvic-tlit');
		expect(p).toMatchObject({
			path: 'levels.0.steps.2.exercise',
			message: 'no exercise "pelvic-tlit" in this routine\'s exercises; did you mean "pelvic-tilt"?'
		});
	});

	it('reports a step naming an education block the routine does not have', () => {
		const text = edit(routineText, '      - education: why-move\n', '      - education: how-to-sit\n');
		const p = onlyAt(check({ routines: [routineAt('r.yaml', text)] }), text, 'how-to-sit');
		expect(p).toMatchObject({ path: 'levels.0.steps.1.education', message: 'no education block "how-to-sit" in this routine\'s education list' });
	});

	it('reports exercise and education media missing from the catalogue', () => {
		const text = edit(
			edit(routineText, '      image: knee-picture\n', '      image: knee-pictrue\n      video: knee-clip\n'),
			'      - Movement helps.\n',
			'      - Movement helps.\n    image: spine\n'
		);
		const problems = check({ routines: [routineAt('r.yaml', text)] });
		expect(problems.map((p) => [p.path, p.message, p.line])).toEqual([
			['exercises.0.media.image', 'no image "knee-pictrue" in the media catalogue; did you mean "knee-picture"?', positionOf(text, 'knee-pictrue').line],
			['exercises.0.media.video', 'no video "knee-clip" in the media catalogue', positionOf(text, 'knee-clip').line],
			['education.0.image', 'no image "spine" in the media catalogue', positionOf(text, 'image: spine').line]
		]);
	});

	it('checks every kind of sound id against the catalogue sounds', () => {
		const text = edit(
			edit(edit(routineText, '    countdown: bell\n', '    countdown: bel\n'), '        kind: breathe\n        sound: bell\n', '        kind: breathe\n        sound: chime\n'),
			'            sound: bell\n',
			'            sound: gong\n'
		);
		const problems = check({ routines: [routineAt('r.yaml', text)] });
		expect(problems.map((p) => [p.path, p.message, p.line])).toEqual([
			['cues.sounds.countdown', 'no sound "bel" in the media catalogue; did you mean "bell"?', positionOf(text, 'bel\n').line],
			['exercises.0.cues.0.sound', 'no sound "chime" in the media catalogue', positionOf(text, 'chime').line],
			['levels.0.steps.2.phases.0.sound', 'no sound "gong" in the media catalogue', positionOf(text, 'gong').line]
		]);
	});

	it('explains a default sound that the catalogue lacks, at the nearest written field', () => {
		const text = edit(routineText, '    sessionEnd: bell\n', '');
		const p = onlyAt(check({ routines: [routineAt('r.yaml', text)] }), text, 'countIn: bell');
		expect(p).toMatchObject({
			path: 'cues.sounds.sessionEnd',
			message: 'the default sound "session-end" for cues.sounds.sessionEnd is not in the media catalogue; add it there or name another sound here'
		});
	});

	it('asks for every catalogue file by its path under static/media and reports the missing ones there', () => {
		const asked: string[] = [];
		const text = `${catalogText}videos:\n  knee-clip:\n    files: [video/knee.webm, video/knee.mp4]\n    poster: video/knee.jpg\n    duration: 12\n`;
		const problems = checkReferences({ routines: [], courses: [], catalog: located(parseMediaCatalog({ file: 'media.yaml', text })) }, (rel) => {
			asked.push(rel);
			return rel !== 'video/knee.mp4' && rel !== 'images/knee.svg';
		});
		expect(asked.sort()).toEqual(['images/knee.svg', 'sounds/bell.webm', 'video/knee.jpg', 'video/knee.mp4', 'video/knee.webm']);
		expect(problems.map((p) => [p.path, p.message, p.line, p.column])).toEqual([
			['images.knee-picture.file', 'file static/media/images/knee.svg does not exist', ...Object.values(positionOf(text, 'images/knee.svg'))],
			['videos.knee-clip.files.1', 'file static/media/video/knee.mp4 does not exist', ...Object.values(positionOf(text, 'video/knee.mp4'))]
		]);
	});

	describe('looping parts', () => {
		const withParts = (parts: string) => `${catalogText}videos:\n  walk-clip:\n    files: [video/walk.webm]\n    duration: 4.4\n    parts:\n${parts}`;

		it('accepts a looping part that is the whole clip', () => {
			expect(check({ catalog: catalogOf(withParts('      walk: { in: 0, out: 4.4, loop: true }\n')) })).toEqual([]);
		});

		it('reports a looping part that is only a stretch of the clip', () => {
			const problems = check({ catalog: catalogOf(withParts('      walk: { in: 0, out: 2, loop: true }\n')) });
			expect(problems.map((p) => [p.path, p.message])).toEqual([['videos.walk-clip.parts.walk.loop', 'a looping part must be the whole clip (in: 0, out: 4.4); "walk" is 0–2 s']]);
		});
	});

	describe('in and out points', () => {
		const catalogWithClip = `${catalogText}videos:\n  knee-clip:\n    files: [video/knee.webm]\n    duration: 12\n`;
		const withMedia = (media: string) => edit(routineText, '      image: knee-picture\n', `      image: knee-picture\n${media}`);
		const run = (text: string) => check({ routines: [routineAt('r.yaml', text)], catalog: catalogOf(catalogWithClip) });

		it('accepts points inside the clip, up to its very end', () => {
			expect(run(withMedia('      video: knee-clip\n      in: 2\n      out: 12\n'))).toEqual([]);
		});

		it('reports an in point at or after the clip end', () => {
			const text = withMedia('      video: knee-clip\n      in: 12\n');
			const p = onlyAt(run(text), text, 'in: 12', 4);
			expect(p).toMatchObject({ path: 'exercises.0.media.in', message: 'starts at 12 s, but video "knee-clip" is only 12 s long' });
		});

		it('reports an out point past the clip end', () => {
			const text = withMedia('      video: knee-clip\n      out: 12.5\n');
			const p = onlyAt(run(text), text, '12.5');
			expect(p).toMatchObject({ path: 'exercises.0.media.out', message: 'ends at 12.5 s, but video "knee-clip" is only 12 s long' });
		});

		it('reports points given without a video', () => {
			const text = withMedia('      in: 1\n');
			expect(onlyAt(run(text), text, 'in: 1', 4).message).toBe('in and out points need a video');
		});
	});

	it('reports a starting level the routine does not have', () => {
		const text = edit(routineText, '  level: 1\n', '  level: 3\n');
		const p = onlyAt(check({ routines: [routineAt('r.yaml', text)] }), text, 'level: 3', 7);
		expect(p).toMatchObject({ path: 'startingLevel.level', message: 'starting level 3 does not exist; this routine has 2 levels' });
	});

	it('reports a course lesson naming an unknown routine, or a level it lacks', () => {
		const text = edit(courseText, '    level: 2\n', '    level: 2\n  - title: Second\n    routine: fixture-strech\n  - title: Third\n    routine: fixture-stretch\n    level: 3\n');
		const problems = check({ routines: [routineAt('routines/a.yaml')], courses: [courseAt('courses/c.yaml', text)] });
		expect(problems.map((p) => [p.path, p.message, p.line])).toEqual([
			['lessons.1.routine', 'no routine "fixture-strech" in the content; did you mean "fixture-stretch"?', positionOf(text, 'fixture-strech').line],
			['lessons.2.level', 'routine "fixture-stretch" has 2 levels, so there is no level 3', positionOf(text, 'level: 3').line]
		]);
	});

	it('does not blame a course for naming a routine whose own file is invalid', () => {
		const courses = [courseAt('courses/c.yaml')];
		expect(check({ courses })).toHaveLength(1);
		expect(check({ courses, invalidRoutineIds: new Set(['fixture-stretch']) })).toEqual([]);
	});

	it('skips media checks when there is no valid catalogue, but still checks the rest', () => {
		const text = edit(routineText, '      - exercise: pelvic-tilt\n', '      - exercise: nothing\n');
		const problems = checkReferences({ routines: [routineAt('r.yaml', text)], courses: [] }, () => false);
		expect(problems.map((p) => p.path)).toEqual(['levels.0.steps.2.exercise']);
	});
});
