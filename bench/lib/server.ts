/**
 * Builds Limber and runs the built server (`node build`) on a free local port with its
 * SQLite folder in a fresh temporary directory, as a user would run it.
 */
import { spawn } from 'node:child_process';
import { freePort, waitForHealth } from '../../scripts/lib/local-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningServer {
	readonly url: string;
	stop(): Promise<void>;
}

/** `npm run build`; throws with the end of its output if it fails. Returns the time taken. */
export async function buildApp(): Promise<number> {
	const started = Date.now();
	const output: string[] = [];
	const child = spawn('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
	child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	if (code !== 0) throw new Error(`npm run build failed (exit ${code}):\n${output.join('').slice(-4000)}`);
	return Date.now() - started;
}

export interface ServerOptions {
	/** Extra environment for the server (e.g. LIMBER_BENCH=1 for bench-only endpoints). */
	readonly env?: Readonly<Record<string, string>>;
	/** Extra node flags before `build` (e.g. --expose-gc). */
	readonly nodeArgs?: readonly string[];
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer & { readonly pid: number }> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const dataDir = mkdtempSync(path.join(tmpdir(), 'limber-bench-'));
	const log: string[] = [];
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'build'], {
		cwd: ROOT,
		env: { ...process.env, LIMBER_OPEN_SIGNUP: '1', ...options.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, LIMBER_DATA_DIR: dataDir },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d: Buffer) => log.push(d.toString()));
	child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
	try {
		await waitForHealth(url, child, log);
	} catch (err) {
		child.kill('SIGTERM');
		rmSync(dataDir, { recursive: true, force: true });
		throw err;
	}
	return {
		url,
		pid: child.pid ?? 0,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
			}
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** Build unless asked to reuse the existing build (`--reuse-build`, for quick reruns). */
export async function prepareBuild(argv: readonly string[]): Promise<{ readonly built: boolean; readonly ms: number }> {
	if (argv.includes('--reuse-build')) return { built: false, ms: 0 };
	return { built: true, ms: await buildApp() };
}
