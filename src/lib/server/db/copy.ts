/**
 * Copies every table of one Limber database into another (`npm run db:copy-to-postgres`:
 * a clinic's SQLite file into the PostgreSQL a health service runs several servers on).
 * Tables go parents first (the order follows their foreign keys, so a table added later is
 * copied without touching this file), in batches, in one transaction on the target: it
 * ends with everything or nothing. The target must be freshly migrated and empty; the
 * source's creation time is kept.
 */
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database, Tables } from './database';
import { CREATED_AT_KEY } from './meta';

export type TableKey = keyof Tables;

const BATCH = 500;

/** Every table, each after the tables its foreign keys point to. */
export function copyOrder(tables: Tables): TableKey[] {
	const keys = (Object.keys(tables) as TableKey[]).filter((k) => is(tables[k], SQLiteTable));
	const keyOfName = new Map<string, TableKey>(keys.map((k) => [getTableName(tables[k]), k]));
	const parents = new Map(
		keys.map((k) => [
			k,
			getTableConfig(tables[k])
				.foreignKeys.map((fk) => keyOfName.get(getTableName(fk.reference().foreignTable)))
				.filter((p): p is TableKey => p !== undefined && p !== k)
		])
	);
	const order: TableKey[] = [];
	const visit = (k: TableKey, path: Set<TableKey>) => {
		if (order.includes(k)) return;
		if (path.has(k)) throw new Error(`Foreign keys go round in a circle through ${k}`);
		path.add(k);
		for (const p of parents.get(k) ?? []) visit(p, path);
		path.delete(k);
		order.push(k);
	};
	for (const k of [...keys].sort()) visit(k, new Set());
	return order;
}

export class TargetNotEmptyError extends Error {}

export async function copyDatabase(
	source: Database,
	target: Database,
	log: (message: string) => void = () => undefined
): Promise<Record<string, number>> {
	const order = copyOrder(source.tables);
	for (const key of order) {
		if (key === 'appMeta') continue;
		const rows = await target.db.select().from(target.tables[key]).limit(1);
		if (rows.length > 0) {
			throw new TargetNotEmptyError(`The target already has data (${getTableName(target.tables[key])}): copy only into a new, empty database`);
		}
	}
	const counts: Record<string, number> = {};
	await target.transaction(async (tx) => {
		for (const key of order) {
			const rows = await source.db.select().from(source.tables[key]);
			if (key === 'appMeta') {
				// The target's own first start wrote its creation time; the installation is the source's.
				await tx.delete(target.tables.appMeta);
			}
			for (let i = 0; i < rows.length; i += BATCH) {
				// Rows of one table, read by the same schema's types: the union of all tables is too wide for TypeScript to follow.
				await tx.insert(target.tables[key]).values(rows.slice(i, i + BATCH) as never[]);
			}
			counts[getTableName(source.tables[key])] = rows.length;
			log(`${getTableName(source.tables[key])}: ${rows.length} rows`);
		}
	});
	const [meta] = await target.db.select().from(target.tables.appMeta);
	if (!meta) throw new Error(`${CREATED_AT_KEY} did not arrive`);
	return counts;
}
