import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCourse, parseMediaCatalog, parseRoutine } from '../../../src/lib/routine/parse';
import { formatProblem, type Problem } from '../../../src/lib/routine/problems';
import { MAX_FILE_BYTES } from '../../../src/lib/routine/text-guards';
import { MAX_ALIASES } from '../../../src/lib/routine/yaml-source';
import { catalogText, courseText, edit, positionOf, routineText } from './content-fixtures';

const routine = (text: string) => parseRoutine({ file: 'r.yaml', text });
const course = (text: string) => parseCourse({ file: 'c.yaml', text });
const catalog = (text: string) => parseMediaCatalog({ file: 'm.yaml', text });

/** Problems reduced to what an author sees, for exact comparison. */
const brief = (ps: readonly Problem[]) => ps.map((p) => ({ line: p.line, column: p.column, path: p.path, message: p.message }));

function only(ps: readonly Problem[]): Problem {
	expect(ps.map(formatProblem)).toHaveLength(1);
	return ps[0] as Problem;
}

/** Milliseconds a call takes; hostile input must be refused quickly, not chewed on. */
function timed<T>(f: () => T): { result: T; ms: number } {
	const start = performance.now();
	const result = f();
	return { result, ms: performance.now() - start };
}

describe('valid files', () => {
	it('parses the fixture routine with defaults filled in', () => {
		const r = routine(routineText);
		expect(r.problems).toEqual([]);
		expect(r.value?.id).toBe('fixture-stretch');
		expect(r.value?.levels[0]?.countIn).toBe(5);
		expect(r.value?.levels[0]?.steps[0]).toMatchObject({ exercise: 'knee-to-chest', sets: 1, reps: 1, hold: 20, switchRest: 5 });
		expect(r.value?.exercises[1]?.sided).toBe(false);
	});

	it('parses the fixture course and catalogue', () => {
		expect(course(courseText).problems).toEqual([]);
		expect(course(courseText).value?.lessons[0]?.level).toBe(2);
		const m = catalog(catalogText);
		expect(m.problems).toEqual([]);
		expect(m.value?.videos).toEqual({});
		expect(m.value?.sounds.bell?.files).toEqual(['sounds/bell.webm']);
	});

	it('gives the file name it was called with in every problem', () => {
		const p = parseCourse({ file: 'src/content/courses/x.yaml', text: 'id: x\n' });
		expect(p.problems.length).toBeGreaterThan(0);
		expect(new Set(p.problems.map((q) => q.file))).toEqual(new Set(['src/content/courses/x.yaml']));
	});
});

describe('schema problems are placed on the offending node', () => {
	it('points an unknown field at its name and suggests the field meant', () => {
		const text = edit(routineText, '        hold: 20\n', '        hodl: 20\n');
		const r = routine(text);
		expect(r.value).toBeUndefined();
		const unknown = r.problems.find((p) => p.path === 'levels.0.steps.0.hodl');
		expect(unknown).toEqual({
			file: 'r.yaml',
			...positionOf(text, 'hodl: 20'),
			message: 'unknown field "hodl"; did you mean "hold"?',
			path: 'levels.0.steps.0.hodl'
		});
	});

	it('points a missing field at the mapping that lacks it', () => {
		const text = edit(routineText, '  provider: Nobody.\n', '');
		const p = only(routine(text).problems);
		expect(p.message).toBe('missing required field "provider"');
		expect(p.path).toBe('delivery.provider');
		expect({ line: p.line, column: p.column }).toEqual(positionOf(text, 'format: individual'));
	});

	it('names the allowed values of a missing enum field', () => {
		const p = only(routine(edit(routineText, 'setting: home\n', '')).problems);
		expect(p.message).toBe('missing required field "setting" (one of: home, pool, class, anywhere)');
	});

	it('points a wrong value at the value and says what it is', () => {
		const text = edit(routineText, 'sessionsPerWeek: 3', 'sessionsPerWeek: three');
		const p = only(routine(text).problems);
		expect(brief([p])).toEqual([
			{ ...positionOf(text, 'three'), path: 'frequency.sessionsPerWeek', message: 'must be a number, but is the text "three"' }
		]);
	});

	it('words numbers, lists and enums for authors', () => {
		const text = edit(
			edit(edit(routineText, 'category: stretching', 'category: stretchy'), '  sessionsPerWeek: 3\n', '  sessionsPerWeek: 3\n  weeks: 1.5\n'),
			'title: Fixture stretch',
			'title: 2024'
		);
		expect(brief(routine(text).problems)).toEqual([
			{ ...positionOf(text, '2024'), path: 'title', message: 'must be text, but is the number 2024; put it in quotes to make it text' },
			{
				...positionOf(text, 'stretchy'),
				path: 'category',
				message: 'must be one of: stretching, aquatic, yoga, relaxation, back-school; but is the text "stretchy"'
			},
			{ ...positionOf(text, '1.5'), path: 'frequency.weeks', message: 'must be a whole number, but is the number 1.5' }
		]);
	});

	it('points an empty value at its field name', () => {
		const text = edit(routineText, 'title: Fixture stretch', 'title:');
		const p = only(routine(text).problems);
		expect(p.message).toBe('must be text, but is empty');
		expect({ line: p.line, column: p.column }).toEqual(positionOf(text, 'title:'));
	});

	it('keeps messages written into the schema itself', () => {
		const text = edit(routineText, 'id: fixture-stretch', 'id: Fixture_Stretch');
		const p = only(routine(text).problems);
		expect(p.message).toBe('must be lowercase words joined by hyphens, e.g. "knee-to-chest"');
		expect({ line: p.line, column: p.column }).toEqual(positionOf(text, 'Fixture_Stretch'));
	});

	it('reports every problem of a file in one pass, in reading order', () => {
		const text = edit(
			edit(edit(routineText, 'category: stretching', 'category: 7'), '        hold: 20\n', '        hodl: 20\n'),
			'      - rest: 10\n',
			'      - rest: 0\n'
		);
		const r = routine(text);
		expect(r.problems.map((p) => p.path)).toEqual([
			'category',
			'levels.0.steps.0.hold',
			'levels.0.steps.0.hodl',
			'levels.0.steps.3.rest'
		]);
		const lines = r.problems.map((p) => p.line);
		expect(lines).toEqual([...lines].sort((a, b) => a - b));
	});

	it('points a bad record key (a media id) at the key', () => {
		const text = edit(catalogText, '  bell:\n', '  Bell Sound:\n');
		const p = only(catalog(text).problems);
		expect(p.message).toBe('the name "Bell Sound" must be lowercase words joined by hyphens, e.g. "knee-to-chest"');
		expect(p.path).toBe('sounds.Bell Sound');
		expect({ line: p.line, column: p.column }).toEqual(positionOf(text, 'Bell Sound'));
	});

	it('explains an unknown progression rule at the rule', () => {
		const text = edit(routineText, 'rule: sessions-at-level', 'rule: weekly');
		const p = only(routine(text).problems);
		expect(p.message).toBe('must be one of: sessions-at-level, stages, quota; but is the text "weekly"');
		expect({ line: p.line, column: p.column }).toEqual(positionOf(text, 'weekly'));
	});

	it('counts columns in characters, so an emoji before a value counts once', () => {
		const text = 'id: c\ntitle: "😀😀"\nsummary: S\ncategory: yoga\nlessons: [{title: "😀 x", routine: 5}]\n';
		const p = only(course(text).problems);
		expect(p.path).toBe('lessons.0.routine');
		// `lessons: [{title: "😀 x", routine: ` is 34 characters (35 UTF-16 units: the emoji is two).
		expect({ line: p.line, column: p.column }).toEqual({ line: 5, column: 35 });
	});

	it('is not shifted by a byte-order mark or CRLF line ends', () => {
		const text = '\ufeffid: c\r\ntitle: T\r\nsummary: S\r\ncategory: yoga\r\nlessons: []\r\n';
		const p = only(course(text).problems);
		expect(brief([p])).toEqual([{ line: 5, column: 10, path: 'lessons', message: 'must not be an empty list' }]);
	});
});

describe('steps: a union explained through the kind of step written', () => {
	const withStep = (step: string) => edit(routineText, '      - rest: 10\n', step);

	it('reports an exercise step’s problems at their real paths', () => {
		const text = withStep('      - exercise: pelvic-tilt\n        hold: long\n        sets: 0\n');
		expect(brief(routine(text).problems)).toEqual([
			{ ...positionOf(text, 'long'), path: 'levels.0.steps.3.hold', message: 'must be a number, but is the text "long"' },
			{ ...positionOf(text, 'sets: 0', 6), path: 'levels.0.steps.3.sets', message: 'must be at least 1, but is 0' }
		]);
	});

	it('reports an education step by the education branch, not the exercise one', () => {
		const text = withStep('      - education: why-move\n        seconds: 2\n        hold: 3\n');
		expect(brief(routine(text).problems)).toEqual([
			{ ...positionOf(text, 'seconds: 2', 9), path: 'levels.0.steps.3.seconds', message: 'must be at least 5 s' },
			{ ...positionOf(text, 'hold: 3'), path: 'levels.0.steps.3.hold', message: 'unknown field "hold"' }
		]);
	});

	it('reports a rest step by the rest branch', () => {
		const text = withStep('      - rest: soon\n');
		expect(brief(routine(text).problems)).toEqual([
			{ ...positionOf(text, 'soon'), path: 'levels.0.steps.3.rest', message: 'must be a number, but is the text "soon"' }
		]);
	});

	it('picks the first kind when a step has two, and flags the other as unknown', () => {
		const text = withStep('      - exercise: pelvic-tilt\n        rest: 4\n        hold: 3\n');
		const p = only(routine(text).problems);
		expect(p).toMatchObject({ path: 'levels.0.steps.3.rest', message: 'unknown field "rest"', ...positionOf(text, 'rest: 4') });
	});

	it('says a step needs one of the kind fields when it has none', () => {
		const text = withStep('      - hold: 3\n');
		const p = only(routine(text).problems);
		expect(p.message).toBe('a step needs one of the fields exercise, education or rest to say what kind it is');
		expect(p.path).toBe('levels.0.steps.3');
		expect({ line: p.line, column: p.column }).toEqual(positionOf(text, 'hold: 3'));
	});

	it('says a step must be a mapping when it is plain text', () => {
		const text = withStep('      - knee-to-chest\n');
		const p = only(routine(text).problems);
		expect(p.message).toBe('a step must be a mapping with one of the fields exercise, education or rest, but is the text "knee-to-chest"');
		expect({ line: p.line, column: p.column }).toEqual(positionOf(text, '- knee-to-chest', 2));
	});

	it('suggests field names inside nested lists of a step (phases)', () => {
		const text = edit(routineText, '            sound: bell\n', '            sond: bell\n');
		const p = only(routine(text).problems);
		expect(p).toMatchObject({ path: 'levels.0.steps.2.phases.0.sond', message: 'unknown field "sond"; did you mean "sound"?' });
	});
});

describe('YAML problems', () => {
	it('reports a syntax error with its position and does not guess at the schema', () => {
		const text = 'id: "fixture\ntitle: x\n';
		const p = only(routine(text).problems);
		expect(p.message).toMatch(/^YAML syntax: .*quote/);
		expect({ line: p.line, column: p.column }).toEqual({ line: 3, column: 1 });
		expect(routine(text).value).toBeUndefined();
	});

	it('reports several syntax errors, each at its own line', () => {
		const text = 'id: a\n\ttitle: b\nsummary: [x\ncategory: yoga\n';
		const ps = routine(text).problems;
		expect(ps.length).toBeGreaterThanOrEqual(2);
		expect(ps[0]).toMatchObject({ line: 2, column: 1, message: 'YAML syntax: indent with spaces, not tabs' });
		expect(new Set(ps.map((p) => p.line)).size).toBe(ps.length);
	});

	it('caps a flood of syntax errors, saying how many more there are', () => {
		const ps = routine('"\n'.repeat(300)).problems;
		expect(ps).toHaveLength(51);
		expect(ps[50]?.message).toMatch(/^\d+ more YAML syntax errors not shown; fix the ones above first$/);
	});

	it('reports a duplicate key at the second one, naming the first line', () => {
		const text = edit(routineText, 'setting: home\n', 'setting: home\nsetting: pool\n');
		const r = routine(text);
		const p = only(r.problems);
		expect(p.message).toBe(`field "setting" is given twice in this mapping (first on line ${positionOf(text, 'setting: home').line}); remove one`);
		expect({ line: p.line, column: p.column }).toEqual(positionOf(text, 'setting: pool'));
	});

	it('reports a second document where it starts', () => {
		const text = `${routineText}---\nid: other\n`;
		const p = only(routine(text).problems);
		expect(p.message).toContain('a content file holds one YAML document');
		expect(p.line).toBe(positionOf(text, '---').line);
	});

	it.each([
		['an empty file', '', 'file is empty; expected a mapping of fields, one "name: value" per line'],
		['only comments', '# nothing yet\n\n', 'file is empty; expected a mapping of fields, one "name: value" per line'],
		['a list', '- id: a\n- id: b\n', 'the top level must be a mapping of fields ("name: value" lines), but this file is a list'],
		['a scalar', 'just some words\n', 'the top level must be a mapping of fields ("name: value" lines), but this file is a single value']
	])('refuses %s with one problem', (_, text, message) => {
		const r = routine(text);
		expect(brief(r.problems)).toEqual([{ line: 1, column: 1, path: '', message }]);
		expect(r.value).toBeUndefined();
	});

	it('refuses an alias bomb quickly with one problem', () => {
		const names = 'abcdefghij';
		let text = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
		for (let i = 1; i < names.length; i++) {
			text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]\n`;
		}
		const { result, ms } = timed(() => routine(text));
		const p = only(result.problems);
		expect(p.message).toContain(`more than ${MAX_ALIASES} copies`);
		expect(p.message).toContain('billion laughs');
		expect({ line: p.line, column: p.column }).toEqual(positionOf(text, '*a'));
		expect(ms).toBeLessThan(1000);
	});

	it('accepts a few aliases, as YAML authors may use them', () => {
		const text = edit(routineText, '        hold: 20\n', '        hold: &short 20\n').replace('        hold: 30\n', '        hold: *short\n');
		const r = routine(text);
		expect(r.problems).toEqual([]);
		expect(r.value?.levels[1]?.steps[0]).toMatchObject({ hold: 20 });
	});

	it('reports an alias with no anchor at the alias', () => {
		const text = edit(routineText, 'title: Fixture stretch', 'title: *name');
		const p = only(routine(text).problems);
		expect(p.message).toBe('alias *name has no anchor &name before it');
		expect({ line: p.line, column: p.column }).toEqual(positionOf(text, '*name'));
	});

	it('refuses a file over the size limit before parsing, naming the limit', () => {
		const text = `id: x\nsummary: "${'a'.repeat(5 * 1024 * 1024)}"\n`;
		const { result, ms } = timed(() => routine(text));
		const p = only(result.problems);
		expect(p.message).toBe('file is 5.0 MB, over the 256 KB limit for a content file; split it or check it is the right file');
		expect(MAX_FILE_BYTES).toBe(256 * 1024);
		expect(ms).toBeLessThan(1000);
	});

	it('measures the limit in UTF-8 bytes, not characters', () => {
		// Fewer characters than the limit, but each € is three bytes.
		const chars = Math.floor(MAX_FILE_BYTES / 3) + 10;
		expect(chars).toBeLessThan(MAX_FILE_BYTES);
		const p = only(routine(`summary: ${'€'.repeat(chars)}\n`).problems);
		expect(p.message).toContain('over the 256 KB limit');
	});

	it('refuses binary junk at the first control character', () => {
		const p = only(routine('id: x\ntitle: \u0000\u0001\u0002PNG\n').problems);
		expect(brief([p])).toEqual([
			{ line: 2, column: 8, path: '', message: 'file contains the control character U+0000; is it a binary file? Content files must be UTF-8 text' }
		]);
	});

	it('refuses text that was not UTF-8 (decoded with replacement characters)', () => {
		const text = new TextDecoder().decode(new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
		const p = only(routine(text).problems);
		expect(p).toMatchObject({ line: 1, column: 8 });
		expect(p.message).toContain('not valid UTF-8');
	});

	it.each([
		['flow brackets', `a: ${'['.repeat(100_000)}`],
		['inline dashes', `${'- '.repeat(100_000)}x`],
		['flow mappings', `a: ${'{a: '.repeat(50_000)}`]
	])('refuses deep nesting (%s) quickly with one problem', (_, text) => {
		const { result, ms } = timed(() => routine(text));
		expect(only(result.problems).message).toContain('nested too deeply');
		expect(ms).toBeLessThan(1000);
	});

	it('reports an unknown tag', () => {
		const text = edit(routineText, 'title: Fixture stretch', 'title: !shout Fixture stretch');
		const p = only(routine(text).problems);
		expect(p.message).toBe('YAML: Unresolved tag: !shout; write plain values without tags');
	});

	it('refuses a list used as a field name', () => {
		const p = only(routine(`${routineText}? [a, b]\n: 1\n`).problems);
		expect(p.message).toBe('a field name must be a plain word, not a list, mapping or alias');
	});

	it('never throws and always places problems inside the text, whatever the input', () => {
		const pieces = fc.constantFrom('id: x', '\n', '  ', '- ', ': ', '[', ']', '{', '}', '"', "'", '&a ', '*a', '#', '---', '\t', '? ', '|', '>', ',', '\u0000', 'é', '😀');
		fc.assert(
			fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
				const text = parts.join('');
				const r = routine(text);
				const lines = text.split('\n').length;
				expect(r.problems.length > 0 || r.value !== undefined).toBe(true);
				for (const p of r.problems) {
					expect(p.line).toBeGreaterThanOrEqual(1);
					expect(p.line).toBeLessThanOrEqual(lines);
					expect(p.column).toBeGreaterThanOrEqual(1);
					expect(p.message.length).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 300 }
		);
	});
});
