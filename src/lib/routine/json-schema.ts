/**
 * JSON Schemas of the content formats, generated from the zod schemas so editors can
 * complete and check YAML (`# yaml-language-server: $schema=…`) without a second,
 * hand-kept copy of the format. `npm run schema` writes them to static/schema/, and a
 * unit test fails when the committed files differ from what this produces.
 */
import * as z from 'zod';
import { course, mediaCatalog, routine } from './schema';

const FORMATS = [
	{ name: 'routine.schema.json', schema: routine, title: 'Limber routine' },
	{ name: 'course.schema.json', schema: course, title: 'Limber course' },
	{ name: 'media.schema.json', schema: mediaCatalog, title: 'Limber media catalogue' }
] as const;

export interface SchemaFile {
	/** File name inside static/schema/. */
	readonly name: string;
	readonly text: string;
}

export function jsonSchemaFiles(): SchemaFile[] {
	return FORMATS.map(({ name, schema, title }) => {
		// io 'input' describes what authors write: fields with defaults are optional.
		const generated = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
		const document = {
			title,
			$comment: 'Generated from src/lib/routine/schema.ts by `npm run schema`; do not edit by hand.',
			...generated
		};
		return { name, text: `${JSON.stringify(document, null, '\t')}\n` };
	});
}
