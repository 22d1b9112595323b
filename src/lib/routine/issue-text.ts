/**
 * Plain-English wording for zod's issues, written for content authors rather than
 * programmers ("must be a whole number, but is 2.5"). Used as the per-parse error map,
 * so messages written into the schema itself still win.
 */
import type * as z from 'zod';

const EXPECTED: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'a mapping of fields ("name: value" lines)',
	record: 'a mapping of names to entries',
	null: 'empty',
	undefined: 'left out'
};

function clip(text: string): string {
	return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

export function describeValue(value: unknown): string {
	if (value === null) return 'empty';
	if (value === undefined) return 'missing';
	if (typeof value === 'string') return value === '' ? 'empty text' : `the text "${clip(value)}"`;
	if (typeof value === 'number') return Number.isNaN(value) ? 'not a number' : `the number ${value}`;
	if (typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) return 'a list';
	if (value instanceof Uint8Array) return 'binary data';
	if (typeof value === 'object') return 'a mapping';
	return typeof value;
}

function typeMessage(expected: string, input: unknown): string {
	const wanted = EXPECTED[expected] ?? expected;
	const hint = expected === 'string' && (typeof input === 'number' || typeof input === 'boolean') ? '; put it in quotes to make it text' : '';
	return `must be ${wanted}, but is ${describeValue(input)}${hint}`;
}

function bound(kind: 'at least' | 'at most', origin: string, limit: number | bigint, inclusive: boolean, input: unknown): string {
	const strict = kind === 'at least' ? 'more than' : 'less than';
	if (origin === 'array' || origin === 'set') {
		const n = Array.isArray(input) ? input.length : undefined;
		if (kind === 'at least' && limit === 1) return 'must not be an empty list';
		const has = n === undefined ? '' : `, but has ${n}`;
		return `must have ${kind} ${limit} item${limit === 1 ? '' : 's'}${has}`;
	}
	if (origin === 'string') {
		if (kind === 'at least' && limit === 1) return 'must not be empty';
		return `must be ${kind} ${limit} characters long`;
	}
	const but = typeof input === 'number' ? `, but is ${input}` : '';
	return `must be ${inclusive ? kind : strict} ${limit}${but}`;
}

export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
	switch (issue.code) {
		case 'invalid_type':
			return typeMessage(issue.expected, issue.input);
		case 'too_small':
			return bound('at least', issue.origin, issue.minimum, issue.inclusive ?? true, issue.input);
		case 'too_big':
			return bound('at most', issue.origin, issue.maximum, issue.inclusive ?? true, issue.input);
		case 'invalid_value': {
			const options = issue.values.map((v) => String(v));
			if (options.length === 1) return `must be "${options[0]}", but is ${describeValue(issue.input)}`;
			return `must be one of: ${options.join(', ')}; but is ${describeValue(issue.input)}`;
		}
		case 'invalid_format':
			if (issue.format === 'url') return 'must be a web address, e.g. "https://doi.org/10.1000/xyz"';
			if (issue.format === 'regex') return 'is not in the expected form';
			return `must be a valid ${issue.format}`;
		case 'not_multiple_of':
			return `must be a multiple of ${issue.divisor}`;
		case 'unrecognized_keys':
			return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.join(', ')}`;
		case 'invalid_key':
			return 'has an invalid name';
		case 'invalid_element':
			return 'has an invalid entry';
		case 'invalid_union':
			return 'does not match any allowed form';
		default:
			return undefined;
	}
}
