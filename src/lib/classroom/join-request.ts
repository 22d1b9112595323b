/**
 * Joining a live lesson from the join page: POST the display name to the lesson's join
 * endpoint and turn every refusal into a sentence the participant can act on.
 */
import type { Fetch } from './command-sender.svelte';

export type JoinResult = { readonly ok: true; readonly participantId: string } | { readonly ok: false; readonly message: string };

export function joinUrl(code: string): string {
	return `/api/live/${encodeURIComponent(code)}/join`;
}

/** Our own words when the server gives none; the server's `{ message }` is shown as it is. */
export function joinErrorMessage(status: number): string {
	if (status === 404 || status === 410) return 'No live lesson has this code. It may have ended, or a character may be misread: check the code on the projector.';
	if (status === 429) return 'Too many tries with wrong codes. Wait a minute, then try again.';
	if (status === 400) return 'Check the code and your name, then try again.';
	return `Joining did not work (error ${status}). Try again in a moment.`;
}

/** The `{ message }` of a LiveError answer, if the server sent one. */
export async function serverMessage(res: Response): Promise<string | null> {
	const body: unknown = await res.json().catch(() => null);
	return typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? body.message : null;
}

export async function requestJoin(fetchFn: Fetch, code: string, name: string): Promise<JoinResult> {
	let res: Response;
	try {
		res = await fetchFn(joinUrl(code), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name })
		});
	} catch {
		return { ok: false, message: 'Could not reach the server. Check the Wi-Fi and try again.' };
	}
	if (!res.ok) return { ok: false, message: (await serverMessage(res)) ?? joinErrorMessage(res.status) };
	const body: unknown = await res.json().catch(() => null);
	const id = typeof body === 'object' && body !== null && 'participantId' in body ? body.participantId : null;
	return typeof id === 'string' ? { ok: true, participantId: id } : { ok: false, message: 'The server sent an unexpected answer. Try again.' };
}
