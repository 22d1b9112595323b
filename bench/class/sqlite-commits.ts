/**
 * The cause of bench:class's occasional half-second stall, measured on its own: how long
 * one commit holds the main thread, with SQLite's defaults (synchronous=FULL, a checkpoint
 * inside the commit that takes the WAL past 1000 pages) against Limber's settings
 * (synchronous=NORMAL, checkpoints in a worker: src/lib/server/db/wal-checkpointer.ts),
 * in the same run. libSQL's local driver is synchronous, so a commit's time is time the
 * event loop (and every SSE stream's bytes) waits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createClient } from '@libsql/client';
import { openSqlite } from '../../src/lib/server/db/open-sqlite';
import { summarize, type Summary } from '../lib/stats';

export interface CommitFigures {
	readonly commits: number;
	readonly commit_ms: Summary;
	/** Commits that held the main thread 50 ms or more. */
	readonly over_50ms: number;
	readonly event_loop_delay_max_ms: number;
}

const ROW = 'x'.repeat(1500);

async function measure(execute: (i: number) => Promise<unknown>, commits: number): Promise<CommitFigures> {
	const loop = monitorEventLoopDelay({ resolution: 1 });
	loop.enable();
	const times: number[] = [];
	for (let i = 0; i < commits; i++) {
		const t = performance.now();
		await execute(i);
		times.push(performance.now() - t);
		// Let timers run between commits, as a server between requests.
		await new Promise((resolve) => setImmediate(resolve));
	}
	loop.disable();
	return {
		commits,
		commit_ms: summarize(times),
		over_50ms: times.filter((t) => t >= 50).length,
		event_loop_delay_max_ms: Math.round(loop.max / 1e5) / 10
	};
}

export async function measureCommits(commits = 3000): Promise<{ sqlite_defaults: CommitFigures; limber: CommitFigures }> {
	const dir = mkdtempSync(path.join(tmpdir(), 'limber-commits-'));
	try {
		const plain = createClient({ url: pathToFileURL(path.join(dir, 'defaults.db')).href });
		await plain.execute('PRAGMA journal_mode = WAL');
		await plain.execute('CREATE TABLE events (id INTEGER PRIMARY KEY, state TEXT NOT NULL)');
		const sqliteDefaults = await measure((i) => plain.execute({ sql: 'INSERT INTO events (id, state) VALUES (?, ?)', args: [i, ROW] }), commits);
		plain.close();

		const database = await openSqlite({ dataDir: path.join(dir, 'limber'), migrationsDir: path.resolve('drizzle', 'sqlite') });
		await database.client.execute('CREATE TABLE events (id INTEGER PRIMARY KEY, state TEXT NOT NULL)');
		const limber = await measure(
			(i) => database.write(() => database.client.execute({ sql: 'INSERT INTO events (id, state) VALUES (?, ?)', args: [i, ROW] })),
			commits
		);
		await database.close();
		return { sqlite_defaults: sqliteDefaults, limber };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
