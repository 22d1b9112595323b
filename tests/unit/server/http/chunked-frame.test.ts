import { describe, expect, it } from 'vitest';
import { chunkedFrame } from '$lib/server/http/chunked-frame';

describe('chunkedFrame', () => {
	it('frames bytes as one HTTP/1.1 chunk: hex size, CRLF, the bytes, CRLF', () => {
		const bytes = new TextEncoder().encode('event: state\nid: 4\ndata: {"a":"é"}\n\n');
		// 37 bytes: é takes two.
		expect(bytes.byteLength).toBe(37);
		expect(chunkedFrame(bytes).toString('utf8')).toBe('25\r\nevent: state\nid: 4\ndata: {"a":"é"}\n\n\r\n');
	});

	it('frames each bytes object once: every connection is written the same Buffer', () => {
		const bytes = new TextEncoder().encode(': heartbeat\n\n');
		expect(chunkedFrame(bytes)).toBe(chunkedFrame(bytes));
		expect(chunkedFrame(new Uint8Array(bytes))).not.toBe(chunkedFrame(bytes));
	});

	it('never writes a zero-size chunk, which would end the response', () => {
		expect(chunkedFrame(new Uint8Array(0)).byteLength).toBe(0);
	});
});
