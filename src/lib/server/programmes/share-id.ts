/**
 * Share ids: the public link of a programme. 128 bits from the CSPRNG, base64url, so a link
 * cannot be guessed and ids say nothing about each other (no order, no count to walk).
 */
import { randomBytes } from 'node:crypto';

const SHARE_ID = /^[A-Za-z0-9_-]{22}$/;

export function newShareId(): string {
	return randomBytes(16).toString('base64url');
}

/** Checked before any query, so junk in a URL never reaches the database. */
export function isShareId(value: string): boolean {
	return SHARE_ID.test(value);
}

/**
 * The routine id a programme plays under: the device keys a person's levels and history by
 * routine id, so it must be unique per programme and fit the routine format's id rule.
 */
export function routineIdFor(shareId: string): string {
	return `programme-${Buffer.from(shareId, 'base64url').toString('hex')}`;
}
