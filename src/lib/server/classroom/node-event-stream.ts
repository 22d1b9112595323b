/**
 * A live event stream written straight to the Node socket, under `node build`.
 *
 * Why: through a web ReadableStream, every event costs each connection an enqueue, a
 * read promise, adapter-node's loop turn, and ServerResponse's chunk framing with a
 * cork on the next tick: about three times the socket write itself (a profile of 3000
 * connections, bench:cluster). Here an event is framed once for all connections
 * (chunked-frame.ts) and each connection costs one socket write.
 *
 * How, without leaving SvelteKit: the endpoint still decides everything (who is asking,
 * which lesson, the headers, the security headers from the handle hook) and answers a
 * Response whose body is this stream. adapter-node writes the status and headers, then
 * asks the body for its first chunk; that first pull is when the socket is ours: the
 * headers are flushed, the sink opened, and from then on the hub writes to the socket.
 * The body itself never carries a chunk; closing it is how the sink ends the response
 * (adapter-node then sends the last chunk). The client going away closes the response,
 * which cancels the body: either one lets the connection go.
 */
import type { ServerResponse } from 'node:http';
import { chunkedFrame } from '../http/chunked-frame';
import type { Leave, StreamSink } from './stream-sink';

/**
 * Bytes a connection may have waiting in this process (beyond what the kernel took)
 * before it counts as stalled: a few dozen events. A stalled phone loses nothing by being
 * let go: it reconnects and is sent the current state.
 */
export const MAX_BUFFERED_BYTES = 64 * 1024;

export interface NodeEventStreamOptions {
	readonly maxBufferedBytes?: number;
}

export function nodeEventStream(res: ServerResponse, open: (sink: StreamSink) => Leave, options: NodeEventStreamOptions = {}): ReadableStream<Uint8Array> {
	const maxBuffered = options.maxBufferedBytes ?? MAX_BUFFERED_BYTES;
	let opened = false;
	let leave: Leave = () => undefined;
	return new ReadableStream<Uint8Array>(
		{
			pull: (controller) => {
				if (opened) return;
				opened = true;
				let ended = false;
				const end = (): void => {
					if (ended) return;
					ended = true;
					try {
						controller.close();
					} catch {
						// Already cancelled: the response is gone.
					}
				};
				// Sends the status line and headers now, so that bytes written to the socket come after them.
				res.flushHeaders();
				const sink = socketSink(res, maxBuffered, () => ended, end);
				try {
					leave = open(sink);
				} catch {
					// The lesson went between the endpoint's answer and now: end, and the browser asks again.
					end();
					return;
				}
				res.once('close', leave);
				if (res.destroyed) leave();
			},
			cancel: () => leave()
		},
		// Pulled only when read: the first pull comes after adapter-node wrote the head.
		{ highWaterMark: 0 }
	);
}

function socketSink(res: ServerResponse, maxBuffered: number, isEnded: () => boolean, end: () => void): StreamSink {
	const socket = res.socket;
	// Chunked framing is Node's choice for this response (not for an HTTP/1.0 request).
	const chunked = res.chunkedEncoding;
	if (socket === null) {
		// Not this socket's current response (a pipelined request still waiting its turn):
		// through the response, which queues it in order.
		return {
			write: (bytes) => {
				if (isEnded() || res.destroyed || res.writableLength > maxBuffered) return false;
				res.write(bytes);
				return true;
			},
			end
		};
	}
	return {
		write: (bytes) => {
			if (isEnded() || socket.destroyed || socket.writableLength > maxBuffered) return false;
			const frame = chunked ? chunkedFrame(bytes) : bytes;
			if (frame.byteLength > 0) socket.write(frame);
			return true;
		},
		end
	};
}
