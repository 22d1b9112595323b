/**
 * Turns zod's issues into Problems an author can act on: one per unknown field (pointing
 * at the field name, with a spelling suggestion), "missing required field" pointing at
 * the mapping that lacks it, and a union's issues explained through the one option the
 * author evidently meant rather than all of them at once.
 */
import * as z from 'zod';
import { describeValue } from './issue-text';
import type { FieldPath, Problem } from './problems';
import { fieldNamesAt, identifyingKeys, isMissing, optionByKey, pickOption, schemaAt, valueAt } from './schema-walk';
import { didYouMean } from './suggest';

/** Places a message at a field; `key` targets the field's name rather than its value. */
export type Place = (path: FieldPath, message: string, target?: 'key' | 'value') => Problem;

function listWords(words: readonly string[]): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** "steps" → "a step": how a list entry is named in messages. */
function entryName(path: FieldPath): string {
	const parent = [...path].reverse().find((s) => typeof s === 'string');
	return typeof parent === 'string' && parent.endsWith('s') ? `a ${parent.slice(0, -1)}` : 'this entry';
}

function toPath(path: readonly PropertyKey[]): (string | number)[] {
	return path.map((s) => (typeof s === 'number' ? s : String(s)));
}

export function schemaProblems(root: z.core.$ZodType, issues: readonly z.core.$ZodIssue[], data: unknown, place: Place): Problem[] {
	const explain = (issue: z.core.$ZodIssue, prefix: FieldPath): Problem[] => {
		const path = [...prefix, ...toPath(issue.path)];
		switch (issue.code) {
			case 'unrecognized_keys': {
				const known = fieldNamesAt(root, path, data);
				return issue.keys.map((key) =>
					place([...path, key], key === '' ? 'a field has no name before its ":"' : `unknown field "${key}"${didYouMean(key, known)}`, 'key')
				);
			}
			case 'invalid_key': {
				const key = String(path[path.length - 1] ?? '');
				return issue.issues.map((inner) => place(path, `the name "${key}" ${inner.message}`, 'key'));
			}
			case 'invalid_union':
				return explainUnion(issue, path);
			case 'invalid_type':
			case 'invalid_value': {
				if (!isMissing(data, path)) return [place(path, issue.message)];
				const choices = issue.code === 'invalid_value' ? ` (one of: ${issue.values.map(String).join(', ')})` : '';
				return [place(path, `missing required field "${String(path[path.length - 1])}"${choices}`)];
			}
			default:
				return [place(path, issue.message)];
		}
	};

	const explainUnion = (issue: z.core.$ZodIssueInvalidUnion, path: FieldPath): Problem[] => {
		const value = valueAt(data, path);
		if (issue.discriminator !== undefined) {
			// zod puts the discriminator in the path already.
			const options = 'options' in issue && issue.options ? issue.options.map(String) : [];
			const field = issue.discriminator;
			if (isMissing(data, path)) return [place(path, `missing required field "${field}" (one of: ${options.join(', ')})`)];
			return [place(path, `must be one of: ${options.join(', ')}; but is ${describeValue(value)}`)];
		}
		const union = schemaAt(root, path, data);
		if (!(union instanceof z.core.$ZodUnion)) return [place(path, issue.message)];
		// A union whose options have identifying fields (a step's exercise / education / rest)
		// is read by those alone: guessing from other fields would blame the wrong kind.
		const kindKeys = identifyingKeys(union);
		const picked = kindKeys.some((keys) => keys.length > 0) ? optionByKey(union, value) : pickOption(union, value);
		const branch = picked === undefined ? undefined : issue.errors[picked];
		if (branch && branch.length > 0) return branch.flatMap((inner) => explain(inner, path));
		const kinds = listWords(kindKeys.map((keys) => keys[0] ?? '').filter((k) => k !== ''));
		const entry = entryName(path);
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			return [place(path, `${entry} must be a mapping with one of the fields ${kinds}, but is ${describeValue(value)}`)];
		}
		return [place(path, `${entry} needs one of the fields ${kinds} to say what kind it is`)];
	};

	return issues.flatMap((issue) => explain(issue, []));
}
