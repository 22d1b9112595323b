/**
 * A programme as a routine YAML file and back: the export a clinic moves between installs or
 * turns into a shipped routine (`npm run validate` checks it like any routine file).
 */
import { stringify } from 'yaml';
import { parseRoutine, type Parsed } from '../routine/parse';
import type { Routine, RoutineInput } from '../routine/schema';

export function routineYaml(document: RoutineInput | Routine, title: string): string {
	const header = `# ${title.replace(/\s+/g, ' ')}: a home programme exported from Limber.\n`;
	return header + stringify(document, { lineWidth: 100 });
}

/** Reads an uploaded routine file with line-numbered problems, as `npm run validate` does. */
export function readRoutineYaml(name: string, text: string): Parsed<Routine> {
	return parseRoutine({ file: name, text });
}
