/** npm run schema: writes the content formats' JSON Schemas to static/schema/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFiles } from '../src/lib/routine/json-schema';

const outDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'static', 'schema');

try {
	mkdirSync(outDir, { recursive: true });
	for (const { name, text } of jsonSchemaFiles()) {
		writeFileSync(join(outDir, name), text);
		console.log(`wrote static/schema/${name}`);
	}
} catch (error) {
	console.error(`schema: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
}
