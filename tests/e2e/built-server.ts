/**
 * The built server, started by a test on a port of its own, so the test can stop it (the
 * shared server of playwright.config.ts must keep running for the other tests), and a
 * second build of the app beside the first (a "new version").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface BuiltServer {
	readonly url: string;
	stop(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, log: string[]): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log.join('')}`);
		try {
			if ((await fetch(`${url}/api/health`)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`the server did not answer /api/health within 60 s:\n${log.join('')}`);
}

/** `node <buildDir>` on 127.0.0.1:port, with a fresh data folder. */
export async function startBuiltServer(buildDir: string, port: number): Promise<BuiltServer> {
	const url = `http://127.0.0.1:${port}`;
	const dataDir = mkdtempSync(path.join(tmpdir(), 'limber-e2e-offline-'));
	const log: string[] = [];
	const child = spawn(process.execPath, [buildDir], {
		cwd: ROOT,
		env: { ...process.env, LIMBER_OPEN_SIGNUP: '1', PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, LIMBER_DATA_DIR: dataDir },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d: Buffer) => log.push(d.toString()));
	child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
	const stop = async () => {
		if (child.exitCode === null) {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
		rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		await waitForHealth(url, child, log);
	} catch (err) {
		await stop();
		throw err;
	}
	return { url, stop };
}

/** A second build of the same source into `outDir` (under the project, so node_modules resolve). */
export async function buildAgain(outDir: string): Promise<void> {
	const log: string[] = [];
	const child = spawn('npx', ['vite', 'build', '--logLevel', 'warn'], {
		cwd: ROOT,
		env: { ...process.env, LIMBER_BUILD_DIR: outDir },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout.on('data', (d: Buffer) => log.push(d.toString()));
	child.stderr.on('data', (d: Buffer) => log.push(d.toString()));
	const code = await new Promise<number | null>((r) => child.on('close', r));
	if (code !== 0) throw new Error(`the second build failed (${code}):\n${log.join('').slice(-3000)}`);
}

export const PROJECT_ROOT = ROOT;
