/**
 * The programmes this device has opened, kept on the device (the "From your clinician" list on
 * the home page, and their plans for the history page). Nothing of it goes to the server.
 */
import * as z from 'zod';
import type { RoutinePlan } from '../progress/routine-progress';
import type { DraftStorage } from './draft-store';

export const OPENED_KEY = 'limber.programmes-opened';
const MAX_OPENED = 50;

const planSchema = z.object({
	id: z.string(),
	title: z.string(),
	progression: z.unknown(),
	startingLevel: z.number(),
	sessionsPerWeek: z.number(),
	levels: z.array(z.object({ level: z.number(), name: z.string(), durationMs: z.number() }))
});

const openedSchema = z.object({
	shareId: z.string(),
	title: z.string(),
	openedAt: z.string(),
	withdrawn: z.boolean(),
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
		const parsed = z.array(openedSchema).safeParse(JSON.parse(storage?.getItem(OPENED_KEY) ?? '[]'));
		// The plan was written by this app from a routine that passed the schema.
		return parsed.success ? (parsed.data as OpenedProgramme[]) : [];
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
