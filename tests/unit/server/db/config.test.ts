import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePostgresUrl, resolveDatabaseConfig } from '$lib/server/db/config';

describe('resolveDatabaseConfig', () => {
	it('is SQLite in the data folder without DATABASE_URL', () => {
		expect(resolveDatabaseConfig({})).toEqual({ kind: 'sqlite', dataDir: path.resolve('data') });
		expect(resolveDatabaseConfig({ DATABASE_URL: ' ', LIMBER_DATA_DIR: '/srv/limber' })).toEqual({ kind: 'sqlite', dataDir: '/srv/limber' });
	});
	it('is PostgreSQL for a postgres:// or postgresql:// URL, listening on DATABASE_LISTEN_URL when given', () => {
		const url = 'postgres://limber:secret@db:5432/limber';
		expect(resolveDatabaseConfig({ DATABASE_URL: url })).toEqual({ kind: 'postgres', url, listenUrl: url });
		expect(resolveDatabaseConfig({ DATABASE_URL: 'postgresql://db/limber', DATABASE_LISTEN_URL: 'postgres://db-direct/limber' })).toEqual({
			kind: 'postgres',
			url: 'postgresql://db/limber',
			listenUrl: 'postgres://db-direct/limber'
		});
	});
	it('refuses any other URL with a message that says what to set', () => {
		expect(() => resolveDatabaseConfig({ DATABASE_URL: 'mysql://db/limber' })).toThrow(/PostgreSQL URL .*leave it unset to use SQLite/);
	});
	it('describes a PostgreSQL URL without its password', () => {
		expect(describePostgresUrl('postgres://limber:secret@db.example:5432/limber')).toBe('db.example:5432/limber');
	});
});
