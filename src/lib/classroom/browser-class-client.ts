/**
 * A ClassClient wired to the browser: the lesson's EventSource, `/api/time` for clock
 * samples, a plain interval for re-sampling and the document's visibility. Kept apart from
 * the client so that the client's logic is tested with fakes and this stays a list of parts.
 */
import type { Timeline } from '../routine/timeline';
import { ClassClient } from './class-client.svelte';
import type { LiveState, Participant, TimeSample } from './protocol';
import { monotonicEpochClock } from './time-sync';

export async function readServerTime(): Promise<number> {
	const res = await fetch('/api/time', { cache: 'no-store' });
	if (!res.ok) throw new Error(`/api/time answered ${res.status}`);
	const body = (await res.json()) as TimeSample;
	if (typeof body.serverMs !== 'number' || !Number.isFinite(body.serverMs)) throw new Error('/api/time sent no serverMs');
	return body.serverMs;
}

export function browserClassClient(
	code: string,
	timeline: Timeline,
	initial: LiveState | null,
	initialRoster: readonly Participant[] = []
): ClassClient {
	return new ClassClient({
		code,
		timeline,
		initial,
		initialRoster,
		localClock: monotonicEpochClock,
		openEvents: (url) => new EventSource(url),
		readServerTime,
		every: (ms, fn) => {
			const id = setInterval(fn, ms);
			return () => clearInterval(id);
		},
		visibility: typeof document === 'undefined' ? null : document
	});
}
