/**
 * Reading the class protocol's messages off the wire. A device trusts its server, but a
 * truncated or stale message must not put a screen into a state it cannot show, so anything
 * that is not a whole LiveState (or roster) is dropped instead of half-applied.
 */
import type { LiveState, LiveStatus, Participant } from './protocol';

const STATUSES: readonly LiveStatus[] = ['waiting', 'playing', 'paused', 'ended'];

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function finite(v: unknown): v is number {
	return typeof v === 'number' && Number.isFinite(v);
}

export function parseLiveState(text: string): LiveState | null {
	let v: unknown;
	try {
		v = JSON.parse(text);
	} catch {
		return null;
	}
	if (!isRecord(v)) return null;
	const { lessonId, code, routineId, level, status, positionMs, anchorServerMs, seq } = v;
	if (typeof lessonId !== 'string' || typeof code !== 'string' || typeof routineId !== 'string') return null;
	if (!finite(level) || !finite(positionMs) || !finite(anchorServerMs) || !finite(seq)) return null;
	if (typeof status !== 'string' || !STATUSES.includes(status as LiveStatus)) return null;
	return { lessonId, code, routineId, level, status: status as LiveStatus, positionMs, anchorServerMs, seq };
}

export function parseRoster(text: string): Participant[] | null {
	let v: unknown;
	try {
		v = JSON.parse(text);
	} catch {
		return null;
	}
	if (!Array.isArray(v)) return null;
	const out: Participant[] = [];
	for (const p of v) {
		if (!isRecord(p) || typeof p.id !== 'string' || typeof p.name !== 'string') return null;
		out.push({ id: p.id, name: p.name, connected: p.connected === true });
	}
	return out;
}
