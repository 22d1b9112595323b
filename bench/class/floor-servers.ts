/** Starts bench:cluster's floor servers (floor-server.ts), each its own process on a free port. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitForHealth } from '../../scripts/lib/local-server';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'floor-server.ts');

export interface FloorServer {
	readonly url: string;
	stop(): Promise<void>;
}

export async function startFloorServers(count: number): Promise<FloorServer[]> {
	const servers: FloorServer[] = [];
	try {
		for (let i = 0; i < count; i += 1) servers.push(await startFloorServer());
	} catch (error) {
		await Promise.all(servers.map((s) => s.stop()));
		throw error;
	}
	return servers;
}

async function startFloorServer(): Promise<FloorServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const log: string[] = [];
	const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', SCRIPT, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout?.on('data', (d: Buffer) => log.push(d.toString()));
	child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
	const stop = async (): Promise<void> => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGTERM');
		await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
	};
	try {
		await waitForHealth(url, child, log);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, stop };
}
