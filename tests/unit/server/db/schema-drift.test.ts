/**
 * The two schemas must describe the same database: same tables under the same export
 * names, same columns (name, JavaScript type, enum values, not-null, default, primary,
 * unique), same composite keys, indexes and foreign keys. A table or column added to one
 * schema file and not the other fails here, and so does a type that reads differently
 * (the rest of the server is typed by the SQLite schema and runs on both).
 */
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableName, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as pg from '$lib/server/db/schema.postgres';
import * as sqlite from '$lib/server/db/schema.sqlite';

interface Shape {
	readonly name: string;
	readonly columns: Record<string, unknown>;
	readonly primaryKeys: string[][];
	readonly indexes: Record<string, unknown>;
	readonly foreignKeys: string[];
}

type ColumnLike = {
	name: string;
	dataType: string;
	notNull: boolean;
	hasDefault: boolean;
	primary: boolean;
	isUnique: boolean;
	enumValues?: readonly string[] | undefined;
};
type IndexLike = { config: { name?: string; columns: unknown[]; unique: boolean } };
type ForeignKeyLike = { onDelete?: string; onUpdate?: string; reference(): { columns: { name: string }[]; foreignColumns: { name: string; table: unknown }[] } };

function columnShape(c: ColumnLike): unknown {
	return {
		dataType: c.dataType,
		notNull: c.notNull,
		hasDefault: c.hasDefault,
		primary: c.primary,
		unique: c.isUnique,
		enumValues: c.enumValues && c.enumValues.length > 0 ? [...c.enumValues] : null
	};
}

function shapeOf(config: {
	name: string;
	columns: ColumnLike[];
	primaryKeys: { columns: { name: string }[] }[];
	indexes: IndexLike[];
	foreignKeys: ForeignKeyLike[];
}): Shape {
	const action = (a: string | undefined) => (a === undefined || a === 'no action' ? 'no action' : a);
	return {
		name: config.name,
		columns: Object.fromEntries(config.columns.map((c) => [c.name, columnShape(c)])),
		primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
		indexes: Object.fromEntries(
			config.indexes.map((i) => [
				i.config.name,
				{ unique: i.config.unique, columns: i.config.columns.map((c) => (c as { name: string }).name) }
			])
		),
		foreignKeys: config.foreignKeys
			.map((fk) => {
				const ref = fk.reference();
				const target = ref.foreignColumns[0]?.table;
				const targetName = target instanceof PgTable || target instanceof SQLiteTable ? getTableName(target) : '?';
				return `(${ref.columns.map((c) => c.name).join(',')}) → ${targetName}(${ref.foreignColumns.map((c) => c.name).join(',')}) on delete ${action(fk.onDelete)} on update ${action(fk.onUpdate)}`;
			})
			.sort()
	};
}

const sqliteTables = Object.entries(sqlite as Record<string, unknown>).filter(([, t]) => t instanceof SQLiteTable);
const pgTables = Object.entries(pg as Record<string, unknown>).filter(([, t]) => t instanceof PgTable);

describe('schema.sqlite.ts and schema.postgres.ts', () => {
	it('export the same tables, and nothing but tables', () => {
		expect(pgTables.map(([key]) => key).sort()).toEqual(sqliteTables.map(([key]) => key).sort());
		expect(Object.keys(sqlite).length).toBe(sqliteTables.length);
		expect(Object.keys(pg).length).toBe(pgTables.length);
		expect(sqliteTables.length).toBeGreaterThanOrEqual(10);
	});

	it.each(sqliteTables.map(([key]) => key))('describe table %s the same way', (key) => {
		const a = shapeOf(sqliteConfig(sqlite[key as keyof typeof sqlite]) as unknown as Parameters<typeof shapeOf>[0]);
		const b = shapeOf(pgConfig(pg[key as keyof typeof pg]) as unknown as Parameters<typeof shapeOf>[0]);
		expect(b).toEqual(a);
	});

	it('give every table the same row types in TypeScript', () => {
		type Rows<S> = { [K in keyof S]: S[K] extends SQLiteTable | PgTable ? InferSelectModel<S[K]> : never };
		type Inserts<S> = { [K in keyof S]: S[K] extends SQLiteTable | PgTable ? InferInsertModel<S[K]> : never };
		expectTypeOf<Rows<typeof pg>>().toEqualTypeOf<Rows<typeof sqlite>>();
		expectTypeOf<Inserts<typeof pg>>().toEqualTypeOf<Inserts<typeof sqlite>>();
	});
});

describe('the drift check itself', () => {
	it('notices a column whose nullability differs', () => {
		const table = sqliteConfig(sqlite.liveLessons) as unknown as Parameters<typeof shapeOf>[0];
		const changed = { ...table, columns: table.columns.map((c) => (c.name === 'ended_at' ? { ...c, notNull: true } : c)) };
		expect(shapeOf(changed)).not.toEqual(shapeOf(table));
	});
	it('notices a missing index', () => {
		const table = sqliteConfig(sqlite.lessonEvents) as unknown as Parameters<typeof shapeOf>[0];
		expect(shapeOf({ ...table, indexes: [] })).not.toEqual(shapeOf(table));
	});
});
