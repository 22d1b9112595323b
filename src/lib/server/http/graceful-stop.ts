/**
 * Stopping without dropping anything (SIGTERM from systemd, Ctrl-C): stop accepting,
 * ask the app to let go of its event streams (each SSE client is told to come back after
 * a jittered delay), let every request in progress finish (their writes are what was
 * acknowledged), then let the app finish queued writes and close the database. All of it
 * within `deadlineMs`; connections still open near the end are cut so the exit is on time.
 */
import type { Server } from 'node:http';
import { announceStop, DRAIN_EVENT, SHUTDOWN_EVENT } from '../lifecycle';

export interface StopOptions {
	readonly deadlineMs: number;
	readonly retryJitterMs: number;
	readonly log?: (line: string) => void;
}

/** Time kept back at the end for the database to close after connections are cut. */
const CLOSE_RESERVE_MS = 1500;
/** How long the app may take to hand its streams their last words. */
const DRAIN_MS = 1000;

export class GracefulStop {
	readonly #server: Server;
	#stopping: Promise<void> | undefined;

	constructor(server: Server) {
		this.#server = server;
		// Answers finished while stopping must not keep their connection for another request.
		server.on('request', (req, res) => {
			res.on('finish', () => {
				if (this.#stopping) server.closeIdleConnections();
			});
			if (this.#stopping) res.setHeader('Connection', 'close');
		});
	}

	get stopping(): boolean {
		return this.#stopping !== undefined;
	}

	/** Runs the stop once; later calls get the same promise. */
	stop(reason: string, options: StopOptions): Promise<void> {
		this.#stopping ??= this.#run(reason, options);
		return this.#stopping;
	}

	async #run(reason: string, options: StopOptions): Promise<void> {
		const log = options.log ?? ((line: string) => console.log(line));
		const started = Date.now();
		const left = () => options.deadlineMs - (Date.now() - started);
		log(`stopping (${reason}): no new connections; telling live screens to reconnect`);
		const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
		this.#server.closeIdleConnections();
		await announceStop(DRAIN_EVENT, reason, { retryJitterMs: options.retryJitterMs, timeoutMs: DRAIN_MS });
		this.#server.closeIdleConnections();
		let cutTimer: ReturnType<typeof setTimeout> | undefined;
		const cut = new Promise<'cut'>((resolve) => {
			cutTimer = setTimeout(() => resolve('cut'), Math.max(0, left() - CLOSE_RESERVE_MS));
		});
		const outcome = await Promise.race([closed.then(() => 'closed' as const), cut]);
		clearTimeout(cutTimer);
		if (outcome === 'cut') {
			log('stopping: requests still open at the deadline were cut');
			this.#server.closeAllConnections();
			await closed;
		}
		const finished = await announceStop(SHUTDOWN_EVENT, reason, { retryJitterMs: options.retryJitterMs, timeoutMs: Math.max(0, left()) });
		log(finished === 'settled' ? `stopped in ${Date.now() - started} ms` : 'stopping: the database did not close in time');
	}
}
