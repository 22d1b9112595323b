/**
 * `npm run db:copy-to-postgres`: copies a SQLite install's data (LIMBER_DATA_DIR, or ./data,
 * or --from=FOLDER) into the PostgreSQL at DATABASE_URL (or --to=URL), which it migrates
 * first and which must be empty. Stop the SQLite server first, so nothing changes during
 * the copy; start the new servers with DATABASE_URL afterwards. The SQLite file is only read.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { copyDatabase } from '../src/lib/server/db/copy';
import { describePostgresUrl } from '../src/lib/server/db/config';
import { openPostgres } from '../src/lib/server/db/open-postgres';
import { openSqlite } from '../src/lib/server/db/open-sqlite';
import { DATABASE_FILE_NAME, resolveDataDir, resolveMigrationsDir } from '../src/lib/server/db/paths';

function option(name: string): string | undefined {
	return process.argv.slice(2).find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function main(): Promise<void> {
	const from = path.resolve(option('from') ?? resolveDataDir());
	const to = option('to') ?? process.env.DATABASE_URL?.trim();
	if (!existsSync(path.join(from, DATABASE_FILE_NAME))) {
		throw new Error(`No SQLite database at ${path.join(from, DATABASE_FILE_NAME)}: pass --from=FOLDER (the install's LIMBER_DATA_DIR)`);
	}
	if (!to || !/^postgres(ql)?:\/\//i.test(to)) throw new Error('Say where to copy to: DATABASE_URL=postgres://… or --to=postgres://…');
	const source = await openSqlite({ dataDir: from, migrationsDir: resolveMigrationsDir('sqlite') });
	try {
		const target = await openPostgres({ url: to, migrationsDir: resolveMigrationsDir('postgres') });
		try {
			console.log(`copying ${source.location} → ${describePostgresUrl(to)}`);
			const counts = await copyDatabase(source, target, (line) => console.log(`  ${line}`));
			const total = Object.values(counts).reduce((a, b) => a + b, 0);
			console.log(`done: ${total} rows in ${Object.keys(counts).length} tables. Start the servers with DATABASE_URL set.`);
		} finally {
			await target.close();
		}
	} finally {
		await source.close();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
