/**
 * Turns the text of one content file into plain data plus a way to find any field in
 * the text again. Every way the text can be unusable becomes a Problem here, so nothing
 * after this point has to guard against YAML itself.
 */
import { LineCounter, isAlias, isMap, isNode, isSeq, parseDocument, type Alias, type Document, type YAMLError } from 'yaml';
import { pathText, type FieldPath, type Problem } from './problems';
import { checkText } from './text-guards';
import { keyName, locator, positionFinder, type Locate, type Position } from './yaml-locate';

/** Expanding more aliases than this is a "billion laughs" attack, not authoring. */
export const MAX_ALIASES = 100;
/** After this many syntax errors the rest are noise caused by the first ones. */
const MAX_SYNTAX_PROBLEMS = 50;

export interface YamlSource {
	/** The document as plain data; absent when the text cannot be trusted to mean anything. */
	readonly data?: unknown;
	readonly problems: Problem[];
	readonly locate: Locate;
}

function lineCounterFor(text: string): LineCounter {
	const lines = new LineCounter();
	lines.addNewLine(0);
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
	return lines;
}

function syntaxMessage(error: YAMLError): string {
	if (error.message.includes('Maximum call stack')) return 'file is nested too deeply to read';
	switch (error.code) {
		case 'MULTIPLE_DOCS':
			return 'a content file holds one YAML document, but a second one starts here; remove the extra "---" or split the file';
		case 'TAB_AS_INDENT':
			return 'YAML syntax: indent with spaces, not tabs';
		case 'TAG_RESOLVE_FAILED':
			return `YAML: ${error.message}; write plain values without tags`;
		default:
			return `YAML syntax: ${error.message}`;
	}
}

function describeTop(node: unknown): string {
	if (isSeq(node)) return 'a list';
	if (isAlias(node)) return 'an alias';
	return 'a single value';
}

function aliasesIn(doc: Document): Alias[] {
	const found: Alias[] = [];
	const stack: unknown[] = [doc.contents];
	while (stack.length > 0) {
		const node = stack.pop();
		if (isAlias(node)) found.push(node);
		else if (isMap(node)) for (const pair of node.items) stack.push(pair.value, pair.key);
		else if (isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
	}
	return found.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}

/** A problem found while reading, before it is given a file and a position. */
interface Finding {
	readonly offset: number;
	readonly message: string;
	readonly path?: FieldPath;
}

/** Syntax errors (capped: after many, the rest are echoes of the first) and warnings. */
function syntaxFindings(doc: Document): Finding[] {
	const errors: Finding[] = [];
	let deepReported = false;
	for (const error of doc.errors) {
		const message = syntaxMessage(error);
		if (message.includes('nested too deeply')) {
			if (deepReported) continue;
			deepReported = true;
		}
		errors.push({ offset: error.pos[0], message });
	}
	if (errors.length > MAX_SYNTAX_PROBLEMS) {
		const rest = errors.length - MAX_SYNTAX_PROBLEMS;
		errors.length = MAX_SYNTAX_PROBLEMS;
		errors.push({ offset: errors[errors.length - 1]?.offset ?? 0, message: `${rest} more YAML syntax errors not shown; fix the ones above first` });
	}
	return [...errors, ...doc.warnings.map((w) => ({ offset: w.pos[0], message: syntaxMessage(w) }))];
}

/** The top level must be a mapping; anything else is one whole-file finding. */
function shapeFinding(doc: Document): Finding | undefined {
	if (doc.contents === null) return { offset: 0, message: 'file is empty; expected a mapping of fields, one "name: value" per line' };
	if (isMap(doc.contents)) return undefined;
	return {
		offset: doc.contents.range?.[0] ?? 0,
		message: `the top level must be a mapping of fields ("name: value" lines), but this file is ${describeTop(doc.contents)}`
	};
}

/**
 * Duplicate keys and keys that are not plain words. (The parser's own duplicate check is
 * quadratic in the number of keys, so it is off and this linear one is used.)
 */
function keyFindings(doc: Document, at: (offset: number) => Position): { findings: Finding[]; unusableKeys: boolean } {
	const findings: Finding[] = [];
	let unusableKeys = false;
	const stack: { node: unknown; path: FieldPath }[] = [{ node: doc.contents, path: [] }];
	for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
		const { node, path } = item;
		if (isSeq(node)) node.items.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
		if (!isMap(node)) continue;
		const seen = new Map<string, number>();
		for (const pair of node.items) {
			const offset = isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
			const name = keyName(pair.key);
			if (name === undefined && pair.key !== null) {
				unusableKeys = true;
				findings.push({ offset, message: 'a field name must be a plain word, not a list, mapping or alias', path });
				continue;
			}
			const key = name ?? '';
			const first = seen.get(key);
			if (first === undefined) seen.set(key, offset);
			else findings.push({ offset, message: `field "${key}" is given twice in this mapping (first on line ${at(first).line}); remove one`, path: [...path, key] });
			stack.push({ node: pair.value, path: [...path, key] });
		}
	}
	return { findings: findings.sort((a, b) => a.offset - b.offset), unusableKeys };
}

/** The document as plain data, or the findings that explain why it cannot be expanded. */
function toData(doc: Document): { data: unknown } | { findings: Finding[] } {
	try {
		return { data: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const aliases = aliasesIn(doc);
		if (message.includes('Excessive alias count')) {
			return {
				findings: [
					{
						offset: aliases[0]?.range?.[0] ?? 0,
						message: `aliases (*name) expand to too much data (more than ${MAX_ALIASES} copies); refusing to expand a possible "billion laughs" file`
					}
				]
			};
		}
		const unresolved = aliases.filter((a) => a.resolve(doc) === undefined);
		if (unresolved.length > 0) {
			return { findings: unresolved.map((a) => ({ offset: a.range?.[0] ?? 0, message: `alias *${a.source} has no anchor &${a.source} before it` })) };
		}
		return { findings: [{ offset: 0, message: `could not be read as YAML: ${message}` }] };
	}
}

export function readYaml(file: string, rawText: string): YamlSource {
	// Editors do not count a byte-order mark as a column, so neither do we.
	const text = rawText.startsWith('\ufeff') ? rawText.slice(1) : rawText;
	const startOfFile: Locate = () => ({ line: 1, column: 1, found: false });
	const toProblem =
		(at: (offset: number) => Position) =>
		(f: Finding): Problem => {
			const { line, column } = at(f.offset);
			return { file, line, column, message: f.message, path: pathText(f.path ?? []) };
		};

	const fault = checkText(text);
	if (fault) {
		// Only the first line is needed for most faults; counting lines of a huge file is not.
		const at = fault.offset === 0 ? () => ({ line: 1, column: 1 }) : positionFinder(text, lineCounterFor(text));
		return { problems: [toProblem(at)(fault)], locate: startOfFile };
	}

	const lines = new LineCounter();
	let doc: Document;
	try {
		doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, version: '1.2' });
	} catch (error) {
		return { problems: [toProblem(() => ({ line: 1, column: 1 }))({ offset: 0, message: `could not be read as YAML: ${String(error)}` })], locate: startOfFile };
	}
	const at = positionFinder(text, lines);
	const locate = locator(doc, at);
	const problem = toProblem(at);

	const problems = syntaxFindings(doc).map(problem);
	// After a syntax error the data is the parser's guess; checking it against the schema
	// would bury the real error under invented ones.
	if (doc.errors.length > 0) return { problems, locate };
	const shape = shapeFinding(doc);
	if (shape) return { problems: [...problems, problem(shape)], locate };

	const keys = keyFindings(doc, at);
	problems.push(...keys.findings.map(problem));
	// Collection keys would be stringified (with a process warning) into junk names.
	if (keys.unusableKeys) return { problems, locate };

	const result = toData(doc);
	if ('findings' in result) return { problems: [...problems, ...result.findings.map(problem)], locate };
	return { data: result.data, problems, locate };
}
