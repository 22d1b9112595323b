/**
 * What servers tell each other over the bus (PostgreSQL NOTIFY on one channel). Every
 * message names the server it came from. States travel whole when they fit in a
 * notification and by reference otherwise; presence lists are split to fit.
 */
import { parseLiveState } from '$lib/classroom/live-state-parse';
import type { LiveState } from '$lib/classroom/protocol';

export type BusMessage =
	/** A lesson's new state, committed. */
	| { readonly t: 'state'; readonly from: string; readonly state: LiveState }
	/** The same, too large to send: receivers read the lesson's event `seq` from the database. */
	| { readonly t: 'state-ref'; readonly from: string; readonly lessonId: string; readonly code: string; readonly seq: number }
	| { readonly t: 'joined'; readonly from: string; readonly code: string; readonly id: string; readonly name: string }
	/** Participants of a lesson whose streams opened (`on`) or all closed (`off`) on `from`; `reset`: this is its whole list. */
	| {
			readonly t: 'presence';
			readonly from: string;
			readonly code: string;
			readonly on: readonly string[];
			readonly off: readonly string[];
			readonly reset: boolean;
	  }
	/** Every few seconds: the sender's listener hears its own, the others learn it is alive. */
	| { readonly t: 'beat'; readonly from: string }
	/** A server (re)connected and may have missed presence: every other server answers with its lists. */
	| { readonly t: 'hello'; readonly from: string };

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
export const NOTIFY_PAYLOAD_LIMIT = 7999;

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * The message as one or more payloads under `limit` bytes: a state that does not fit goes
 * by reference; a presence list is split (the first part keeps `reset`).
 */
export function encodeMessage(message: BusMessage, limit = NOTIFY_PAYLOAD_LIMIT): string[] {
	const text = JSON.stringify(message);
	if (byteLength(text) <= limit) return [text];
	switch (message.t) {
		case 'state': {
			const { from, state } = message;
			return [JSON.stringify({ t: 'state-ref', from, lessonId: state.lessonId, code: state.code, seq: state.seq } satisfies BusMessage)];
		}
		case 'presence':
			return splitPresence(message, limit);
		default:
			throw new Error(`A ${message.t} message of ${byteLength(text)} bytes does not fit in a notification`);
	}
}

function splitPresence(message: Extract<BusMessage, { t: 'presence' }>, limit: number): string[] {
	const parts: string[] = [];
	const ids = [...message.on.map((id) => ({ id, on: true })), ...message.off.map((id) => ({ id, on: false }))];
	let on: string[] = [];
	let off: string[] = [];
	const payload = (): string => JSON.stringify({ ...message, on, off, reset: message.reset && parts.length === 0 });
	for (const entry of ids) {
		(entry.on ? on : off).push(entry.id);
		if (byteLength(payload()) > limit) {
			(entry.on ? on : off).pop();
			if (on.length === 0 && off.length === 0) throw new Error('A participant id does not fit in a notification');
			parts.push(payload());
			on = entry.on ? [entry.id] : [];
			off = entry.on ? [] : [entry.id];
		}
	}
	parts.push(payload());
	return parts;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** A payload read off the channel, or null for anything that is not a whole message. */
export function parseMessage(payload: string): BusMessage | null {
	let v: unknown;
	try {
		v = JSON.parse(payload);
	} catch {
		return null;
	}
	if (!isRecord(v) || !isString(v.from)) return null;
	const from = v.from;
	switch (v.t) {
		case 'state': {
			const state = isRecord(v.state) ? parseLiveState(JSON.stringify(v.state)) : null;
			return state ? { t: 'state', from, state } : null;
		}
		case 'state-ref':
			return isString(v.lessonId) && isString(v.code) && typeof v.seq === 'number'
				? { t: 'state-ref', from, lessonId: v.lessonId, code: v.code, seq: v.seq }
				: null;
		case 'joined':
			return isString(v.code) && isString(v.id) && isString(v.name) ? { t: 'joined', from, code: v.code, id: v.id, name: v.name } : null;
		case 'presence':
			return isString(v.code) && isStrings(v.on) && isStrings(v.off)
				? { t: 'presence', from, code: v.code, on: v.on, off: v.off, reset: v.reset === true }
				: null;
		case 'beat':
		case 'hello':
			return { t: v.t, from };
		default:
			return null;
	}
}
