/**
 * `npm run bench:cluster`: N participants, each a real SSE connection, spread evenly over
 * 3 built servers on one PostgreSQL (a throwaway cluster), 50 instructor commands sent to
 * the servers in turn; then, in the same run, one SQLite server with the same N as the
 * baseline. N = 1000, 3000, 6000, 10000 (`--sizes=` for others); a setup stops growing at
 * the first N it cannot hold (streams not all open, events missed), and says why.
 * See bench/README.md. Writes bench/results/cluster.json; exits 0 whatever the figures.
 *
 * Options: --reuse-build, --sizes=1000,3000, --commands=50. Other sizes or commands make a
 * smoke run, written to cluster.smoke.json (never over the figures): the smallest is
 * `npm run bench:cluster -- --sizes=10 --commands=3`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCluster, freePort } from '../scripts/lib/pg-cluster';
import { startInstance, type Instance } from '../scripts/lib/limber-cluster';
import { command, hubStats, join, signUpWithClass, startLive, type HubStats, type Instructor } from './class/http';
import type { LiveState } from '../src/lib/classroom/protocol';
import { plan, pool, sleep } from './class/commands';
import { SseListener } from './class/sse-client';
import { startFloorServers } from './class/floor-servers';
import { sampleLoad } from './lib/load';
import { benchLog, buildUnlessReused, resultFile, type BenchLog } from './lib/run';
import { ROOT, startServer } from './lib/server';
import { round, summarize } from './lib/stats';
import { fmt, table } from './lib/table';

const COMMAND_GAP_MS = 200;
const TARGET_P99_MS = 100;
/** Streams must all be open within this long (they open 200 at a time). */
const CONNECT_TIMEOUT_MS = 120_000;
const SPECIFIED_SIZES = [1000, 3000, 6000, 10_000];
const SPECIFIED_COMMANDS = 50;
const SETUPS = ['postgres', 'sqlite', 'floor'] as const;
/** Descriptors a process needs besides its streams (files, the database, the pool, the agent's spares). */
const FD_MARGIN = 300;

/** This process's open-file limit (`ulimit -n`, inherited by the servers), or null off Linux. */
function openFileLimit(): number | null {
	try {
		const line = readFileSync('/proc/self/limits', 'utf8')
			.split('\n')
			.find((l) => l.startsWith('Max open files'));
		const soft = line?.split(/\s{2,}/)[1];
		return soft === undefined || soft === 'unlimited' ? null : Number(soft);
	} catch {
		return null;
	}
}

/** Why N cannot even be tried here, before anything is opened: the descriptors it needs. */
function fdShortfall(n: number, instances: number): string | null {
	const limit = openFileLimit();
	if (limit === null) return null;
	// The bench holds all N streams; each server N / instances (and nginx is not in this bench).
	const need = Math.max(n + FD_MARGIN, Math.ceil(n / instances) + FD_MARGIN);
	return need > limit ? `file descriptors: N = ${n} needs about ${need} in the bench, ulimit -n is ${limit}; raise it (ulimit -n ${need})` : null;
}
interface Server {
	readonly url: string;
}

interface Row {
	/** floor: bare node:http fan-out (bench/class/floor-server.ts), no app, no database. */
	readonly setup: 'postgres' | 'sqlite' | 'floor';
	readonly instances: number;
	readonly n: number;
	readonly held: boolean;
	/** Why this N could not be held (only when held is false). */
	readonly stopped_because: string | null;
	readonly connect_all_ms: number | null;
	readonly commands: number;
	readonly events_expected: number;
	readonly events_delivered: number;
	readonly missed: number;
	readonly p50_ms: number | null;
	readonly p95_ms: number | null;
	readonly p99_ms: number | null;
	readonly max_ms: number | null;
	readonly per_instance: readonly {
		readonly url: string;
		readonly connections: number;
		readonly event_loop_delay_p99_ms: number;
		readonly event_loop_delay_max_ms: number;
		readonly rss_mb: number;
		readonly heap_used_mb: number;
	}[];
	readonly bench_event_loop_delay_max_ms: number;
	readonly free_memory_mb_after: number;
}

function percentile(sorted: readonly number[], p: number): number | null {
	if (sorted.length === 0) return null;
	return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? null;
}

/** Why streams did not open: the first error, named for what ran out. */
function reasonOf(error: unknown): string {
	const message = error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`.trim() : String(error);
	if (/EMFILE|ENFILE/.test(message)) return `file descriptors ran out (${message}); raise ulimit -n`;
	if (/EADDRNOTAVAIL/.test(message)) return `local ports ran out (${message})`;
	if (/ENOMEM|heap/i.test(message)) return `memory (${message})`;
	if (/timeout/i.test(message)) return `streams did not open within ${CONNECT_TIMEOUT_MS / 1000} s: the CPU could not keep up (${message})`;
	return `the servers could not keep up: ${message}`;
}

/**
 * One room of N participants, however it is served: the participants' stream URLs and
 * cookies, how the instructor's command i is sent (answering its seq), and how it ends.
 */
interface Room {
	readonly streams: readonly { readonly url: string; readonly cookie: string }[];
	send(i: number): Promise<number>;
	end(): Promise<void>;
}

/** Opens a room of N on the servers: a real live lesson (Limber), or the floor's bare streams. */
type OpenRoom = (n: number, i: number) => Promise<Room>;

async function runRoom(setup: Row['setup'], servers: readonly Server[], openRoom: OpenRoom, roomIndex: number, n: number, commands: number, log: BenchLog): Promise<Row> {
	const failed = (reason: string, connectMs: number | null = null): Row => ({
		...notTried(setup, servers.length, n),
		stopped_because: reason,
		connect_all_ms: connectMs
	});
	const short = fdShortfall(n, servers.length);
	if (short) return failed(short);
	try {
		return await measureRoom(setup, servers, await openRoom(n, roomIndex), n, commands, log, failed);
	} catch (error) {
		// A join, a command or a stats read failed outright: the machine could not hold this N.
		log(`${setup} N=${n}: ${error instanceof Error ? error.message : String(error)}`);
		return failed(reasonOf(error));
	}
}

/** A live lesson on Limber's servers: N join through every server, as phones behind a proxy would. */
function limberRoom(servers: readonly Server[], instructor: Instructor, log: BenchLog, setup: Row['setup'], sample: { state: LiveState | null }): OpenRoom {
	return async (n, roomIndex) => {
		const entry = servers[0]!.url;
		// The course has four lessons: one per room size.
		const code = await startLive(entry, instructor, (roomIndex % 4) + 1);
		const cookies = await pool(Array.from({ length: n }, (_, i) => i), 32, (i) => join(servers[i % servers.length]!.url, code, `P${i + 1}`));
		log(`${setup} N=${n}: ${n} joined`);
		return {
			streams: cookies.map((cookie, i) => ({ url: `${servers[i % servers.length]!.url}/api/live/${code}/events`, cookie })),
			send: async (i) => {
				// Each command to the next server: any server may take the instructor's tap.
				const state = await command(servers[i % servers.length]!.url, code, instructor.cookie, plan(i));
				sample.state ??= state;
				return state.seq;
			},
			end: async () => {
				await command(entry, code, instructor.cookie, { type: 'end' });
			}
		};
	};
}

/** A state of a real one's size, for a floor run without a Limber setup before it (`--setups=floor`). */
const STAND_IN_STATE: LiveState = {
	lessonId: 'l_0123456789abcdefghij',
	code: 'ABC234',
	routineId: 'back-school-lesson-1',
	level: 1,
	status: 'playing',
	positionMs: 123_456,
	anchorServerMs: Date.now(),
	seq: 0
};

/**
 * The floor's room: the same streams and the same event bytes (a real state), nothing else.
 * Floor servers share nothing, so each command goes to all of them at once.
 */
function floorRoom(servers: readonly Server[], sample: { state: LiveState | null }): OpenRoom {
	return async (n, roomIndex) => {
		const code = `FLOOR${roomIndex}`;
		return {
			streams: Array.from({ length: n }, (_, i) => ({ url: `${servers[i % servers.length]!.url}/api/live/${code}/events`, cookie: '' })),
			send: async (i) => {
				const seq = i + 1;
				const body = JSON.stringify({ ...(sample.state ?? STAND_IN_STATE), seq });
				await Promise.all(
					servers.map(async (s) => {
						const res = await fetch(`${s.url}/api/live/${code}/command`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
						if (!res.ok) throw new Error(`floor command: ${res.status} ${await res.text()}`);
						await res.arrayBuffer();
					})
				);
				return seq;
			},
			end: async () => undefined
		};
	};
}

async function measureRoom(
	setup: Row['setup'],
	servers: readonly Server[],
	room: Room,
	n: number,
	commands: number,
	log: BenchLog,
	failed: (reason: string, connectMs?: number | null) => Row
): Promise<Row> {
	const started = performance.now();
	const listeners: SseListener[] = [];
	let gaveUp = false;
	try {
		await pool(room.streams, 200, async (stream) => {
			// The pool's other workers go on after one fails: let them stop opening streams.
			if (gaveUp) return;
			const l = new SseListener(stream.url, stream.cookie, { keepStates: false });
			listeners.push(l);
			await Promise.race([l.ready(), sleep(CONNECT_TIMEOUT_MS).then(() => Promise.reject(new Error('timeout')))]);
		});
	} catch (error) {
		gaveUp = true;
		for (const l of listeners) l.close();
		await room.end().catch(() => undefined);
		return failed(reasonOf(error));
	}
	const connectAllMs = Math.round(performance.now() - started);
	log(`${setup} N=${n}: streams open in ${connectAllMs} ms`);

	const open = await Promise.all(servers.map((s) => hubStats(s.url, { gc: false, reset: true })));
	const benchLoop = monitorEventLoopDelay({ resolution: 1 });
	benchLoop.enable();
	const sent: { seq: number; t: number }[] = [];
	for (let i = 0; i < commands; i += 1) {
		const t = performance.now();
		sent.push({ seq: await room.send(i), t });
		await sleep(COMMAND_GAP_MS);
	}
	const lastSeq = sent.at(-1)?.seq ?? 0;
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline && !listeners.every((l) => l.arrivals.at(-1)?.seq === lastSeq)) await sleep(50);
	benchLoop.disable();
	const loops = await Promise.all(servers.map((s) => hubStats(s.url, { gc: false })));

	const latencies: number[] = [];
	for (const s of sent) {
		for (const l of listeners) {
			const a = l.arrivals.find((x) => x.seq === s.seq);
			if (a) latencies.push(a.at - s.t);
		}
	}
	latencies.sort((a, b) => a - b);
	for (const l of listeners) l.close();
	for (const s of servers) {
		const until = Date.now() + 10_000;
		while (Date.now() < until && (await hubStats(s.url, { gc: false })).connections > 0) await sleep(100);
	}
	await room.end();
	const memory: HubStats[] = await Promise.all(servers.map((s) => hubStats(s.url)));
	const expected = sent.length * n;
	const missed = expected - latencies.length;
	const row: Row = {
		setup,
		instances: servers.length,
		n,
		held: missed === 0,
		stopped_because: missed === 0 ? null : `${missed} events never arrived within 10 s of the last command`,
		connect_all_ms: connectAllMs,
		commands: sent.length,
		events_expected: expected,
		events_delivered: latencies.length,
		missed,
		p50_ms: round(percentile(latencies, 50)),
		p95_ms: round(percentile(latencies, 95)),
		p99_ms: round(percentile(latencies, 99)),
		max_ms: round(latencies.at(-1) ?? null),
		per_instance: servers.map((s, i) => ({
			url: s.url,
			connections: open[i]!.connections,
			event_loop_delay_p99_ms: round(loops[i]!.eventLoopDelay.p99_ms) ?? 0,
			event_loop_delay_max_ms: round(loops[i]!.eventLoopDelay.max_ms) ?? 0,
			rss_mb: round(memory[i]!.rss / 2 ** 20, 1) ?? 0,
			heap_used_mb: round(memory[i]!.heapUsed / 2 ** 20, 1) ?? 0
		})),
		bench_event_loop_delay_max_ms: round(benchLoop.max / 1e6) ?? 0,
		free_memory_mb_after: Math.round(freemem() / 2 ** 20)
	};
	log(`${setup} N=${n}: p99 ${fmt(row.p99_ms)} ms, missed ${missed}`);
	return row;
}

/**
 * Each setup gets this long to grow (measured from its first N); the N after that is not
 * tried. A room that cannot keep up ends at its time-outs (2 min for the streams to open,
 * 10 s for the last events, 10 s per server for them to close), so with the build the whole
 * run stays within about 20 minutes on this 2-core machine.
 */
const SETUP_BUDGET_MS = 7 * 60_000;

async function runSetup(setup: Row['setup'], servers: readonly Server[], openRoom: OpenRoom, sizes: readonly number[], commands: number, log: BenchLog): Promise<Row[]> {
	const rows: Row[] = [];
	const started = Date.now();
	for (const [i, n] of sizes.entries()) {
		if (i > 0 && Date.now() - started > SETUP_BUDGET_MS) {
			const reason = `time: the smaller rooms took ${Math.round((Date.now() - started) / 60_000)} min of this setup's ${SETUP_BUDGET_MS / 60_000}; N = ${n} not tried`;
			log(`${setup}: stops before N=${n}: ${reason}`);
			rows.push({ ...notTried(setup, servers.length, n), stopped_because: reason });
			break;
		}
		const row = await runRoom(setup, servers, openRoom, i, n, commands, log);
		rows.push(row);
		if (!row.held) {
			log(`${setup}: stops at N=${n}: ${row.stopped_because}`);
			break;
		}
	}
	return rows;
}

function notTried(setup: Row['setup'], instances: number, n: number): Row {
	return {
		setup,
		instances,
		n,
		held: false,
		stopped_because: null,
		connect_all_ms: null,
		commands: 0,
		events_expected: 0,
		events_delivered: 0,
		missed: 0,
		p50_ms: null,
		p95_ms: null,
		p99_ms: null,
		max_ms: null,
		per_instance: [],
		bench_event_loop_delay_max_ms: 0,
		free_memory_mb_after: Math.round(freemem() / 2 ** 20)
	};
}

function option(argv: readonly string[], name: string): string | undefined {
	return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const sizes = option(argv, 'sizes')?.split(',').map(Number) ?? SPECIFIED_SIZES;
	const commands = Number(option(argv, 'commands') ?? SPECIFIED_COMMANDS);
	if (sizes.length === 0 || !sizes.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`--sizes= takes whole numbers above 0, e.g. --sizes=10,20`);
	if (!Number.isInteger(commands) || commands < 1) throw new Error(`--commands= takes a whole number above 0`);
	const setups = new Set(option(argv, 'setups')?.split(',') ?? SETUPS);
	if (setups.size === 0 || ![...setups].every((x) => (SETUPS as readonly string[]).includes(x))) throw new Error(`--setups= takes some of ${SETUPS.join(',')}`);
	const specified = sizes.join() === SPECIFIED_SIZES.join() && commands === SPECIFIED_COMMANDS && setups.size === SETUPS.length;
	const log = benchLog();
	await buildUnlessReused(argv, log);
	const stopLoad = sampleLoad(2000);
	const tmp = mkdtempSync(path.join(tmpdir(), 'limber-bench-cluster-'));
	const rows: Row[] = [];
	// A real state, as the first command answered it: the floor sends events of the same bytes.
	const sample: { state: LiveState | null } = { state: null };
	try {
		if (setups.has('postgres')) await runPostgres();
		if (setups.has('sqlite')) await runSqlite();
		if (setups.has('floor')) await runFloor();
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}

	async function runPostgres(): Promise<void> {
		const pg = await createCluster();
		const instances: Instance[] = [];
		try {
			for (const name of ['a', 'b', 'c']) {
				const port = await freePort();
				instances.push(
					await startInstance({
						name,
						port,
						databaseUrl: pg.url,
						dataDir: tmp,
						nodeArgs: ['--expose-gc'],
						// No proxy in front: the address is the socket's.
						env: { LIMBER_BENCH: '1', ORIGIN: `http://127.0.0.1:${port}`, ADDRESS_HEADER: '', PROTOCOL_HEADER: '' }
					})
				);
			}
			log(`postgres: 3 servers on ${pg.url}`);
			const instructor = await signUpWithClass(instances[0]!.url);
			rows.push(
				...(await runSetup('postgres', instances, limberRoom(instances, instructor, log, 'postgres', sample), sizes, commands, log).catch((error: unknown) => {
					for (const s of instances) console.error(`--- server ${s.name} said:\n${s.log.join('').slice(-2000)}`);
					throw error;
				}))
			);
		} finally {
			await Promise.all(instances.map((s) => s.stop()));
			await pg.destroy();
		}
	}

	async function runSqlite(): Promise<void> {
		const sqlite = await startServer({ env: { LIMBER_BENCH: '1', DATABASE_URL: '' }, nodeArgs: ['--expose-gc'] });
		try {
			log(`sqlite: 1 server at ${sqlite.url}`);
			const instructor = await signUpWithClass(sqlite.url);
			rows.push(...(await runSetup('sqlite', [sqlite], limberRoom([sqlite], instructor, log, 'sqlite', sample), sizes, commands, log)));
		} finally {
			await sqlite.stop();
		}
	}

	async function runFloor(): Promise<void> {
		// The same run's floor, as 3 processes and as 1 (beside PostgreSQL ×3 and SQLite ×1).
		for (const count of [3, 1]) {
			const floor = await startFloorServers(count);
			try {
				log(`floor: ${count} bare fan-out server(s)`);
				rows.push(...(await runSetup('floor', floor, floorRoom(floor, sample), sizes, commands, log)));
			} finally {
				await Promise.all(floor.map((s) => s.stop()));
			}
		}
	}
	const load = stopLoad();
	const limberRows = rows.filter((r) => r.setup !== 'floor');
	const withinTarget = (r: Row) => r.held && (r.p99_ms ?? Infinity) <= TARGET_P99_MS;
	/** Each Limber row beside the floor with as many processes at the same N, measured in this run. */
	const againstFloor = limberRows.map((r) => {
		const f = rows.find((x) => x.setup === 'floor' && x.instances === r.instances && x.n === r.n);
		const ratio = (a: number | null, b: number | null | undefined) => (a === null || b === null || b === undefined || b <= 0 ? null : round(a / b));
		return {
			setup: r.setup,
			instances: r.instances,
			n: r.n,
			p50_ms: r.p50_ms,
			p99_ms: r.p99_ms,
			floor_p50_ms: f?.p50_ms ?? null,
			floor_p99_ms: f?.p99_ms ?? null,
			p50_ratio: ratio(r.p50_ms, f?.p50_ms),
			p99_ratio: ratio(r.p99_ms, f?.p99_ms),
			/** Null when the floor did not run at this N. */
			floor_within_target: f ? withinTarget(f) : null
		};
	});
	const largest = (setup: Row['setup']) => Math.max(0, ...rows.filter((r) => r.setup === setup && r.held).map((r) => r.n));
	/** What stopped a setup short of the largest N asked for (null: it held them all). */
	const stoppedBecause = (setup: Row['setup']) => rows.find((r) => r.setup === setup && !r.held)?.stopped_because ?? null;
	const result = {
		date: new Date().toISOString(),
		node: process.version,
		cpu_count: cpus().length,
		cpu_model: cpus()[0]?.model ?? 'unknown',
		memory_gb: round(totalmem() / 2 ** 30, 1),
		load_average_at_end: loadavg().map((v) => round(v)),
		load_during_runs: load,
		method: {
			commands_per_n: commands,
			command_gap_ms: COMMAND_GAP_MS,
			delivery: 'POST sent (performance.now in the bench) → the bytes of the state event with that seq read by each participant',
			clients: 'one bench process, one TCP connection per participant read by bench/class/sse-client.ts (node:net, arrival time taken as the bytes come in); participant i on server i mod 3; command i to server i mod 3',
			postgres: 'a throwaway local cluster (fsync off), 3 × node build, each with a 10-connection pool, a listener and a sender'
		},
		rows,
		sizes,
		/** False for a smoke run (other --sizes or --commands): not the figures. */
		specified_settings: specified,
		largest_n_held: { postgres: largest('postgres'), sqlite: largest('sqlite') },
		stopped_because: { postgres: stoppedBecause('postgres'), sqlite: stoppedBecause('sqlite') },
		against_floor: againstFloor,
		verdict: {
			target: `p99 ≤ ${TARGET_P99_MS} ms and nothing missed at every N held`,
			ok: limberRows.some((r) => r.held) && limberRows.filter((r) => r.held).every(withinTarget),
			/** Where a bare fan-out on this machine (same processes, same bytes, nothing else) is itself over the target. */
			floor_over_target: againstFloor.filter((a) => a.floor_within_target === false).map((a) => ({ setup: a.setup, instances: a.instances, n: a.n, floor_p99_ms: a.floor_p99_ms })),
			/** The target everywhere the floor meets it. */
			ok_where_floor_meets_target: limberRows.filter((r) => r.held).every((r) => withinTarget(r) || againstFloor.find((a) => a.setup === r.setup && a.n === r.n)?.floor_within_target === false)
		}
	};
	const out = resultFile(ROOT, 'cluster', specified);
	mkdirSync(path.dirname(out), { recursive: true });
	writeFileSync(out, JSON.stringify(result, null, '\t') + '\n');
	console.log(
		'\n' +
			table(
				['setup', 'N', 'held', 'delivered', 'missed', 'p50', 'p95', 'p99', 'max ms', 'loop p99/max per server', 'RSS MB per server', 'connect ms'],
				rows.map((r) => [
					`${r.setup} ×${r.instances}`,
					String(r.n),
					r.held ? 'yes' : `no: ${r.stopped_because}`,
					`${r.events_delivered}/${r.events_expected}`,
					String(r.missed),
					fmt(r.p50_ms),
					fmt(r.p95_ms),
					fmt(r.p99_ms),
					fmt(r.max_ms),
					r.per_instance.map((p) => `${fmt(p.event_loop_delay_p99_ms, 0)}/${fmt(p.event_loop_delay_max_ms, 0)}`).join(' '),
					r.per_instance.map((p) => fmt(p.rss_mb, 0)).join(' '),
					String(r.connect_all_ms ?? '–')
				])
			)
	);
	console.log(`\nlargest N held: postgres ×3 ${result.largest_n_held.postgres}, sqlite ×1 ${result.largest_n_held.sqlite}`);
	for (const setup of ['postgres', 'sqlite'] as const) {
		if (!setups.has(setup)) continue;
		console.log(`${setup} stopped because: ${result.stopped_because[setup] ?? `nothing, it held every N asked for (${sizes.join(', ')})`}`);
	}
	console.log(
		'\nagainst the floor (bare node:http fan-out, same processes, same bytes, same run)\n' +
			table(
				['setup', 'N', 'p50', 'floor p50', 'p99', 'floor p99', 'p99 ratio'],
				againstFloor.map((a) => [`${a.setup} ×${a.instances}`, String(a.n), fmt(a.p50_ms), fmt(a.floor_p50_ms), fmt(a.p99_ms), fmt(a.floor_p99_ms), fmt(a.p99_ratio)])
			)
	);
	console.log(`load average (1 min) during runs: mean ${load.load_1m_mean}, max ${load.load_1m_max} on ${load.cpu_count} CPUs`);
	console.log(`${result.verdict.target}: ${result.verdict.ok ? 'PASS' : 'FAIL'}`);
	for (const f of result.verdict.floor_over_target) console.log(`  the floor itself is over the target at N = ${f.n} beside ${f.setup}: p99 ${fmt(f.floor_p99_ms)} ms`);
	console.log(`the target wherever the floor meets it: ${result.verdict.ok_where_floor_meets_target ? 'PASS' : 'FAIL'}`);
	log(`wrote ${path.relative(ROOT, out)}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
