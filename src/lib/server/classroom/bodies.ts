/**
 * Checking the JSON bodies of the live endpoints. Each parser answers the typed value or
 * a message for a 400 that says what was wrong.
 */
import {
	CHECK_IN_EFFORTS,
	COMMAND_ID_PATTERN,
	LIVE_COMMAND_TYPES,
	PAIN_MAX,
	PAIN_MIN,
	PARTICIPANT_NAME_MAX_LENGTH,
	type CheckInRequest,
	type LiveCommand
} from '$lib/classroom/protocol';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const includes = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

export function parseCommand(body: unknown): Parsed<LiveCommand> {
	if (!isRecord(body) || !includes(LIVE_COMMAND_TYPES, body.type)) {
		return { ok: false, message: `A command is {"type": …} with type one of ${LIVE_COMMAND_TYPES.join(', ')}` };
	}
	if (body.type === 'seekToStep') {
		if (typeof body.step !== 'number' || !Number.isInteger(body.step)) {
			return { ok: false, message: 'seekToStep needs "step", the index of a step' };
		}
		return { ok: true, value: { type: 'seekToStep', step: body.step } };
	}
	return { ok: true, value: { type: body.type } };
}

/** The command's `id` if it sent a usable one (a retry sends the same id), else undefined. */
export function parseCommandId(body: unknown): string | undefined {
	return isRecord(body) && typeof body.id === 'string' && COMMAND_ID_PATTERN.test(body.id) ? body.id : undefined;
}

/** A display name: trimmed, inner runs of space collapsed, 1 to PARTICIPANT_NAME_MAX_LENGTH characters. */
export function parseName(body: unknown): Parsed<string> {
	const raw = isRecord(body) && typeof body.name === 'string' ? body.name : '';
	const name = raw.replace(/\s+/g, ' ').trim();
	if (name.length === 0) return { ok: false, message: 'Enter the name the instructor should see' };
	if ([...name].length > PARTICIPANT_NAME_MAX_LENGTH) {
		return { ok: false, message: `Use a name of at most ${PARTICIPANT_NAME_MAX_LENGTH} characters` };
	}
	return { ok: true, value: name };
}

export function parseCheckIn(body: unknown): Parsed<CheckInRequest> {
	if (!isRecord(body)) return { ok: false, message: 'A check-in is {"pain": 0–10, "effort": …}' };
	const { pain, effort } = body;
	if (typeof pain !== 'number' || !Number.isInteger(pain) || pain < PAIN_MIN || pain > PAIN_MAX) {
		return { ok: false, message: `Pain is a whole number from ${PAIN_MIN} to ${PAIN_MAX}` };
	}
	if (!includes(CHECK_IN_EFFORTS, effort)) {
		return { ok: false, message: `Effort is one of ${CHECK_IN_EFFORTS.join(', ')}` };
	}
	return { ok: true, value: { pain, effort } };
}
