/**
 * Finds the part of a zod schema that describes a given field path, so an issue can be
 * explained with what the schema allows there (known field names, the kinds of step).
 * Reads zod's public core definitions; no parsing happens here.
 */
import * as z from 'zod';
import type { FieldPath } from './problems';

type Schema = z.core.$ZodType;
type ObjectSchema = z.core.$ZodObject;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strips wrappers (optional, default, pipe…) that do not change the shape of the data. */
function unwrap(schema: Schema): Schema {
	let s = schema;
	for (;;) {
		if (
			s instanceof z.core.$ZodOptional ||
			s instanceof z.core.$ZodNullable ||
			s instanceof z.core.$ZodDefault ||
			s instanceof z.core.$ZodPrefault ||
			s instanceof z.core.$ZodNonOptional ||
			s instanceof z.core.$ZodCatch ||
			s instanceof z.core.$ZodReadonly
		) {
			s = s._zod.def.innerType;
		} else if (s instanceof z.core.$ZodPipe) {
			s = s._zod.def.in;
		} else return s;
	}
}

function objectOptions(union: z.core.$ZodUnion): (ObjectSchema | undefined)[] {
	return union._zod.def.options.map((o) => {
		const inner = unwrap(o);
		return inner instanceof z.core.$ZodObject ? inner : undefined;
	});
}

function isRequired(schema: Schema): boolean {
	return schema._zod.optin !== 'optional';
}

/**
 * Per option, the required fields no other option has: what tells an author which kind
 * of entry they wrote (`exercise`, `education` or `rest` for a step).
 */
export function identifyingKeys(union: z.core.$ZodUnion): string[][] {
	const options = objectOptions(union);
	return options.map((option, i) => {
		if (!option) return [];
		const shape = option._zod.def.shape;
		return Object.keys(shape).filter(
			(key) => isRequired(shape[key] as Schema) && options.every((other, j) => j === i || !other || !(key in other._zod.def.shape))
		);
	});
}

function literalMatches(option: ObjectSchema, value: Record<string, unknown>): boolean {
	return Object.entries(option._zod.def.shape).some(([key, field]) => {
		const inner = unwrap(field);
		return inner instanceof z.core.$ZodLiteral && key in value && inner._zod.def.values.includes(value[key] as never);
	});
}

/** The option whose identifying field the value has (the first, if it has several). */
export function optionByKey(union: z.core.$ZodUnion, value: unknown): number | undefined {
	if (!isRecord(value)) return undefined;
	const index = identifyingKeys(union).findIndex((keys) => keys.some((k) => k in value));
	return index >= 0 ? index : undefined;
}

/**
 * Which option of a union the author meant: the one whose identifying field is present,
 * else the one whose literal tag matches, else the one sharing most field names.
 */
export function pickOption(union: z.core.$ZodUnion, value: unknown): number | undefined {
	if (!isRecord(value)) return undefined;
	const byKey = optionByKey(union, value);
	if (byKey !== undefined) return byKey;
	let best: number | undefined;
	let bestScore = 0;
	objectOptions(union).forEach((option, i) => {
		if (!option) return;
		const shared = Object.keys(value).filter((k) => k in option._zod.def.shape).length;
		const score = (literalMatches(option, value) ? 1000 : 0) + shared;
		if (score > bestScore) {
			best = i;
			bestScore = score;
		}
	});
	return best;
}

function child(value: unknown, segment: string | number): unknown {
	if (Array.isArray(value)) return typeof segment === 'number' ? value[segment] : undefined;
	return isRecord(value) ? value[String(segment)] : undefined;
}

/**
 * The schema for the field at `path` of `data` (unwrapped), or undefined if the path
 * leaves the schema. A union is left as is at the end of the path, and resolved with
 * pickOption where the path goes through it.
 */
export function schemaAt(root: Schema, path: FieldPath, data: unknown): Schema | undefined {
	let schema = unwrap(root);
	let value = data;
	for (const segment of path) {
		if (schema instanceof z.core.$ZodUnion) {
			const options = schema._zod.def.options;
			const picked = pickOption(schema, value);
			if (picked === undefined) return undefined;
			schema = unwrap(options[picked] as Schema);
		}
		let next: Schema | undefined;
		if (schema instanceof z.core.$ZodObject) next = schema._zod.def.shape[String(segment)];
		else if (schema instanceof z.core.$ZodArray) next = schema._zod.def.element;
		else if (schema instanceof z.core.$ZodRecord) next = schema._zod.def.valueType;
		if (!next) return undefined;
		schema = unwrap(next);
		value = child(value, segment);
	}
	return schema;
}

/** Field names an object at `path` may have; empty when it is not an object schema. */
export function fieldNamesAt(root: Schema, path: FieldPath, data: unknown): string[] {
	let schema = schemaAt(root, path, data);
	if (schema instanceof z.core.$ZodUnion) {
		const picked = pickOption(schema, valueAt(data, path));
		schema = picked === undefined ? undefined : unwrap(schema._zod.def.options[picked] as Schema);
	}
	return schema instanceof z.core.$ZodObject ? Object.keys(schema._zod.def.shape) : [];
}

export function valueAt(data: unknown, path: FieldPath): unknown {
	let value = data;
	for (const segment of path) value = child(value, segment);
	return value;
}

/** True when the field at `path` is absent from its (existing) parent mapping. */
export function isMissing(data: unknown, path: FieldPath): boolean {
	if (path.length === 0) return data === undefined;
	const parent = valueAt(data, path.slice(0, -1));
	const last = path[path.length - 1];
	return isRecord(parent) && last !== undefined && !(String(last) in parent);
}
