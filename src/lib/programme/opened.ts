/**
 * The programmes this device has opened, kept on the device (the "From your clinician" list on
 * the home page, and their plans for the history page). Nothing of it goes to the server.
 */
// valibot, like the other records kept on the device: zod (the routine schema's) would add
// about 26 kB gzip to the home page, which shows this list.
import * as v from 'valibot';
import type { RoutinePlan } from '../progress/routine-progress';
import type { DraftStorage } from './draft-store';

export const OPENED_KEY = 'limber.programmes-opened';
const MAX_OPENED = 50;

const planSchema = v.object({
	id: v.string(),
	title: v.string(),
	progression: v.unknown(),
	startingLevel: v.number(),
	sessionsPerWeek: v.number(),
	levels: v.array(v.object({ level: v.number(), name: v.string(), durationMs: v.number() }))
});

const openedSchema = v.object({
	shareId: v.string(),
	title: v.string(),
	openedAt: v.string(),
	withdrawn: v.boolean(),
	plan: planSchema
});

export interface OpenedProgramme {
	readonly shareId: string;
	readonly title: string;
	readonly openedAt: string;
	readonly withdrawn: boolean;
	readonly plan: RoutinePlan;
}

export function readOpened(storage: Pick<DraftStorage, 'getItem'> | null): OpenedProgramme[] {
	try {
		const parsed = v.safeParse(v.array(openedSchema), JSON.parse(storage?.getItem(OPENED_KEY) ?? '[]'));
		// The plan was written by this app from a routine that passed the schema.
		return parsed.success ? (parsed.output as OpenedProgramme[]) : [];
	} catch {
		return [];
	}
}

function write(storage: DraftStorage | null, list: readonly OpenedProgramme[]): void {
	try {
		storage?.setItem(OPENED_KEY, JSON.stringify(list.slice(0, MAX_OPENED)));
	} catch {
		/* storage full or blocked: the list is a convenience, the history is kept elsewhere */
	}
}

/** Opened now: first in the list, with the newest title and plan. */
export function rememberOpened(storage: DraftStorage | null, entry: Omit<OpenedProgramme, 'withdrawn'>): OpenedProgramme[] {
	const list = [{ ...entry, withdrawn: false }, ...readOpened(storage).filter((o) => o.shareId !== entry.shareId)];
	write(storage, list);
	return list;
}

/** A withdrawn programme stays in the list (its history stays too), marked so. Returns whether the device had it. */
export function markWithdrawn(storage: DraftStorage | null, shareId: string): boolean {
	const list = readOpened(storage);
	if (!list.some((o) => o.shareId === shareId)) return false;
	write(storage, list.map((o) => (o.shareId === shareId ? { ...o, withdrawn: true } : o)));
	return true;
}
