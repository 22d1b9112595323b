/**
 * Runs the real validator CLI (`tsx scripts/validate.ts`, the binary `npx tsx` runs, called
 * directly to spare npm's start-up) on fixture files in a temp folder: exit codes, exact
 * problem lines, hostile input. Runs go one at a time so each one's duration means something.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogText, courseText, edit, FIXTURES, positionOf, routineText } from '../routine/content-fixtures';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(repo, 'node_modules', '.bin', 'tsx');
const media = join(FIXTURES, 'media');
const PROBLEM_LINE = /^.+:\d+:\d+: .+$/;

interface Run {
	readonly status: number | null;
	readonly stdout: string;
	readonly stderr: string;
	readonly problemLines: string[];
	readonly ms: number;
}

function cli(args: readonly string[]): Promise<Run> {
	const start = performance.now();
	return new Promise((resolve) => {
		execFile(tsx, ['scripts/validate.ts', ...args], { cwd: repo, timeout: 60_000, encoding: 'utf8' }, (error, stdout, stderr) => {
			const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
			const problemLines = stderr.split('\n').filter((l) => PROBLEM_LINE.test(l));
			resolve({ status, stdout, stderr, problemLines, ms: performance.now() - start });
		});
	});
}

function expectNoStackTrace(run: Run): void {
	const output = run.stdout + run.stderr;
	expect(output).not.toMatch(/^\s+at /m);
	expect(output).not.toMatch(/internal error|Error:|node:internal/);
}

let tmp = '';
/** A content folder standing in for src/content, so shipped content cannot change results. */
let shipped = '';
let emptyContent = '';
let work = '';

function put(rel: string, data: string | Uint8Array): string {
	const file = join(work, rel);
	mkdirSync(join(file, '..'), { recursive: true });
	writeFileSync(file, data);
	return file;
}

beforeAll(() => {
	tmp = mkdtempSync(join(tmpdir(), 'limber-validate-'));
	shipped = join(tmp, 'shipped');
	emptyContent = join(tmp, 'empty');
	work = join(tmp, 'work');
	mkdirSync(emptyContent);
	mkdirSync(join(shipped, 'routines'), { recursive: true });
	writeFileSync(join(shipped, 'routines', 'shipped-stretch.yaml'), edit(routineText, 'id: fixture-stretch', 'id: shipped-stretch'));
	writeFileSync(join(shipped, 'routines', 'broken.yaml'), 'id: [unclosed\n');
	writeFileSync(join(shipped, 'media.yaml'), catalogText);
});

afterAll(() => {
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm run validate', { timeout: 90_000 }, () => {
	it('passes clean files with exit 0 and a summary', async () => {
		const files = [put('clean/routines/r.yaml', routineText), put('clean/courses/c.yaml', courseText), put('clean/media.yaml', catalogText)];
		const run = await cli(['--content', emptyContent, '--media', media, ...files]);
		expect(run.stderr.trim()).toBe('');
		expect(run.stdout).toBe('3 files checked, 0 problems\n');
		expect(run.status).toBe(0);
	});

	it('prints every problem of a broken file at its exact line and column, then exits 1', async () => {
		const broken = join(work, 'broken/routines/broken-stretch.yaml');
		mkdirSync(join(broken, '..'), { recursive: true });
		cpSync(join(FIXTURES, 'broken', 'broken-stretch.yaml'), broken);
		const badRefText = edit(routineText, '      - exercise: pelvic-tilt\n', '      - exercise: pelvic-tlit\n');
		const badRef = put('broken/routines/bad-ref.yaml', edit(badRefText, 'id: fixture-stretch', 'id: bad-ref'));
		const ref = positionOf(badRefText, 'pelvic-tlit');
		const run = await cli(['--content', emptyContent, '--media', media, broken, badRef, put('broken/media.yaml', catalogText)]);
		expect(run.stderr.split('\n').filter((l) => l !== '')).toEqual([
			`${badRef}:${ref.line}:${ref.column}: no exercise "pelvic-tlit" in this routine's exercises; did you mean "pelvic-tilt"? (at levels.0.steps.2.exercise)`,
			`${broken}:4:11: must be one of: stretching, aquatic, yoga, relaxation, back-school; but is the text "stretchy" (at category)`,
			`${broken}:10:3: missing required field "provider" (at delivery.provider)`,
			`${broken}:14:20: must be a number, but is the text "three" (at frequency.sessionsPerWeek)`,
			`${broken}:41:9: give exactly one of hold (seconds) or phases (a list) (at levels.0.steps.0.hold)`,
			`${broken}:42:9: unknown field "hodl"; did you mean "hold"? (at levels.0.steps.0.hodl)`,
			`${broken}:46:9: unknown field "tilte"; did you mean "title"? (at levels.0.steps.2.tilte)`,
			'3 files checked, 7 problems'
		]);
		expect(run.stdout).toBe('');
		expect(run.status).toBe(1);
	});

	const billionLaughs = () => {
		const names = 'abcdefghij';
		let text = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
		for (let i = 1; i < names.length; i++) text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]\n`;
		return text;
	};

	it.each([
		['an alias bomb', 'routines/bomb.yaml', billionLaughs, /^FILE:2:8: aliases \(\*name\) expand to too much data .*billion laughs/],
		['a 5 MB file', 'routines/huge.yaml', () => `id: x\n${'summary: padding padding\n'.repeat(210_000)}`, /^FILE:1:1: file is 5\.0 MB, over the 256 KB limit/],
		['malformed YAML', 'routines/malformed.yaml', () => 'id: "unterminated\ntitle: x\n', /^FILE:3:1: YAML syntax: Missing closing "quote/],
		[
			'binary junk',
			'routines/junk.yaml',
			() => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]),
			/^FILE:1:1: file is not valid UTF-8 text/
		],
		[
			'a duplicate id against a shipped file',
			'routines/dupe.yaml',
			() => edit(routineText, 'id: fixture-stretch', 'id: shipped-stretch'),
			/^FILE:2:5: routine id "shipped-stretch" is also used by .*shipped-stretch\.yaml:2:5; ids must be unique \(at id\)$/
		]
	])('reports %s as one problem line, exit 1, quickly and without a stack trace', async (name, rel, content, expected) => {
		const file = put(`hostile/${rel}`, content());
		const run = await cli(['--content', shipped, '--media', media, file]);
		expect(run.problemLines).toHaveLength(1);
		expect(run.problemLines[0]?.replace(file, 'FILE')).toMatch(expected);
		expect(run.stderr).toContain('1 file checked, 1 problem\n');
		expect(run.status).toBe(1);
		expectNoStackTrace(run);
		// Process start-up included (seconds on a busy machine); a hang would hit the 60 s kill.
		expect(run.ms).toBeLessThan(30_000);
	});

	it('reports a named file that does not exist or is a folder', async () => {
		const missing = join(work, 'nowhere/routines/missing.yaml');
		const folder = join(work, 'folder.yaml');
		mkdirSync(folder, { recursive: true });
		const run = await cli(['--content', emptyContent, '--media', media, missing, folder]);
		expect(run.problemLines.sort()).toEqual([`${folder}:1:1: is a directory, not a file`, `${missing}:1:1: file not found`].sort());
		expect(run.stderr).toContain('2 files checked, 2 problems');
		expect(run.status).toBe(1);
		expectNoStackTrace(run);
	});

	it('reports only the named files, though it loads the shipped content', async () => {
		// The shipped folder has a broken routine; a clean named file must still pass.
		const file = put('only-named/routines/r.yaml', routineText);
		const run = await cli(['--content', shipped, '--media', media, file]);
		expect(run.stderr.trim()).toBe('');
		expect(run.stdout).toBe('1 file checked, 0 problems\n');
		expect(run.status).toBe(0);
	});

	it('checks every file of the content folder when no file is named', async () => {
		const run = await cli(['--content', shipped, '--media', media]);
		expect(run.problemLines).toEqual([expect.stringMatching(/broken\.yaml:2:1: YAML syntax: /)]);
		expect(run.stderr).toContain('3 files checked, 1 problem');
		expect(run.status).toBe(1);
	});

	it('exits 2 with usage on an unknown option', async () => {
		const run = await cli(['--bogus']);
		expect(run.stderr).toContain('validate: unknown option --bogus');
		expect(run.stderr).toContain('usage: npm run validate');
		expect(run.status).toBe(2);
	});

	it('validates the shipped src/content cleanly when run with no arguments', async (ctx) => {
		const routines = join(repo, 'src', 'content', 'routines');
		let count = 0;
		try {
			count = readdirSync(routines).filter((f) => f.endsWith('.yaml')).length;
		} catch {
			count = 0;
		}
		if (count === 0) {
			ctx.skip('src/content/routines has no routine files yet');
			return;
		}
		const run = await cli([]);
		expect(run.problemLines, run.stderr).toEqual([]);
		expect(run.stdout).toMatch(/^\d+ files checked, 0 problems\n$/);
		expect(run.status).toBe(0);
	});
});

describe('validate --clinic DIR', () => {
	it("checks a clinic folder as the server does: its media.yaml's files under DIR/media, a shipped id refused", async () => {
		const dir = mkdtempSync(join(tmpdir(), 'limber-validate-clinic-'));
		try {
			mkdirSync(join(dir, 'media', 'clinic'), { recursive: true });
			const catalog = 'sounds:\n  gong:\n    files: [clinic/gong.webm]\nimages: {}\nvideos:\n  clinic-clip:\n    files: [clinic/clip.webm]\n    duration: 3\n';
			writeFileSync(join(dir, 'media.yaml'), catalog);
			writeFileSync(join(dir, 'media', 'clinic', 'gong.webm'), 'gong');
			const missing = await cli(['--clinic', dir]);
			const at = positionOf(catalog, 'clinic/clip.webm');
			expect(missing.problemLines).toEqual([`${dir}/media.yaml:${at.line}:${at.column}: file ${dir}/media/clinic/clip.webm does not exist (at videos.clinic-clip.files.0)`]);
			expect(missing.status).toBe(1);

			writeFileSync(join(dir, 'media', 'clinic', 'clip.webm'), 'clip');
			const clean = await cli(['--clinic', dir]);
			expect(clean.stdout).toContain('1 clinic file checked, 1 would load, 0 problems');
			expect(clean.status).toBe(0);

			// A shipped sound's id (src/content/media.yaml has "tick").
			writeFileSync(join(dir, 'media.yaml'), catalog.replace('  gong:', '  tick:'));
			const clash = await cli(['--clinic', dir]);
			expect(clash.problemLines).toHaveLength(1);
			expect(clash.problemLines[0]).toContain('sound id "tick" is already in the shipped media catalogue src/content/media.yaml');
			expect(clash.problemLines[0]).toContain(`${dir}/media.yaml is left out`);
			expect(clash.status).toBe(1);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		// Three runs of the CLI, each a tsx start-up on a shared 2-core machine.
	}, 240_000);
});
