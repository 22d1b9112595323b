/**
 * Reading an export file a person chose: either the whole content, checked against the
 * same schemas the store uses, or a message they can act on; never part of a file. Files
 * of the earlier format (version 1, before the weekly plan) are read too.
 */
import * as v from 'valibot';
import { EXPORT_FORMAT, EXPORT_VERSION, exportFile, exportFileV1, upgradeExport, type ExportFile } from './export-format';

export type ParsedImport = { readonly ok: true; readonly file: ExportFile } | { readonly ok: false; readonly message: string };

/** valibot says "Expected never" of a field the schema does not know: say it plainly. */
function describe(issue: v.BaseIssue<unknown>): string {
	if (issue.type === 'strict_object' && issue.expected === 'never') return `unexpected field ${issue.received}`;
	return issue.message;
}

function hasDuplicateIds(xs: readonly { id: string }[]): boolean {
	return new Set(xs.map((x) => x.id)).size !== xs.length;
}

function checked(json: unknown, version: unknown): v.SafeParseResult<typeof exportFile> | v.SafeParseResult<typeof exportFileV1> {
	return version === 1 ? v.safeParse(exportFileV1, json) : v.safeParse(exportFile, json);
}

export function parseExportFile(text: string): ParsedImport {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, message: 'This file is not a Limber export: it is not readable JSON. Nothing was changed.' };
	}
	if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== EXPORT_FORMAT) {
		return { ok: false, message: 'This file is not a Limber progress export. Nothing was changed.' };
	}
	const version = (json as { version?: unknown }).version;
	if (typeof version === 'number' && version > EXPORT_VERSION) {
		return {
			ok: false,
			message: `This export was made by a newer version of Limber (format ${version}). Update Limber, then import it again. Nothing was changed.`
		};
	}
	const result = checked(json, version);
	if (!result.success) {
		const first = result.issues[0];
		const path = v.getDotPath(first);
		const where = path ? ` (at ${path})` : '';
		return {
			ok: false,
			message: `This Limber export is damaged and was not imported: ${describe(first)}${where}. Nothing was changed.`
		};
	}
	const f: ExportFile = result.output.version === 1 ? upgradeExport(result.output) : result.output;
	const p = f.plan;
	const lists = [f.sessions, f.choices, f.safety, p.setups, p.days, p.goals, p.reviews, p.thoughts, p.fears, p.measures];
	if (lists.some(hasDuplicateIds) || new Set(p.tools.map((t) => t.kind)).size !== p.tools.length) {
		return { ok: false, message: 'This Limber export is damaged: a record appears twice. Nothing was changed.' };
	}
	return { ok: true, file: f };
}
