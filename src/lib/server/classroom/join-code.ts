/** Short codes participants type from the projector. */
import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '$lib/classroom/protocol';

/** Uniform over the alphabet: randomInt avoids the bias of `byte % 25`. */
export type RandomIndex = (below: number) => number;

export function randomJoinCode(random: RandomIndex = randomInt): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
	return code;
}

/**
 * A code no current lesson uses. With 25^6 ≈ 244 million codes a clash is rare; a few
 * tries make it vanishingly so, and the caller's unique index is the final guard.
 */
export async function uniqueJoinCode(
	isTaken: (code: string) => boolean | Promise<boolean>,
	random: RandomIndex = randomInt,
	tries = 8
): Promise<string> {
	for (let i = 0; i < tries; i += 1) {
		const code = randomJoinCode(random);
		if (!(await isTaken(code))) return code;
	}
	throw new Error(`No free join code after ${tries} tries`);
}

/** What a person typed, as a code: case and spaces ignored; null if it cannot be one. */
export function normalizeJoinCode(typed: string): string | null {
	const code = typed.replace(/[\s-]/g, '').toUpperCase();
	if (code.length !== JOIN_CODE_LENGTH) return null;
	for (const c of code) if (!JOIN_CODE_ALPHABET.includes(c)) return null;
	return code;
}
