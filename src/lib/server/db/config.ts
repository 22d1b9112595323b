/**
 * Which database to use, from the environment: none configured means SQLite in the data
 * folder (as on a clinic's single machine); `DATABASE_URL=postgres://…` means PostgreSQL.
 */
import { resolveDataDir } from './paths';

export type DatabaseConfig =
	| { readonly kind: 'sqlite'; readonly dataDir: string }
	| {
			readonly kind: 'postgres';
			readonly url: string;
			/** LISTEN needs a session connection: set when DATABASE_URL goes through PgBouncer in transaction mode. */
			readonly listenUrl: string;
	  };

export function resolveDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
	const url = env.DATABASE_URL?.trim();
	if (!url) return { kind: 'sqlite', dataDir: resolveDataDir(env) };
	if (/^postgres(ql)?:\/\//i.test(url)) {
		return { kind: 'postgres', url, listenUrl: env.DATABASE_LISTEN_URL?.trim() || url };
	}
	throw new Error(
		'DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database); leave it unset to use SQLite in LIMBER_DATA_DIR'
	);
}

/** host:port/database of a PostgreSQL URL: what logs and /api/health may show. */
export function describePostgresUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
	} catch {
		return 'postgres';
	}
}
