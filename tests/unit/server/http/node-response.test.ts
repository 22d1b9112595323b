import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { linkedResponse, linkResponse } from '$lib/server/http/node-response';

describe('linkResponse / linkedResponse', () => {
	it('answers the response the server entry linked to the request', () => {
		const req = new IncomingMessage(new Socket());
		const res = new ServerResponse(req);
		linkResponse(req, res);
		expect(linkedResponse(req)).toBe(res);
	});

	it('is shared by symbol name, so a second copy of the module (the other bundle) sees it', () => {
		const req = new IncomingMessage(new Socket());
		const res = new ServerResponse(req);
		linkResponse(req, res);
		expect(Reflect.get(req, Symbol.for('limber.server-response'))).toBe(res);
	});

	it('answers undefined without a request (vite dev) or without a link', () => {
		expect(linkedResponse(undefined)).toBeUndefined();
		expect(linkedResponse(new IncomingMessage(new Socket()))).toBeUndefined();
		expect(linkedResponse({ [Symbol.for('limber.server-response')]: 'not a response' })).toBeUndefined();
	});
});
