/**
 * The export file: everything personal Limber keeps, as versioned JSON, and how an
 * imported file merges with what the device has. Reading a chosen file is import-file.ts.
 *
 * Version 2 adds the weekly plan (`plan`: setups, plan days, goals, reviews, thought
 * records, fear ladder, questionnaires, tool notes). A version-1 file is still read: it is
 * the same file with no plan, and upgradeExport() makes it one.
 */
import * as v from 'valibot';
import { levelChoice, safetyEvent, sessionRecord, settings, type LevelChoice, type SafetyEvent, type SessionRecord, type Settings } from './records';
import {
	EMPTY_PLAN_DATA,
	fearItem,
	goal,
	goalReview,
	measure,
	planDay,
	planSetup,
	thoughtRecord,
	toolNote,
	type PlanData,
	type ToolNote
} from './plan-records';

export const EXPORT_FORMAT = 'limber-progress';
export const EXPORT_VERSION = 2;

const core = {
	format: v.literal(EXPORT_FORMAT),
	exportedAt: v.pipe(v.string(), v.isoTimestamp()),
	sessions: v.array(sessionRecord),
	choices: v.array(levelChoice),
	safety: v.array(safetyEvent),
	settings: v.nullable(settings)
};

/** Files written before the weekly plan. */
export const exportFileV1 = v.strictObject({ ...core, version: v.literal(1) });

export const planExport = v.strictObject({
	setups: v.array(planSetup),
	days: v.array(planDay),
	goals: v.array(goal),
	reviews: v.array(goalReview),
	thoughts: v.array(thoughtRecord),
	fears: v.array(fearItem),
	measures: v.array(measure),
	tools: v.array(toolNote)
});

export const exportFile = v.strictObject({ ...core, version: v.literal(EXPORT_VERSION), plan: planExport });

export type ExportFileV1 = v.InferOutput<typeof exportFileV1>;
export type ExportFile = v.InferOutput<typeof exportFile>;

export interface ProgressData {
	readonly sessions: readonly SessionRecord[];
	readonly choices: readonly LevelChoice[];
	readonly safety: readonly SafetyEvent[];
	readonly settings: Settings | null;
}

export function upgradeExport(file: ExportFileV1): ExportFile {
	const plan = { setups: [], days: [], goals: [], reviews: [], thoughts: [], fears: [], measures: [], tools: [] };
	return { ...file, version: EXPORT_VERSION, plan };
}

const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

/** Sorted by id, so two exports of the same data are the same bytes apart from the date. */
export function toExportFile(data: ProgressData, now: Date, plan: PlanData = EMPTY_PLAN_DATA): ExportFile {
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: now.toISOString(),
		sessions: byId(data.sessions),
		choices: byId(data.choices),
		safety: byId(data.safety),
		settings: data.settings,
		plan: {
			setups: byId(plan.setups),
			days: byId(plan.days),
			goals: byId(plan.goals),
			reviews: byId(plan.reviews),
			thoughts: byId(plan.thoughts),
			fears: byId(plan.fears),
			measures: byId(plan.measures),
			tools: [...plan.tools].sort((a, b) => a.kind.localeCompare(b.kind))
		}
	};
}

export function exportFileName(now: Date): string {
	return `limber-progress-${now.toISOString().slice(0, 10)}.json`;
}

/** What an import writes: records to add, and edited records (goals, fears, tool notes) to replace. */
export interface PlanMerge {
	readonly setups: PlanData['setups'];
	readonly days: PlanData['days'];
	readonly reviews: PlanData['reviews'];
	readonly thoughts: PlanData['thoughts'];
	readonly measures: PlanData['measures'];
	/** New, or newer (by updatedAt) than the device's copy. */
	readonly goals: PlanData['goals'];
	readonly fears: PlanData['fears'];
	readonly tools: readonly ToolNote[];
}

export interface MergePlan {
	readonly sessions: SessionRecord[];
	readonly choices: LevelChoice[];
	readonly safety: SafetyEvent[];
	readonly plan: PlanMerge;
	/** Records written. */
	readonly added: number;
	readonly skipped: number;
}

function fresh<T extends { id: string }>(have: readonly T[], come: readonly T[]): T[] {
	const ids = new Set(have.map((x) => x.id));
	return come.filter((x) => !ids.has(x.id));
}

/** Incoming copies that are new or were edited later than the device's own. */
function newer<T>(have: readonly T[], come: readonly T[], key: (x: T) => string, updated: (x: T) => string): T[] {
	const mine = new Map(have.map((x) => [key(x), updated(x)]));
	return come.filter((x) => {
		const at = mine.get(key(x));
		return at === undefined || updated(x) > at;
	});
}

/**
 * Records the device does not have yet, by stable id: importing the same file twice adds
 * nothing. Records a person edits (goals, fear-ladder rungs, tool notes) keep the later
 * edit, so a file from another device brings its changes without undoing newer ones here.
 */
export function mergePlan(existing: ProgressData, incoming: ExportFile, existingPlan: PlanData = EMPTY_PLAN_DATA): MergePlan {
	const sessions = fresh(existing.sessions, incoming.sessions);
	const choices = fresh(existing.choices, incoming.choices);
	const safety = fresh(existing.safety, incoming.safety);
	const p = incoming.plan;
	const plan: PlanMerge = {
		setups: fresh(existingPlan.setups, p.setups),
		days: fresh(existingPlan.days, p.days),
		reviews: fresh(existingPlan.reviews, p.reviews),
		thoughts: fresh(existingPlan.thoughts, p.thoughts),
		measures: fresh(existingPlan.measures, p.measures),
		goals: newer(existingPlan.goals, p.goals, (g) => g.id, (g) => g.updatedAt),
		fears: newer(existingPlan.fears, p.fears, (f) => f.id, (f) => f.updatedAt),
		tools: newer(existingPlan.tools, p.tools, (t) => t.kind, (t) => t.updatedAt)
	};
	const incomingCount =
		incoming.sessions.length +
		incoming.choices.length +
		incoming.safety.length +
		Object.values(p).reduce((n, list: readonly unknown[]) => n + list.length, 0);
	const added =
		sessions.length + choices.length + safety.length + Object.values(plan).reduce((n, list: readonly unknown[]) => n + list.length, 0);
	return { sessions, choices, safety, plan, added, skipped: incomingCount - added };
}
