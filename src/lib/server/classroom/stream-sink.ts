/**
 * Where the hub writes one connection's events. Two kinds: a web ReadableStream (the
 * Response body SvelteKit sends on, under `vite dev` and in tests), and, under `node build`,
 * the Node socket itself (node-event-stream.ts), which is several times cheaper per
 * connection: a full room costs one socket write per event per connection and nothing else.
 */

export interface StreamSink {
	/**
	 * Queues one encoded event (the same bytes object for every connection). False when the
	 * connection is too far behind or already gone: the hub then lets it go.
	 */
	write(bytes: Uint8Array): boolean;
	/** Ends the stream after what was written. The hub calls it once. */
	end(): void;
}

/** Told by the transport that the other end went away (idempotent). */
export type Leave = () => void;

/**
 * A ReadableStream fed by the hub. `open` is called at once with the sink (a stream has
 * nothing to wait for); its answer is called when the reader cancels. `maxQueued`: chunks
 * the reader may leave unread before the connection counts as stalled.
 */
export function webStreamSink(open: (sink: StreamSink) => Leave, maxQueued: number): ReadableStream<Uint8Array> {
	let leave: Leave = () => undefined;
	return new ReadableStream<Uint8Array>({
		start: (controller) => {
			const sink: StreamSink = {
				write: (bytes) => {
					if ((controller.desiredSize ?? 0) < -maxQueued) return false;
					try {
						controller.enqueue(bytes);
						return true;
					} catch {
						// The stream was already closed underneath us.
						return false;
					}
				},
				end: () => {
					try {
						controller.close();
					} catch {
						// Already closed or errored: nothing left to release.
					}
				}
			};
			leave = open(sink);
		},
		cancel: () => leave()
	});
}
