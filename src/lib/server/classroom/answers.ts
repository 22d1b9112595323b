/** The JSON answers of the live endpoints: never cached, errors as `{ message }`. */
import type { LiveError } from '$lib/classroom/protocol';

const NO_STORE = { 'cache-control': 'no-store' } as const;

export function answer(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json', ...NO_STORE, ...headers }
	});
}

export function refuse(status: number, message: string, headers: Record<string, string> = {}): Response {
	const body: LiveError = { message };
	return answer(body, status, headers);
}
