/**
 * One HTTP/1.1 chunk (`size CRLF bytes CRLF`, RFC 9112 §7.1) around bytes, built once per
 * bytes object: an event fanned out to thousands of connections is framed once and the
 * same Buffer is written to every socket.
 */

const CRLF = Buffer.from('\r\n');
const EMPTY = Buffer.alloc(0);
const frames = new WeakMap<Uint8Array, Buffer>();

/** The chunk for `bytes`; empty for empty bytes (a zero-size chunk would end the response). */
export function chunkedFrame(bytes: Uint8Array): Buffer {
	if (bytes.byteLength === 0) return EMPTY;
	let frame = frames.get(bytes);
	if (frame === undefined) {
		frame = Buffer.concat([Buffer.from(`${bytes.byteLength.toString(16)}\r\n`, 'latin1'), bytes, CRLF]);
		frames.set(bytes, frame);
	}
	return frame;
}
