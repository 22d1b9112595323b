/**
 * `tsx scripts/pg-cluster.ts start [--port=N]` starts a throwaway PostgreSQL cluster and
 * prints shell lines to use it (`export TEST_DATABASE_URL=…`, `export LIMBER_PG_DIR=…`);
 * `tsx scripts/pg-cluster.ts stop DIR` stops it and removes its folder. .ci/run uses it to
 * run the server suites on PostgreSQL; a developer can too:
 *
 *     eval "$(npx tsx scripts/pg-cluster.ts start)"; npm test; npx tsx scripts/pg-cluster.ts stop "$LIMBER_PG_DIR"
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createCluster, findPgBin } from './lib/pg-cluster';

async function main(): Promise<void> {
	const [command, ...rest] = process.argv.slice(2);
	if (command === 'start') {
		const portArg = rest.find((a) => a.startsWith('--port='));
		const cluster = await createCluster({ port: portArg ? Number(portArg.slice(7)) : undefined });
		console.log(`export TEST_DATABASE_URL='${cluster.url}'`);
		console.log(`export LIMBER_PG_DIR='${cluster.dir}'`);
		return;
	}
	if (command === 'stop' && rest[0]) {
		const dir = rest[0];
		const bin = findPgBin();
		const data = path.join(dir, 'data');
		if (bin && existsSync(data)) {
			const pgCtl = [path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'];
			const [cmd, ...args] = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...pgCtl] : pgCtl;
			try {
				execFileSync(cmd as string, args, { stdio: 'ignore', cwd: '/' });
			} catch {
				// Already stopped.
			}
		}
		rmSync(dir, { recursive: true, force: true });
		return;
	}
	console.error('usage: tsx scripts/pg-cluster.ts start [--port=N] | stop DIR');
	process.exitCode = 2;
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
