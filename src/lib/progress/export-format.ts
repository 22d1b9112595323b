/**
 * The export file: everything personal Limber keeps, as versioned JSON, and how an
 * imported file merges with what the device has. Reading a chosen file is import-file.ts.
 */
import * as v from 'valibot';
import { levelChoice, safetyEvent, sessionRecord, settings, type LevelChoice, type SafetyEvent, type SessionRecord, type Settings } from './records';

export const EXPORT_FORMAT = 'limber-progress';
export const EXPORT_VERSION = 1;

export const exportFile = v.strictObject({
	format: v.literal(EXPORT_FORMAT),
	version: v.literal(EXPORT_VERSION),
	exportedAt: v.pipe(v.string(), v.isoTimestamp()),
	sessions: v.array(sessionRecord),
	choices: v.array(levelChoice),
	safety: v.array(safetyEvent),
	settings: v.nullable(settings)
});

export type ExportFile = v.InferOutput<typeof exportFile>;

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
