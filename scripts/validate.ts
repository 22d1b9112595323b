/**
 * npm run validate [-- [--content DIR] [--media DIR] FILE...]
 * npm run validate -- --clinic DIR
 *
 * Without files: checks everything under src/content. With files: checks those, still
 * loading the rest of src/content so references and duplicate ids are checked against
 * the shipped content, and reports only problems located in the named files (cross-file
 * problems are reported in every file they involve, so none is lost). Media files are
 * looked up under static/media. Exit 0 when clean, 1 on any problem, 2 on misuse.
 *
 * With --clinic DIR: checks a clinic's folder (LIMBER_CONTENT_DIR) exactly as the server
 * does at start, its routines, courses and media.yaml with the shipped content, the
 * catalogue's files under DIR/media, and prints the problems the server would print.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, contentKind, type ContentFile } from '../src/lib/routine/content-set';
import { compareProblems, formatProblem, type Problem } from '../src/lib/routine/problems';
import { MAX_FILE_BYTES, tooLargeMessage } from '../src/lib/routine/text-guards';
import { mergeClinicContent } from '../src/lib/server/clinic-content/merge';
import { CLINIC_MEDIA_FOLDER, readClinicFiles } from '../src/lib/server/clinic-content/read-dir';
import { readMediaFiles } from '../src/lib/server/media-table';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run validate -- [--content DIR] [--media DIR] [FILE...] | --clinic DIR';

interface Options {
	readonly contentRoot: string;
	readonly mediaRoot: string;
	readonly files: readonly string[];
	readonly clinic: string | null;
}

function parseArgs(args: readonly string[]): Options | string {
	let contentRoot = join(repo, 'src', 'content');
	let mediaRoot = join(repo, 'static', 'media');
	const files: string[] = [];
	let clinic: string | null = null;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		if (arg === '--content' || arg === '--media' || arg === '--clinic') {
			const value = args[++i];
			if (value === undefined) return `${arg} needs a folder`;
			if (arg === '--content') contentRoot = resolve(value);
			else if (arg === '--media') mediaRoot = resolve(value);
			else clinic = resolve(value);
		} else if (arg === '--help' || arg === '-h') return '';
		else if (arg.startsWith('--')) return `unknown option ${arg}`;
		else files.push(arg);
	}
	if (clinic !== null && files.length > 0) return '--clinic checks a whole folder; name no files with it';
	return { contentRoot, mediaRoot, files, clinic };
}

function displayName(abs: string): string {
	const rel = relative(process.cwd(), abs);
	return (rel.startsWith('..') || isAbsolute(rel) ? abs : rel).split(sep).join('/');
}

function listContent(root: string): string[] {
	let entries;
	try {
		entries = readdirSync(root, { withFileTypes: true });
	} catch {
		return [];
	}
	return entries
		.filter((e) => !e.name.startsWith('.'))
		.flatMap((e) => {
			const abs = join(root, e.name);
			if (e.isDirectory()) return listContent(abs);
			return /\.ya?ml$/i.test(e.name) ? [abs] : [];
		})
		.sort();
}

function fileProblem(file: string, message: string): Problem {
	return { file, line: 1, column: 1, message, path: '' };
}

/** Reads one file, or says why it cannot be read; big files are refused before reading. */
function load(abs: string, file: string): ContentFile | Problem {
	try {
		const stat = statSync(abs);
		if (stat.isDirectory()) return fileProblem(file, 'is a directory, not a file');
		if (!stat.isFile()) return fileProblem(file, 'is not a regular file');
		if (stat.size > MAX_FILE_BYTES) return fileProblem(file, tooLargeMessage(stat.size));
		// Bytes that are not UTF-8 decode to U+FFFD, which the parser reports with its position.
		return { file, text: readFileSync(abs, 'utf8') };
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? String(error.code) : '';
		if (code === 'ENOENT') return fileProblem(file, 'file not found');
		if (code === 'EACCES') return fileProblem(file, 'cannot be read: permission denied');
		return fileProblem(file, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
	}
}

function mediaChecker(root: string): (rel: string) => boolean {
	return (rel) => {
		const abs = resolve(root, rel);
		if (!abs.startsWith(root + sep)) return false;
		try {
			return statSync(abs).isFile();
		} catch {
			return false;
		}
	};
}

function isProblem(x: ContentFile | Problem): x is Problem {
	return 'message' in x;
}

/** The server's own start-up check of a clinic folder (src/lib/server/content.ts). */
function runClinic(options: Options, clinic: string): number {
	const read = readClinicFiles(clinic);
	const mediaDir = join(read.dir, CLINIC_MEDIA_FOLDER);
	const table = readMediaFiles(mediaDir);
	const shippedMedia = mediaChecker(options.mediaRoot);
	const shipped = listContent(options.contentRoot)
		.map((abs) => load(abs, displayName(abs)))
		.filter((x): x is ContentFile => !isProblem(x));
	const merged = mergeClinicContent(shipped, read.files, shippedMedia, {
		dir: mediaDir,
		mediaFileExists: (rel) => Object.hasOwn(table, rel) || shippedMedia(rel)
	});
	const problems = [...read.problems, ...merged.problems].sort(compareProblems);
	for (const p of problems) console.error(formatProblem(p));
	const summary = `${read.files.length} clinic file${read.files.length === 1 ? '' : 's'} checked, ${merged.loaded.length} would load, ${problems.length} problem${problems.length === 1 ? '' : 's'}`;
	if (problems.length > 0) console.error(summary);
	else console.log(summary);
	return problems.length > 0 ? 1 : 0;
}

function run(options: Options): number {
	if (options.clinic !== null) return runClinic(options, options.clinic);
	const named = options.files.map((f) => ({ abs: resolve(f), file: f }));
	const namedAbs = new Set(named.map((n) => n.abs));
	const replacesCatalog = named.some((n) => contentKind(n.file) === 'catalog');
	const shipped = listContent(options.contentRoot)
		.filter((abs) => !namedAbs.has(abs))
		.filter((abs) => !(replacesCatalog && contentKind(abs) === 'catalog'))
		.map((abs) => ({ abs, file: displayName(abs) }));
	const checked = named.length > 0 ? named : shipped;

	const loaded = [...shipped, ...named].map((f) => load(f.abs, f.file));
	const files = loaded.filter((x): x is ContentFile => !isProblem(x));
	const result = checkContent(files, mediaChecker(options.mediaRoot));
	const reportable = new Set(checked.map((f) => f.file));
	const problems = [...loaded.filter(isProblem), ...result.problems]
		.filter((p) => named.length === 0 || reportable.has(p.file))
		.sort(compareProblems);

	for (const p of problems) console.error(formatProblem(p));
	const n = checked.length;
	const summary = `${n} file${n === 1 ? '' : 's'} checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`;
	if (problems.length > 0) console.error(summary);
	else console.log(summary);
	return problems.length > 0 ? 1 : 0;
}

function main(): number {
	const options = parseArgs(process.argv.slice(2));
	if (typeof options === 'string') {
		console.error(options === '' ? USAGE : `validate: ${options}\n${USAGE}`);
		return 2;
	}
	return run(options);
}

try {
	process.exitCode = main();
} catch (error) {
	// A bug here must still read as one line, not a stack trace, in CI logs.
	console.error(`validate: internal error: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 2;
}
