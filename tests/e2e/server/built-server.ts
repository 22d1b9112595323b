/**
 * One more built server (`node build`) for tests that must stop, kill, restart or attack
 * a server of their own, apart from the one every other e2e test shares. Ports come from
 * E2E_EXTRA_PORTS (default 4650–4699): the first one that is free, so two workers never
 * clash. The data folder is the test's (kept across restarts), removed by `dispose()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '..', '..', '..');

export interface ServerOptions {
	/** The build to run (a folder with index.js); the repository's build/ by default. */
	readonly buildDir?: string;
	readonly env?: Readonly<Record<string, string>>;
	/** Run as this user id (and group), e.g. so that file permissions apply under root. */
	readonly uid?: number;
	readonly dataDir?: string;
}

export interface Exit {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	/** From the signal sent by `signal()` to the exit. */
	readonly afterMs: number;
}

const [FIRST_PORT, LAST_PORT] = (process.env.E2E_EXTRA_PORTS ?? '4650-4699').split('-').map(Number) as [number, number];

function isFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

async function freePort(): Promise<number> {
	// Start at a random place so parallel workers rarely probe the same port at once.
	const span = LAST_PORT - FIRST_PORT + 1;
	const offset = Math.floor(Math.random() * span);
	for (let i = 0; i < span; i += 1) {
		const port = FIRST_PORT + ((offset + i) % span);
		if (await isFree(port)) return port;
	}
	throw new Error(`no free port in ${FIRST_PORT}–${LAST_PORT}`);
}

export class BuiltServer {
	readonly dataDir: string;
	readonly #options: ServerOptions;
	#port = 0;
	#child: ChildProcess | undefined;
	#log: string[] = [];
	#exited: Promise<Exit> | undefined;
	#signalledAt = 0;

	private constructor(options: ServerOptions) {
		this.#options = options;
		this.dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'limber-e2e-server-'));
	}

	static async start(options: ServerOptions = {}): Promise<BuiltServer> {
		const server = new BuiltServer(options);
		await server.restart();
		return server;
	}

	get url(): string {
		return `http://127.0.0.1:${this.#port}`;
	}

	get pid(): number {
		return this.#child?.pid ?? 0;
	}

	/** Everything the server printed, all runs. */
	get log(): string {
		return this.#log.join('');
	}

	get running(): boolean {
		return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
	}

	/** Starts the server (again: same port if it had one, same data folder) and waits for /api/health. */
	async restart(): Promise<void> {
		if (this.running) throw new Error('the server is still running');
		for (let attempt = 0; attempt < 5; attempt += 1) {
			if (this.#port === 0 || attempt > 0) this.#port = await freePort();
			if (await this.#spawn()) return;
		}
		throw new Error(`the server did not start:\n${this.log.slice(-3000)}`);
	}

	async #spawn(): Promise<boolean> {
		const buildDir = this.#options.buildDir ?? path.join(REPO, 'build');
		const child = spawn(process.execPath, [buildDir], {
			cwd: REPO,
			env: {
				...process.env,
				// Tests here sign up as many instructors as they need; teach-invites.test.ts passes '' for the closed default.
				LIMBER_OPEN_SIGNUP: '1',
				...this.#options.env,
				PORT: String(this.#port),
				HOST: '127.0.0.1',
				ORIGIN: this.url,
				LIMBER_DATA_DIR: this.dataDir
			},
			stdio: ['ignore', 'pipe', 'pipe'],
			...(this.#options.uid === undefined ? {} : { uid: this.#options.uid, gid: this.#options.uid })
		});
		this.#child = child;
		child.stdout?.on('data', (d: Buffer) => this.#log.push(d.toString()));
		child.stderr?.on('data', (d: Buffer) => this.#log.push(d.toString()));
		this.#exited = new Promise((resolve) =>
			child.once('exit', (code, signal) => resolve({ code, signal, afterMs: Date.now() - this.#signalledAt }))
		);
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline) {
			if (!this.running) return false;
			try {
				const res = await fetch(`${this.url}/api/health`);
				if (res.ok) return true;
			} catch {
				// Not listening yet.
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`the server did not answer /api/health within 60 s:\n${this.log.slice(-3000)}`);
	}

	/** Sends `signal` and resolves with how the process ended. */
	signal(signal: NodeJS.Signals): Promise<Exit> {
		if (!this.#child || !this.#exited) throw new Error('the server was never started');
		this.#signalledAt = Date.now();
		if (this.running) this.#child.kill(signal);
		return this.#exited;
	}

	/** Stops the server (SIGKILL after 10 s) and removes its data folder. */
	async dispose(): Promise<void> {
		if (this.running && this.#child && this.#exited) {
			this.#child.kill('SIGTERM');
			const timer = setTimeout(() => this.#child?.kill('SIGKILL'), 10_000);
			await this.#exited;
			clearTimeout(timer);
		}
		if (!this.#options.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
	}
}
