/**
 * The export file: everything personal Limber keeps, as versioned JSON. Reading a file
 * either yields the whole content, checked against the same schemas the store uses, or a
 * message a person can act on; it never yields part of a file.
 */
import * as z from 'zod';
import { levelChoice, safetyEvent, sessionRecord, settings, type LevelChoice, type SafetyEvent, type SessionRecord, type Settings } from './records';

export const EXPORT_FORMAT = 'limber-progress';
export const EXPORT_VERSION = 1;

export const exportFile = z.strictObject({
	format: z.literal(EXPORT_FORMAT),
	version: z.literal(EXPORT_VERSION),
	exportedAt: z.iso.datetime({ offset: true }),
	sessions: z.array(sessionRecord),
	choices: z.array(levelChoice),
	safety: z.array(safetyEvent),
	settings: settings.nullable()
});

export type ExportFile = z.infer<typeof exportFile>;

export interface ProgressData {
	readonly sessions: readonly SessionRecord[];
	readonly choices: readonly LevelChoice[];
	readonly safety: readonly SafetyEvent[];
	readonly settings: Settings | null;
}

/** Sorted by id, so two exports of the same data are the same bytes apart from the date. */
export function toExportFile(data: ProgressData, now: Date): ExportFile {
	const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: now.toISOString(),
		sessions: byId(data.sessions),
		choices: byId(data.choices),
		safety: byId(data.safety),
		settings: data.settings
	};
}

export function exportFileName(now: Date): string {
	return `limber-progress-${now.toISOString().slice(0, 10)}.json`;
}

export type ParsedImport = { readonly ok: true; readonly file: ExportFile } | { readonly ok: false; readonly message: string };

function hasDuplicateIds(xs: readonly { id: string }[]): boolean {
	return new Set(xs.map((x) => x.id)).size !== xs.length;
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
	const result = exportFile.safeParse(json);
	if (!result.success) {
		const first = result.error.issues[0];
		const where = first && first.path.length ? ` (at ${first.path.join('.')})` : '';
		return {
			ok: false,
			message: `This Limber export is damaged and was not imported: ${first?.message ?? 'unknown problem'}${where}. Nothing was changed.`
		};
	}
	const f = result.data;
	if (hasDuplicateIds(f.sessions) || hasDuplicateIds(f.choices) || hasDuplicateIds(f.safety)) {
		return { ok: false, message: 'This Limber export is damaged: a record appears twice. Nothing was changed.' };
	}
	return { ok: true, file: f };
}

export interface MergePlan {
	readonly sessions: SessionRecord[];
	readonly choices: LevelChoice[];
	readonly safety: SafetyEvent[];
	readonly skipped: number;
}

/** Records the device does not have yet, by stable id: importing the same file twice adds nothing. */
export function mergePlan(existing: ProgressData, incoming: ExportFile): MergePlan {
	const fresh = <T extends { id: string }>(have: readonly T[], come: readonly T[]) => {
		const ids = new Set(have.map((x) => x.id));
		return come.filter((x) => !ids.has(x.id));
	};
	const sessions = fresh(existing.sessions, incoming.sessions);
	const choices = fresh(existing.choices, incoming.choices);
	const safety = fresh(existing.safety, incoming.safety);
	const skipped =
		incoming.sessions.length + incoming.choices.length + incoming.safety.length - sessions.length - choices.length - safety.length;
	return { sessions, choices, safety, skipped };
}
