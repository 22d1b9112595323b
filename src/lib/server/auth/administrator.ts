/**
 * The administrator: the first account made on an install. Who that is gets decided once,
 * by inserting the `administrator` row of app_meta: its primary key makes two racing first
 * sign-ups wait for each other on both databases (PostgreSQL holds the second insert until
 * the first commits, SQLite has one writer), so exactly one of them becomes administrator.
 */
import { asc, count, eq } from 'drizzle-orm';
import type { Database, Tx } from '../db/database';

const ADMINISTRATOR_KEY = 'administrator';

/** True for the one caller that takes the claim; false once anyone has. */
export async function claimAdministrator(tx: Tx, tables: Database['tables'], now: number): Promise<boolean> {
	const { appMeta } = tables;
	const claimed = await tx
		.insert(appMeta)
		.values({ key: ADMINISTRATOR_KEY, value: new Date(now).toISOString() })
		.onConflictDoNothing({ target: appMeta.key })
		.returning({ key: appMeta.key });
	return claimed.length > 0;
}

/** The oldest account, which becomes administrator on an install that had accounts before there were administrators. */
export async function oldestAccount(tx: Tx, tables: Database['tables']): Promise<string | null> {
	const { instructors } = tables;
	const [row] = await tx.select({ id: instructors.id }).from(instructors).orderBy(asc(instructors.createdAt), asc(instructors.id)).limit(1);
	return row?.id ?? null;
}

/**
 * At start: an install upgraded from before invitations has accounts and no administrator;
 * its oldest account becomes one, so sign-up closing never locks everyone out. A fresh
 * install is left alone: its first sign-up takes the claim.
 */
export async function ensureAdministrator(database: Database, now = Date.now()): Promise<void> {
	const { tables } = database;
	await database.transaction(async (tx) => {
		const oldest = await oldestAccount(tx, tables);
		if (!oldest) return;
		if (await claimAdministrator(tx, tables, now)) {
			await tx.update(tables.instructors).set({ isAdmin: true }).where(eq(tables.instructors.id, oldest));
		}
	});
}

export interface Account {
	readonly id: string;
	readonly email: string;
	readonly isAdmin: boolean;
	readonly createdAt: number;
}

export async function listAccounts(database: Database): Promise<Account[]> {
	const { db, tables: { instructors } } = database;
	return db
		.select({ id: instructors.id, email: instructors.email, isAdmin: instructors.isAdmin, createdAt: instructors.createdAt })
		.from(instructors)
		.orderBy(asc(instructors.createdAt), asc(instructors.email));
}

export async function hasAnyAccount(database: Database): Promise<boolean> {
	const { db, tables: { instructors } } = database;
	const rows = await db.select({ id: instructors.id }).from(instructors).limit(1);
	return rows.length > 0;
}

export type RemoveResult = { readonly ok: true; readonly email: string } | { readonly ok: false; readonly message: string };

export const LAST_ADMINISTRATOR_MESSAGE =
	'This is the only administrator account, so it cannot be removed: without it nobody could invite clinicians or instructors.';

/**
 * Removes an account with its sessions, classes and programmes (the foreign keys cascade),
 * never the last administrator. Only the first account is ever an administrator today, so
 * two administrators removing each other at the same instant cannot happen.
 */
export async function removeAccount(database: Database, accountId: string): Promise<RemoveResult> {
	const { instructors } = database.tables;
	return database.transaction(async (tx): Promise<RemoveResult> => {
		const [target] = await tx.select({ email: instructors.email, isAdmin: instructors.isAdmin }).from(instructors).where(eq(instructors.id, accountId));
		if (!target) return { ok: false, message: 'That account no longer exists: someone may have removed it already.' };
		if (target.isAdmin) {
			const [admins] = await tx.select({ n: count() }).from(instructors).where(eq(instructors.isAdmin, true));
			if ((admins?.n ?? 0) <= 1) return { ok: false, message: LAST_ADMINISTRATOR_MESSAGE };
		}
		await tx.delete(instructors).where(eq(instructors.id, accountId));
		return { ok: true, email: target.email };
	});
}
