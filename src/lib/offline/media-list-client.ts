/**
 * A routine's media list, fetched once per page load: /routines/ID/offline.json (made at
 * build time for shipped routines, by the server for a clinic's) or /p/SHARE/offline.json
 * for a clinician's programme, which answers 410 once the programme is withdrawn.
 */
import type { RoutineMedia } from './media-list';
import { mediaListUrl } from './page-urls';

/** The programme was withdrawn by its clinician: there is nothing to download any more. */
export const WITHDRAWN = 'withdrawn';
export type MediaListAnswer = RoutineMedia | typeof WITHDRAWN | null;

const lists = new Map<string, Promise<MediaListAnswer>>();

function isRoutineMedia(v: unknown, routineId: string, shareId: string | undefined): v is RoutineMedia {
	if (typeof v !== 'object' || v === null) return false;
	const r = v as Partial<RoutineMedia>;
	return r.routineId === routineId && r.shareId === shareId && Array.isArray(r.levels) && typeof r.bytes === 'object' && r.bytes !== null;
}

export function mediaList(routineId: string, shareId?: string): Promise<MediaListAnswer> {
	const url = mediaListUrl(routineId, shareId);
	let p = lists.get(url);
	if (!p) {
		p = fetch(url)
			.then(async (res): Promise<MediaListAnswer> => {
				if (res.status === 410 && shareId !== undefined) return WITHDRAWN;
				const body: unknown = res.ok ? await res.json() : null;
				return isRoutineMedia(body, routineId, shareId) ? body : null;
			})
			.catch(() => null);
		// A failure is not remembered: the next page that asks tries again.
		void p.then((list) => {
			if (!list) lists.delete(url);
		});
		lists.set(url, p);
	}
	return p;
}
