/**
 * `npm run bench:class`: one instructor and N simulated participants holding SSE
 * connections to the real built server (N = 100, 500, 1000), 50 instructor commands each;
 * then 1000 connect/disconnect cycles to check that connections and memory come back.
 * See bench/README.md. Writes bench/results/class.json; exits 0 whatever the figures.
 *
 * Options: --reuse-build (skip `npm run build`), --sizes=20,50 (other room sizes: a smoke run,
 * written to class.smoke.json, never over the figures in class.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { COMMAND_LEAD_MS, positionAt } from '../src/lib/classroom/protocol';
import { command, hubStats, join, signUpWithClass, startLive, type HubStats, type Instructor } from './class/http';
import { plan, pool, sleep } from './class/commands';
import { SseListener } from './class/sse-client';
import { measureCommits } from './class/sqlite-commits';
import { sampleLoad } from './lib/load';
import { benchLog, buildUnlessReused, resultFile } from './lib/run';
import { ROOT, startServer } from './lib/server';
import { round, summarize, type Summary } from './lib/stats';
import { fmt, table } from './lib/table';

const COMMANDS = 50;
/** Between commands: an instructor tapping fast; less than the 300 ms lead, so effects overlap. */
const COMMAND_GAP_MS = 200;
const CYCLES = 1000;
const WARMUP_CYCLES = 200;
const CYCLE_CONCURRENCY = 50;
const TARGET_P99_MS = 100;
/** After-GC heap growth over the cycles that still counts as no leak (allocator noise). */
const HEAP_TOLERANCE_BYTES = 2 * 1024 * 1024;




async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return true;
		await sleep(50);
	}
	return check();
}

interface RoomResult {
	readonly participants: number;
	readonly commands: number;
	readonly events_expected: number;
	readonly events_delivered: number;
	readonly delivery_ms: Summary;
	/** Split of the delivery time (1 ms clock resolution): POST sent → command applied on the server … */
	readonly send_to_apply_ms: Summary;
	/** … and applied → the event parsed by the participant (fan-out, loopback, client). */
	readonly apply_to_arrival_ms: Summary;
	/** Per command, the latest arrival among all participants. */
	readonly slowest_per_command_ms: Summary;
	/** Updates that arrived after the instant they take effect (300 ms after the command). */
	readonly arrived_after_anchor: number;
	/** Per shared instant: max − min of the positions participants derive from what they had. */
	readonly position_spread_ms: Summary;
	readonly command_round_trip_ms: Summary;
	readonly connect_all_ms: number;
	readonly hub_connections_while_open: number;
	readonly hub_connections_after_close: number;
	/** While the commands ran: how long the server's and this bench's event loops were held up at most. */
	readonly server_event_loop_delay_ms: { readonly p99: number; readonly max: number };
	readonly bench_event_loop_delay_ms: { readonly p99: number; readonly max: number };
}

async function runRoom(base: string, instructor: Instructor, lessonNumber: number, n: number, log: (m: string) => void): Promise<RoomResult> {
	const code = await startLive(base, instructor, lessonNumber);
	const cookies = await pool(Array.from({ length: n }, (_, i) => i), 25, (i) => join(base, code, `P${i + 1}`));
	const connectStart = performance.now();
	const listeners = cookies.map((cookie) => new SseListener(`${base}/api/live/${code}/events`, cookie));
	const opened = await Promise.race([Promise.all(listeners.map((l) => l.ready())).then(() => true), sleep(CONNECT_TIMEOUT_MS).then(() => false)]);
	if (!opened) {
		const open = listeners.filter((l) => l.arrivals.length > 0).length;
		for (const l of listeners) l.close();
		throw new Error(`N=${n}: only ${open} of ${n} streams had their first state after ${CONNECT_TIMEOUT_MS / 1000} s`);
	}
	const connectAllMs = performance.now() - connectStart;
	const open = (await hubStats(base)).connections;
	log(`N=${n}: ${n} joined, streams open in ${Math.round(connectAllMs)} ms (hub counts ${open})`);

	const sent: { seq: number; t: number; wall: number; anchor: number }[] = [];
	const roundTrips: number[] = [];
	await hubStats(base, { gc: false, reset: true });
	const benchLoop = monitorEventLoopDelay({ resolution: 1 });
	benchLoop.enable();
	for (let i = 0; i < COMMANDS; i += 1) {
		const wall = Date.now();
		const t = performance.now();
		const state = await command(base, code, instructor.cookie, plan(i));
		roundTrips.push(performance.now() - t);
		sent.push({ seq: state.seq, t, wall, anchor: state.anchorServerMs });
		await sleep(COMMAND_GAP_MS);
	}
	const lastSeq = sent.at(-1)?.seq ?? 0;
	await waitFor(() => listeners.every((l) => l.arrivals.at(-1)?.seq === lastSeq), 5000);
	benchLoop.disable();
	const serverLoop = (await hubStats(base, { gc: false })).eventLoopDelay;

	const latencies: number[] = [];
	const toApply: number[] = [];
	const fanOut: number[] = [];
	const slowest: number[] = [];
	let delivered = 0;
	let late = 0;
	for (const s of sent) {
		// The server applied the command at anchor − lead on its clock (the machine's clock, shared with us).
		const appliedWall = s.anchor - COMMAND_LEAD_MS;
		toApply.push(appliedWall - s.wall);
		let worst = 0;
		for (const l of listeners) {
			const a = l.arrivals.find((x) => x.seq === s.seq);
			if (!a) continue;
			delivered += 1;
			const ms = a.at - s.t;
			latencies.push(ms);
			fanOut.push(a.wallMs - appliedWall);
			worst = Math.max(worst, ms);
			if (a.wallMs > s.anchor) late += 1;
		}
		slowest.push(worst);
	}
	// At each command's effect instant, what each participant shows: of the states it had
	// received by then, the newest already in effect (a state applies from its anchor on,
	// so one that arrived early for a later instant does not count yet).
	const spreads = sent.map((s) => {
		const positions = listeners.map((l) => {
			const applied = l.arrivals.filter((a) => a.wallMs <= s.anchor && a.state.anchorServerMs <= s.anchor).at(-1);
			return applied ? positionAt(applied.state, s.anchor) : 0;
		});
		return Math.max(...positions) - Math.min(...positions);
	});

	for (const l of listeners) l.close();
	await waitFor(async () => (await hubStats(base)).connections === 0, 5000);
	const after = (await hubStats(base)).connections;
	await command(base, code, instructor.cookie, { type: 'end' });
	return {
		participants: n,
		commands: sent.length,
		events_expected: sent.length * n,
		events_delivered: delivered,
		delivery_ms: summarize(latencies),
		send_to_apply_ms: summarize(toApply),
		apply_to_arrival_ms: summarize(fanOut),
		slowest_per_command_ms: summarize(slowest),
		arrived_after_anchor: late,
		position_spread_ms: summarize(spreads),
		command_round_trip_ms: summarize(roundTrips),
		connect_all_ms: Math.round(connectAllMs),
		hub_connections_while_open: open,
		hub_connections_after_close: after,
		server_event_loop_delay_ms: { p99: round(serverLoop.p99_ms) ?? 0, max: round(serverLoop.max_ms) ?? 0 },
		bench_event_loop_delay_ms: { p99: round(benchLoop.percentile(99) / 1e6) ?? 0, max: round(benchLoop.max / 1e6) ?? 0 }
	};
}

interface LeakResult {
	readonly cycles: number;
	readonly before: HubStats;
	readonly after: HubStats;
	readonly connections_returned: boolean;
	readonly heap_delta_bytes: number;
	readonly rss_delta_bytes: number;
	readonly no_leak: boolean;
}

/** Each cycle: open a participant's stream, wait for its first state, drop the socket. */
async function runCycles(base: string, instructor: Instructor, lessonNumber: number): Promise<LeakResult> {
	const code = await startLive(base, instructor, lessonNumber);
	const cookies = await pool(Array.from({ length: CYCLE_CONCURRENCY }, (_, i) => i), 10, (i) => join(base, code, `C${i}`));
	const cycle = async (_: number, i: number) => {
		const l = new SseListener(`${base}/api/live/${code}/events`, cookies[i % cookies.length] ?? '');
		await l.ready();
		l.close();
	};
	const settle = () => waitFor(async () => (await hubStats(base)).connections === 0, 5000);
	await pool(Array.from({ length: WARMUP_CYCLES }, (_, i) => i), CYCLE_CONCURRENCY, cycle);
	await settle();
	await sleep(500);
	const before = await hubStats(base);
	await pool(Array.from({ length: CYCLES }, (_, i) => i), CYCLE_CONCURRENCY, cycle);
	await settle();
	// Roster timers of the last drops fire after 100 ms; let them, then collect.
	await sleep(500);
	const after = await hubStats(base);
	await command(base, code, instructor.cookie, { type: 'end' });
	const heapDelta = after.heapUsed - before.heapUsed;
	return {
		cycles: CYCLES,
		before,
		after,
		connections_returned: after.connections === before.connections,
		heap_delta_bytes: heapDelta,
		rss_delta_bytes: after.rss - before.rss,
		no_leak: after.connections === before.connections && heapDelta <= HEAP_TOLERANCE_BYTES
	};
}

/** The room sizes the targets are set for; other `--sizes=` make a smoke run (class.smoke.json). */
const SPECIFIED_SIZES = [100, 500, 1000];
/** Every stream of a room must be open by then, or the room fails with a message instead of hanging. */
const CONNECT_TIMEOUT_MS = 120_000;

function sizesOf(argv: readonly string[]): number[] {
	const arg = argv.find((a) => a.startsWith('--sizes='));
	if (!arg) return SPECIFIED_SIZES;
	const sizes = arg.slice(8).split(',').map(Number);
	const bad = sizes.filter((n) => !Number.isInteger(n) || n <= 0);
	if (bad.length > 0 || sizes.length === 0) throw new Error(`--sizes= takes whole numbers above 0, e.g. --sizes=20,50; not ${arg.slice(8)}`);
	return sizes;
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const sizes = sizesOf(argv);
	const specified = sizes.join() === SPECIFIED_SIZES.join();
	const log = benchLog();
	await buildUnlessReused(argv, log);
	const server = await startServer({ env: { LIMBER_BENCH: '1' }, nodeArgs: ['--expose-gc'] });
	log(`serving ${server.url}`);
	const stopLoad = sampleLoad(2000);
	try {
		const instructor = await signUpWithClass(server.url);
		const rooms: RoomResult[] = [];
		// The course has four lessons: one per room size, the last for the cycles.
		for (const [i, n] of sizes.entries()) rooms.push(await runRoom(server.url, instructor, (i % 3) + 1, n, log));
		log('connect/disconnect cycles');
		const leak = await runCycles(server.url, instructor, 4);
		log('SQLite commits on the main thread: defaults vs Limber’s settings');
		const commits = await measureCommits();
		const load = stopLoad();
		const base = rooms[0];
		const ratios = rooms.map((r) => ({
			participants: r.participants,
			vs: base?.participants ?? null,
			delivery_p50: round(base?.delivery_ms.p50 ? (r.delivery_ms.p50 ?? 0) / base.delivery_ms.p50 : null),
			delivery_p99: round(base?.delivery_ms.p99 ? (r.delivery_ms.p99 ?? 0) / base.delivery_ms.p99 : null)
		}));
		const verdict = {
			target: `every N: delivery p99 ≤ ${TARGET_P99_MS} ms, every event delivered, no leak`,
			sizes,
			/** False for a smoke run at other sizes: not the figures the targets are about. */
			specified_sizes: specified,
			delivery_p99_ok: rooms.every((r) => (r.delivery_ms.p99 ?? Infinity) <= TARGET_P99_MS),
			all_delivered: rooms.every((r) => r.events_delivered === r.events_expected),
			no_leak: leak.no_leak && rooms.every((r) => r.hub_connections_after_close === 0)
		};
		const result = {
			date: new Date().toISOString(),
			node: process.version,
			cpu_count: cpus().length,
			cpu_model: cpus()[0]?.model ?? 'unknown',
			load_average_at_end: loadavg().map((v) => round(v)),
			load_during_runs: load,
			method: {
				commands_per_room: COMMANDS,
				command_gap_ms: COMMAND_GAP_MS,
				cycles: CYCLES,
				warmup_cycles: WARMUP_CYCLES,
				cycle_concurrency: CYCLE_CONCURRENCY,
				heap_tolerance_bytes: HEAP_TOLERANCE_BYTES,
				clients: 'one bench process, one TCP connection per participant read by bench/class/sse-client.ts (node:net, arrival time taken as the bytes come in)'
			},
			rooms,
			ratios,
			leak,
			sqlite_commits: commits,
			verdict
		};
		const out = resultFile(ROOT, 'class', specified);
		mkdirSync(path.dirname(out), { recursive: true });
		writeFileSync(out, JSON.stringify(result, null, '\t') + '\n');

		console.log(
			'\n' +
				table(
					['N', 'delivered', 'p50 ms', 'p99 ms', 'max ms', 'to apply p50/p99', 'fan-out p50/p99', 'late', 'spread p50/max ms', 'loop max server/bench', 'p99 ratio'],
					rooms.map((r, i) => [
						String(r.participants),
						`${r.events_delivered}/${r.events_expected}`,
						fmt(r.delivery_ms.p50),
						fmt(r.delivery_ms.p99),
						fmt(r.delivery_ms.max),
						`${fmt(r.send_to_apply_ms.p50, 0)}/${fmt(r.send_to_apply_ms.p99, 0)}`,
						`${fmt(r.apply_to_arrival_ms.p50, 0)}/${fmt(r.apply_to_arrival_ms.p99, 0)}`,
						String(r.arrived_after_anchor),
						`${fmt(r.position_spread_ms.p50, 0)}/${fmt(r.position_spread_ms.max, 0)}`,
						`${fmt(r.server_event_loop_delay_ms.max, 0)}/${fmt(r.bench_event_loop_delay_ms.max, 0)}`,
						fmt(ratios[i]?.delivery_p99, 2)
					])
				)
		);
		const mb = (b: number) => (b / 2 ** 20).toFixed(2);
		console.log(
			`\ncycles: ${leak.cycles}; connections ${leak.before.connections} → ${leak.after.connections}; heap after GC ${mb(leak.before.heapUsed)} → ${mb(leak.after.heapUsed)} MB (Δ ${mb(leak.heap_delta_bytes)}); RSS ${mb(leak.before.rss)} → ${mb(leak.after.rss)} MB (Δ ${mb(leak.rss_delta_bytes)})`
		);
		const c = (f: typeof commits.limber) => `p50 ${fmt(f.commit_ms.p50)} ms, p99 ${fmt(f.commit_ms.p99)} ms, max ${fmt(f.commit_ms.max)} ms, ${f.over_50ms} over 50 ms`;
		console.log(`SQLite commit on the main thread (${commits.limber.commits} commits): defaults ${c(commits.sqlite_defaults)}; Limber ${c(commits.limber)}`);
		console.log(`load average (1 min) during runs: mean ${load.load_1m_mean}, max ${load.load_1m_max} on ${load.cpu_count} CPUs`);
		console.log(
			`\n${verdict.target}: p99 ${verdict.delivery_p99_ok ? 'PASS' : 'FAIL'}, delivery ${verdict.all_delivered ? 'PASS' : 'FAIL'}, leak ${verdict.no_leak ? 'PASS' : 'FAIL'}`
		);
		log(`wrote ${path.relative(ROOT, out)}${specified ? '' : ' (a smoke run at other sizes: class.json keeps the figures)'}`);
	} finally {
		await server.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
