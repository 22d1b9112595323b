/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: `initdb` into a temporary
 * folder and `pg_ctl` on a free local port, listening on 127.0.0.1 only, with trust
 * authentication for its one user. PostgreSQL refuses to run as root, so as root every
 * command runs as the `postgres` user (Debian's postgresql package creates it).
 *
 * Durability is switched off (fsync, synchronous_commit): the data is thrown away anyway,
 * and tests should not wait on the disk. Stop/start keep the data, as a real restart would.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { freePort } from './local-server';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgCluster {
	/** postgres://limber@127.0.0.1:PORT/postgres */
	readonly url: string;
	readonly port: number;
	readonly dir: string;
	/** `fast` (the default) lets clients go cleanly; `immediate` is as abrupt as a crash. */
	stop(mode?: 'fast' | 'immediate'): Promise<void>;
	start(): Promise<void>;
	/** Stops the cluster and removes its folder. */
	destroy(): Promise<void>;
}

export interface ClusterOptions {
	readonly port?: number;
	/** Parent folder for the cluster's folder (default: the system's temporary folder). */
	readonly parent?: string;
}

/** The folder of PostgreSQL's server programs: PG_BIN, or the newest /usr/lib/postgresql/N/bin. */
export function findPgBin(env: NodeJS.ProcessEnv = process.env): string | null {
	if (env.PG_BIN && existsSync(path.join(env.PG_BIN, 'initdb'))) return env.PG_BIN;
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program, as the postgres user when we are root. */
async function pg(bin: string, program: string, args: readonly string[]): Promise<string> {
	const file = path.join(bin, program);
	const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, [...args]];
	try {
		const { stdout } = await run(cmd, argv, { cwd: '/' });
		return stdout;
	} catch (error) {
		const e = error as { stderr?: string; stdout?: string; message: string };
		throw new Error(`${program} ${args.join(' ')} failed: ${e.stderr || e.stdout || e.message}`);
	}
}

export async function createCluster(options: ClusterOptions = {}): Promise<PgCluster> {
	const bin = findPgBin();
	if (!bin) throw new Error('PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin; set PG_BIN): apt-get install postgresql');
	const port = options.port ?? (await freePort());
	const dir = mkdtempSync(path.join(options.parent ?? tmpdir(), 'limber-pg-'));
	if (asRoot) {
		const { stdout } = await run('id', ['-u', 'postgres']);
		const { stdout: gid } = await run('id', ['-g', 'postgres']);
		chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
	}
	chmodSync(dir, 0o700);
	const data = path.join(dir, 'data');
	await pg(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'limber', '-E', 'UTF8', '--locale=C', '--no-sync']);
	const serverOptions = [
		`-p ${port}`,
		'-c listen_addresses=127.0.0.1',
		`-c unix_socket_directories=${dir}`,
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
		'-c max_connections=300'
	].join(' ');
	const start = () => pg(bin, 'pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', serverOptions, '-w', '-t', '30', 'start']).then(() => undefined);
	const stop = (mode: 'fast' | 'immediate' = 'fast') => pg(bin, 'pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']).then(() => undefined);
	await start();
	return {
		url: `postgres://limber@127.0.0.1:${port}/postgres`,
		port,
		dir,
		start,
		stop,
		async destroy() {
			await stop('immediate').catch(() => undefined);
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export { freePort } from './local-server';
