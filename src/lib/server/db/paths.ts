/**
 * Where the data and the migrations are. Paths resolve against process.cwd(), not this
 * file: after `vite build` this module sits in build/server/chunks/, while `drizzle/`
 * stays at the repository root, which is where `npm start` and `node build` run.
 */
import path from 'node:path';
import type { Dialect } from './database';

export const DATABASE_FILE_NAME = 'limber.db';

/** The data folder: LIMBER_DATA_DIR if set, else ./data. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
	const configured = env.LIMBER_DATA_DIR?.trim();
	return path.resolve(configured ? configured : 'data');
}

/** The folder of SQL migrations that drizzle-kit generates for a dialect (`npm run db:generate`). */
export function resolveMigrationsDir(dialect: Dialect): string {
	return path.resolve('drizzle', dialect);
}
