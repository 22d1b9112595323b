/**
 * The Node response of a request, for the one endpoint that writes to it itself (the live
 * event stream, classroom/node-event-stream.ts). adapter-node hands the app only the Node
 * request (`platform.req`); the server entry (start.ts) links the response to it here.
 * The link is a registered symbol, not a module-level map, because start.ts and the
 * SvelteKit bundle are built separately and each has its own copy of this file.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const RESPONSE = Symbol.for('limber.server-response');

interface Linked {
	[RESPONSE]?: unknown;
}

export function linkResponse(req: IncomingMessage, res: ServerResponse): void {
	(req as IncomingMessage & Linked)[RESPONSE] = res;
}

/** The response linked to `req`, or undefined (no request, as under `vite dev`, or a server entry that links none). */
export function linkedResponse(req: unknown): ServerResponse | undefined {
	if (typeof req !== 'object' || req === null) return undefined;
	const res = (req as Linked)[RESPONSE];
	return isServerResponse(res) ? res : undefined;
}

function isServerResponse(value: unknown): value is ServerResponse {
	return typeof value === 'object' && value !== null && typeof (value as Partial<ServerResponse>).flushHeaders === 'function' && 'socket' in value;
}
