/**
 * Programmes on the server: a clinician's routine documents, every saved version kept, found
 * by their share id. Only the owner lists, edits or withdraws; anyone with the link plays.
 * Nothing about a patient is stored here.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { routine as routineSchema, type Routine } from '$lib/routine/schema';
import { isShareId, newShareId, routineIdFor } from './share-id';

export interface ProgrammeRow {
	readonly id: string;
	readonly ownerId: string;
	readonly title: string;
	readonly version: number;
	readonly createdAt: number;
	readonly updatedAt: number;
	readonly withdrawnAt: number | null;
}

export interface Programme extends ProgrammeRow {
	/** The newest version's routine document, its id set to the programme's routine id. */
	readonly routine: Routine;
}

export type Refusal = { readonly ok: false; readonly status: 403 | 404; readonly message: string };
export type Outcome<T> = ({ readonly ok: true } & T) | Refusal;

const NOT_FOUND: Refusal = { ok: false, status: 404, message: 'No programme at this link' };
const NOT_YOURS: Refusal = { ok: false, status: 403, message: 'Only the clinician who made this programme can change it' };

function stored(document: Routine, shareId: string): string {
	return JSON.stringify({ ...document, id: routineIdFor(shareId) });
}

export async function createProgramme(database: Database, ownerId: string, document: Routine, now = Date.now()): Promise<ProgrammeRow> {
	const { tables } = database;
	const id = newShareId();
	const row = { id, ownerId, title: document.title, version: 1, createdAt: now, updatedAt: now, withdrawnAt: null };
	await database.transaction(async (tx) => {
		await tx.insert(tables.programmes).values(row);
		await tx.insert(tables.programmeVersions).values({ programmeId: id, version: 1, document: stored(document, id), createdAt: now });
	});
	return row;
}

async function row(database: Database, shareId: string): Promise<ProgrammeRow | null> {
	if (!isShareId(shareId)) return null;
	const { db, tables } = database;
	const [found] = await db.select().from(tables.programmes).where(eq(tables.programmes.id, shareId));
	return found ?? null;
}

async function owned(database: Database, ownerId: string, shareId: string): Promise<Outcome<{ programme: ProgrammeRow }>> {
	const found = await row(database, shareId);
	if (!found) return NOT_FOUND;
	if (found.ownerId !== ownerId) return NOT_YOURS;
	return { ok: true, programme: found };
}

/** A new version; earlier ones stay, so a patient's history still names what they played. */
export async function saveVersion(
	database: Database,
	ownerId: string,
	shareId: string,
	document: Routine,
	now = Date.now()
): Promise<Outcome<{ programme: ProgrammeRow }>> {
	const check = await owned(database, ownerId, shareId);
	if (!check.ok) return check;
	const { tables } = database;
	// The version is taken inside the transaction, by the row's own update: two saves sent
	// at once (a double click, two tabs) get versions n+1 and n+2, never the same one twice.
	const version = await database.transaction(async (tx) => {
		const [bumped] = await tx
			.update(tables.programmes)
			.set({ version: sql`${tables.programmes.version} + 1`, title: document.title, updatedAt: now })
			.where(and(eq(tables.programmes.id, shareId), eq(tables.programmes.ownerId, ownerId)))
			.returning({ version: tables.programmes.version });
		// Removed (with its owner's account) since the check above.
		if (!bumped) return null;
		await tx.insert(tables.programmeVersions).values({ programmeId: shareId, version: bumped.version, document: stored(document, shareId), createdAt: now });
		return bumped.version;
	});
	if (version === null) return NOT_FOUND;
	return { ok: true, programme: { ...check.programme, version, title: document.title, updatedAt: now } };
}

export async function withdrawProgramme(database: Database, ownerId: string, shareId: string, now = Date.now()): Promise<Outcome<{ programme: ProgrammeRow }>> {
	const check = await owned(database, ownerId, shareId);
	if (!check.ok) return check;
	if (check.programme.withdrawnAt !== null) return check;
	const { db, tables } = database;
	await database.write(() => db.update(tables.programmes).set({ withdrawnAt: now, updatedAt: now }).where(eq(tables.programmes.id, shareId)));
	return { ok: true, programme: { ...check.programme, withdrawnAt: now, updatedAt: now } };
}

export async function listProgrammes(database: Database, ownerId: string): Promise<ProgrammeRow[]> {
	const { db, tables } = database;
	return db.select().from(tables.programmes).where(eq(tables.programmes.ownerId, ownerId)).orderBy(desc(tables.programmes.updatedAt));
}

/** For anyone holding the link: the newest version (a withdrawn one too, so its page can say so). */
export async function programmeByShareId(database: Database, shareId: string): Promise<Programme | null> {
	const found = await row(database, shareId);
	if (!found) return null;
	const { db, tables } = database;
	const [version] = await db
		.select()
		.from(tables.programmeVersions)
		.where(and(eq(tables.programmeVersions.programmeId, shareId), eq(tables.programmeVersions.version, found.version)));
	if (!version) return null;
	// Stored documents passed the schema when saved; parsing again fills defaults and guards old rows.
	const parsed = routineSchema.safeParse(JSON.parse(version.document));
	return parsed.success ? { ...found, routine: parsed.data } : null;
}

/** The owner's copy for the builder; someone else's is a 403, an unknown id a 404. */
export async function programmeForOwner(database: Database, ownerId: string, shareId: string): Promise<Outcome<{ programme: Programme }>> {
	const programme = await programmeByShareId(database, shareId);
	if (!programme) return NOT_FOUND;
	if (programme.ownerId !== ownerId) return NOT_YOURS;
	return { ok: true, programme };
}
