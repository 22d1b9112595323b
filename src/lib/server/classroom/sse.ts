/**
 * Server-Sent Events on the wire (https://html.spec.whatwg.org/multipage/server-sent-events.html).
 * Each event is formatted and encoded once and the same bytes go to every connection.
 */

const encoder = new TextEncoder();

/** One event as bytes. `data` may hold newlines: each line becomes its own `data:` field. */
export function encodeEvent(event: string, data: string, id?: number): Uint8Array {
	let text = `event: ${event}\n`;
	if (id !== undefined) text += `id: ${id}\n`;
	for (const line of data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
	return encoder.encode(`${text}\n`);
}

/** A comment line: browsers ignore it, but it keeps proxies and NAT from closing an idle stream. */
export const HEARTBEAT = encoder.encode(': heartbeat\n\n');

/** Sent first: how long a browser waits before reconnecting after a drop. */
export const RECONNECT_MS = 1000;
export const RETRY = encodeRetry(RECONNECT_MS);

/** A `retry:` field alone: sets how long this browser waits before its next reconnect. */
export function encodeRetry(ms: number): Uint8Array {
	return encoder.encode(`retry: ${Math.max(0, Math.round(ms))}\n\n`);
}

/**
 * The seq a reconnecting browser last saw (the `Last-Event-ID` header), or null when it
 * is absent or not a seq this server could have sent.
 */
export function parseLastEventId(header: string | null): number | null {
	if (header === null) return null;
	const trimmed = header.trim();
	if (!/^\d{1,15}$/.test(trimmed)) return null;
	return Number(trimmed);
}

/** A stream that only says "reconnect in a moment" and ends: the browser comes back by itself. */
export function comeBackLater(retryMs = 2 * RECONNECT_MS): ReadableStream<Uint8Array> {
	return new ReadableStream({
		start(controller) {
			controller.enqueue(encoder.encode(`retry: ${retryMs}\n\n`));
			controller.close();
		}
	});
}
