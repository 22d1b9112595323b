/**
 * Moves SQLite's write-ahead log into the database file from a worker thread, so that the
 * main thread never does it.
 *
 * Why (bench:class's half-second stall, 2026-12): libSQL's local driver runs every
 * statement synchronously on the calling thread. By default SQLite checkpoints inside the
 * commit that takes the WAL past 1000 pages: that one commit copies ~4 MB into the
 * database file and fsyncs it, 50–600 ms on this machine depending on the load, and
 * meanwhile the event loop is stopped, so every SSE stream's bytes (queued, and corked by
 * Node's http layer until the next tick) wait with it: one command now and then reached
 * every phone half a second late. With synchronous=FULL each commit also fsyncs the WAL
 * (3 ms median, 100–300 ms spikes under load). So the main connection runs with
 * wal_autocheckpoint=0 and synchronous=NORMAL (in WAL mode: durable across a crash or
 * SIGKILL of the process, since committed pages are in the OS's cache; only a power cut
 * can lose the last commits, and never corrupts the file), and this worker checkpoints
 * every `everyMs` on a connection of its own (PASSIVE: it never waits for, nor blocks, the
 * writer).
 */
import { Worker } from 'node:worker_threads';

// Plain CommonJS for an eval worker: it resolves @libsql/client from the working folder,
// like the migrations (the server runs from the repository root).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createClient } = require('@libsql/client');
const client = createClient({ url: workerData.url });
let busy = false;
async function checkpoint(mode) {
	const result = await client.execute('PRAGMA wal_checkpoint(' + mode + ')');
	const row = result.rows[0] || {};
	return { busy: Number(row.busy), log: Number(row.log), checkpointed: Number(row.checkpointed) };
}
const timer = setInterval(async () => {
	if (busy) return;
	busy = true;
	try { await checkpoint('PASSIVE'); } catch (e) { parentPort.postMessage({ error: String(e) }); } finally { busy = false; }
}, workerData.everyMs);
parentPort.on('message', async (m) => {
	if (m === 'stop') { clearInterval(timer); client.close(); parentPort.close(); return; }
	try { parentPort.postMessage({ id: m.id, result: await checkpoint('PASSIVE') }); }
	catch (e) { parentPort.postMessage({ id: m.id, error: String(e) }); }
});
`;

export interface CheckpointResult {
	/** Frames in the WAL, and how many of them are now in the database file. */
	readonly log: number;
	readonly checkpointed: number;
	readonly busy: number;
}

export class WalCheckpointer {
	readonly #worker: Worker;
	readonly #waiting = new Map<number, { resolve: (r: CheckpointResult) => void; reject: (e: Error) => void }>();
	#next = 0;

	constructor(fileUrl: string, everyMs = 1000) {
		this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { url: fileUrl, everyMs } });
		// A checkpointer must not keep a stopping server alive.
		this.#worker.unref();
		this.#worker.on('message', (m: { id?: number; result?: CheckpointResult; error?: string }) => {
			if (m.id === undefined) {
				if (m.error) console.error(`SQLite checkpoint failed: ${m.error}`);
				return;
			}
			const waiter = this.#waiting.get(m.id);
			this.#waiting.delete(m.id);
			if (m.result) waiter?.resolve(m.result);
			else waiter?.reject(new Error(m.error ?? 'checkpoint failed'));
		});
		this.#worker.on('error', (error) => console.error(`SQLite checkpointer stopped: ${error.message}`));
	}

	/** A checkpoint now (tests; the worker also runs one every `everyMs`). */
	checkpoint(): Promise<CheckpointResult> {
		const id = this.#next++;
		return new Promise((resolve, reject) => {
			this.#waiting.set(id, { resolve, reject });
			this.#worker.postMessage({ id });
		});
	}

	async stop(): Promise<void> {
		const exited = new Promise((resolve) => this.#worker.once('exit', resolve));
		this.#worker.postMessage('stop');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 1000))]);
		await this.#worker.terminate();
	}
}
