/**
 * Invitations to make a clinician or instructor account while sign-up is closed. The link
 * carries a random token; only its SHA-256 is stored (`invites.id`), like sign-in sessions,
 * so a copy of the database cannot make accounts. Single use: the sign-up that spends one
 * marks it in the same transaction that makes the account (see accounts.ts).
 */
import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Database, Tx } from '../db/database';
import { hashToken, newToken } from './token';

export const INVITE_DAYS = 7;
const INVITE_MS = INVITE_DAYS * 24 * 60 * 60 * 1000;
/** Enough for a clinic taking on staff; it bounds what one administrator's clicks can store. */
export const OPEN_INVITES_MAX = 50;
const KEEP_EXPIRED_MS = 30 * 24 * 60 * 60 * 1000;

export type CreateInviteResult =
	| { readonly ok: true; readonly token: string; readonly expiresAt: number }
	| { readonly ok: false; readonly message: string };

export async function createInvite(database: Database, createdBy: string, now = Date.now()): Promise<CreateInviteResult> {
	const { invites } = database.tables;
	const token = newToken();
	const expiresAt = now + INVITE_MS;
	return database.transaction(async (tx): Promise<CreateInviteResult> => {
		// Old invites go as new ones are made; kept a while after expiry so a late click hears "expired", not "not valid".
		await tx.delete(invites).where(lte(invites.expiresAt, now - KEEP_EXPIRED_MS));
		const open = await tx.select({ id: invites.id }).from(invites).where(and(isNull(invites.usedAt), gt(invites.expiresAt, now)));
		if (open.length >= OPEN_INVITES_MAX) {
			return { ok: false, message: `There are already ${OPEN_INVITES_MAX} open invites. Revoke some you no longer need, then make a new one.` };
		}
		await tx.insert(invites).values({ id: hashToken(token), createdBy, createdAt: now, expiresAt });
		return { ok: true, token, expiresAt };
	});
}

export interface OpenInvite {
	/** The token's hash: enough to revoke it, never enough to use it. */
	readonly id: string;
	readonly createdByEmail: string;
	readonly createdAt: number;
	readonly expiresAt: number;
}

export async function openInvites(database: Database, now = Date.now()): Promise<OpenInvite[]> {
	const { db, tables: { invites, instructors } } = database;
	return db
		.select({ id: invites.id, createdByEmail: instructors.email, createdAt: invites.createdAt, expiresAt: invites.expiresAt })
		.from(invites)
		.innerJoin(instructors, eq(instructors.id, invites.createdBy))
		.where(and(isNull(invites.usedAt), gt(invites.expiresAt, now)))
		.orderBy(asc(invites.createdAt));
}

/** Withdraws an invite nobody has used yet; true if there was one. */
export async function revokeInvite(database: Database, inviteId: string): Promise<boolean> {
	const { db, tables: { invites } } = database;
	const gone = await database.write(() =>
		db.delete(invites).where(and(eq(invites.id, inviteId), isNull(invites.usedAt))).returning({ id: invites.id })
	);
	return gone.length > 0;
}

export type InviteState = 'usable' | 'unknown' | 'used' | 'expired';

export function inviteState(database: Database, token: string, now = Date.now()): Promise<InviteState> {
	return inviteStateIn(database.db, database.tables, token, now);
}

/** The same, inside a transaction (the sign-up's own, to say why an invite was refused). */
export async function inviteStateIn(db: Pick<Tx, 'select'>, tables: Database['tables'], token: string, now: number): Promise<InviteState> {
	const { invites } = tables;
	const [row] = await db.select({ usedAt: invites.usedAt, expiresAt: invites.expiresAt }).from(invites).where(eq(invites.id, hashToken(token)));
	if (!row) return 'unknown';
	if (row.usedAt !== null) return 'used';
	if (row.expiresAt <= now) return 'expired';
	return 'usable';
}

const ASK = "Ask your clinic's Limber administrator for a new invite link.";

/** What to tell the person holding an invite that cannot be used. */
export function inviteRefusal(state: Exclude<InviteState, 'usable'>): string {
	switch (state) {
		case 'unknown':
			return `This invite link does not work: it may be incomplete (copy the whole link) or it was withdrawn. ${ASK}`;
		case 'used':
			return `This invite has already been used to make an account, and each invite works once. If the account is yours, sign in; otherwise: ${ASK}`;
		case 'expired':
			return `This invite has expired (invites last ${INVITE_DAYS} days). ${ASK}`;
	}
}

export const CLOSED_SIGN_UP_MESSAGE =
	"Accounts on this Limber are made by invitation. Ask your clinic's Limber administrator for an invite link, then open it to make your clinician or instructor account.";
