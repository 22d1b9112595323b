import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../../../src/lib/routine/json-schema';

const schemaDir = fileURLToPath(new URL('../../../static/schema/', import.meta.url));

interface JsonSchema {
	readonly title?: string;
	readonly required?: readonly string[];
	readonly additionalProperties?: boolean;
	readonly properties?: Record<string, JsonSchema>;
	readonly items?: JsonSchema;
	readonly anyOf?: readonly JsonSchema[];
}

const generated = () => new Map(jsonSchemaFiles().map((f) => [f.name, f.text]));

describe('JSON Schemas of the content formats', () => {
	it.each(['routine.schema.json', 'course.schema.json', 'media.schema.json'])('static/schema/%s is up to date (run `npm run schema`)', (name) => {
		const committed = readFileSync(`${schemaDir}${name}`, 'utf8');
		expect(committed).toBe(generated().get(name));
	});

	it('is generated the same way every time', () => {
		expect(jsonSchemaFiles()).toEqual(jsonSchemaFiles());
	});

	it('describes what authors write: defaulted fields are optional, unknown fields refused', () => {
		const routine = JSON.parse(generated().get('routine.schema.json') ?? '{}') as JsonSchema;
		expect(routine.title).toBe('Limber routine');
		expect(routine.required).toContain('id');
		expect(routine.required).toContain('levels');
		expect(routine.required).not.toContain('cues');
		expect(routine.required).not.toContain('exercises');
		expect(routine.additionalProperties).toBe(false);
		const step = routine.properties?.levels?.items?.properties?.steps?.items;
		expect(step?.anyOf?.map((o) => o.required)).toEqual([['exercise'], ['education', 'seconds'], ['rest']]);
		expect(step?.anyOf?.every((o) => o.additionalProperties === false)).toBe(true);
	});
});
