/**
 * A phone's network path between its browser and the proxy: a TCP relay on 127.0.0.1 (TLS
 * and HTTP/2 pass through it untouched) that can fail the way a sleeping phone's does.
 *
 * - `sleep()`: the radio goes off. Every open connection goes silent both ways: nothing is
 *   forwarded and nothing is closed, so neither end hears of it.
 * - While asleep, the path has forgotten the connections (a carrier's NAT drops an idle
 *   mapping; a server's TCP gives up on a peer that never acknowledges): the first bytes
 *   the server side sends on one are answered with a reset. Those bytes are the server's
 *   own heartbeat on a quiet stream, so the server finds out only if it sends them.
 * - `wake()`: the radio is back. The phone's old connections are reset when it uses them
 *   (here at once), and new ones go through as before.
 */
import net from 'node:net';

interface Pair {
	readonly phone: net.Socket;
	readonly server: net.Socket;
	/** Opened before the current sleep: silent, then dropped. */
	stale: boolean;
}

export interface PhoneNetwork {
	readonly port: number;
	/** Connections the server side had dropped (reset on its own bytes) since the last sleep(). */
	readonly droppedByServerSide: number;
	sleep(): void;
	wake(): void;
	close(): Promise<void>;
}

export async function startPhoneNetwork(targetPort: number): Promise<PhoneNetwork> {
	const pairs = new Set<Pair>();
	let asleep = false;
	let dropped = 0;
	const relay = net.createServer((phone) => {
		const server = net.connect(targetPort, '127.0.0.1');
		const pair: Pair = { phone, server, stale: false };
		pairs.add(pair);
		const end = () => {
			pairs.delete(pair);
			phone.destroy();
			server.destroy();
		};
		phone.on('data', (chunk: Buffer) => {
			// Asleep, nothing leaves the phone; a stale connection carries nothing even after waking.
			if (!asleep && !pair.stale) server.write(chunk);
		});
		server.on('data', (chunk: Buffer) => {
			if (pair.stale || asleep) {
				if (!server.destroyed) {
					dropped += 1;
					server.resetAndDestroy();
				}
				return;
			}
			phone.write(chunk);
		});
		// A close on a stale connection must not reach the phone: it never hears of it.
		server.on('close', () => {
			if (!pair.stale) end();
		});
		phone.on('close', end);
		phone.on('error', () => undefined);
		server.on('error', () => undefined);
	});
	await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
	const address = relay.address();
	if (!address || typeof address === 'string') throw new Error('the relay has no port');
	return {
		port: address.port,
		get droppedByServerSide() {
			return dropped;
		},
		sleep() {
			asleep = true;
			dropped = 0;
			for (const pair of pairs) pair.stale = true;
		},
		wake() {
			asleep = false;
			for (const pair of [...pairs]) {
				if (!pair.stale) continue;
				pairs.delete(pair);
				pair.phone.resetAndDestroy();
				pair.server.destroy();
			}
		},
		async close() {
			for (const pair of pairs) {
				pair.phone.destroy();
				pair.server.destroy();
			}
			await new Promise<void>((resolve) => relay.close(() => resolve()));
		}
	};
}
