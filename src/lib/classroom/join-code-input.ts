/**
 * What a person types as a join code, made into the code the server knows. People read the
 * code off a projector, so lower case, spaces and dashes are forgiven, and the characters the
 * alphabet leaves out on purpose get a message that says which one to look at again.
 */
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, PARTICIPANT_NAME_MAX_LENGTH } from './protocol';

/** A checked field: the cleaned value, or what to tell the person. */
export type Checked = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

export function readJoinCode(typed: string): Checked {
	const code = typed.toUpperCase().replace(/[\s-]+/g, '');
	if (code.length === 0) return { ok: false, message: 'Enter the code shown on the projector.' };
	const wrong = [...code].filter((c) => !JOIN_CODE_ALPHABET.includes(c));
	if (wrong.length > 0) {
		return {
			ok: false,
			message: `Codes never contain ${[...new Set(wrong)].map((c) => `“${c}”`).join(', ')}. Check the code on the projector again.`
		};
	}
	if (code.length !== JOIN_CODE_LENGTH) {
		return { ok: false, message: `A code has ${JOIN_CODE_LENGTH} characters; this one has ${code.length}.` };
	}
	return { ok: true, value: code };
}

export function readDisplayName(typed: string): Checked {
	const name = typed.trim().replace(/\s+/g, ' ');
	if (name.length === 0) return { ok: false, message: 'Enter the name the instructor will see.' };
	if (name.length > PARTICIPANT_NAME_MAX_LENGTH) return { ok: false, message: `Keep the name under ${PARTICIPANT_NAME_MAX_LENGTH} characters.` };
	return { ok: true, value: name };
}
