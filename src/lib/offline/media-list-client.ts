/** A routine's media list (/routines/ID/offline.json, made at build time), fetched once per page load. */
import type { RoutineMedia } from './media-list';

const lists = new Map<string, Promise<RoutineMedia | null>>();

function isRoutineMedia(v: unknown, routineId: string): v is RoutineMedia {
	if (typeof v !== 'object' || v === null) return false;
	const r = v as Partial<RoutineMedia>;
	return r.routineId === routineId && Array.isArray(r.levels) && typeof r.bytes === 'object' && r.bytes !== null;
}

export function mediaList(routineId: string): Promise<RoutineMedia | null> {
	let p = lists.get(routineId);
	if (!p) {
		p = fetch(`/routines/${encodeURIComponent(routineId)}/offline.json`)
			.then(async (res) => {
				const body: unknown = res.ok ? await res.json() : null;
				return isRoutineMedia(body, routineId) ? body : null;
			})
			.catch(() => null);
		// A failure is not remembered: the next page that asks tries again.
		void p.then((list) => {
			if (!list) lists.delete(routineId);
		});
		lists.set(routineId, p);
	}
	return p;
}
