/**
 * `npm run bench:soak`: one built server, N participants (500) on SSE for a long class
 * (10 minutes) with an instructor command every 5 s; every minute 10 % of the
 * connections drop and reconnect (with Last-Event-ID, as a browser does); at the end the
 * lesson ends and everyone checks in. Reports RSS and heap after GC at the start and end,
 * the server's event-loop delay, delivery times and missed events, per minute and overall.
 * See bench/README.md. Writes bench/results/soak.json; exits 0 whatever the figures.
 *
 * Options: --minutes=10 --participants=500 --command-every-s=5 --drop-every-s=60
 * --drop-share=0.1 --reuse-build (skip `npm run build`). Short settings are for trying it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import type { LiveState } from '../src/lib/classroom/protocol';
import { command, hubStats, join, signUpWithClass, startLive, type HubStats } from './class/http';
import { plan, pool } from './class/commands';
import { SseListener } from './class/sse-client';
import { sampleLoad } from './lib/load';
import { benchLog, buildUnlessReused } from './lib/run';
import { ROOT, startServer } from './lib/server';
import { round, summarize } from './lib/stats';
import { fmt, table } from './lib/table';

function option(name: string, fallback: number): number {
	const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
	const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
	if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
	return value;
}

const MINUTES = option('minutes', 10);
const PARTICIPANTS = Math.round(option('participants', 500));
const COMMAND_EVERY_MS = option('command-every-s', 5) * 1000;
const DROP_EVERY_MS = option('drop-every-s', 60) * 1000;
const DROP_SHARE = option('drop-share', 0.1);
/** A phone that lost its connection comes back after EventSource's retry (1 s). */
const RECONNECT_AFTER_MS = 1000;
/** An event not there this long after its command is missed. */
const MISSED_AFTER_MS = 3000;
const TARGETS = { missed: 0, heap_growth_pct: 5, delivery_p99_ms: 100 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

interface Sent {
	readonly seq: number;
	readonly sentAt: number;
	readonly minute: number;
}

/** One participant's streams over the run: a drop closes one and, a second later, opens the next. */
interface Participant {
	readonly cookie: string;
	streams: { readonly listener: SseListener; readonly readyAt: number; closedAt: number | null }[];
}

async function openStream(base: string, code: string, p: Participant, lastEventId?: number): Promise<void> {
	const listener = new SseListener(`${base}/api/live/${code}/events`, p.cookie, { lastEventId });
	await listener.ready();
	p.streams.push({ listener, readyAt: performance.now(), closedAt: null });
}

const current = (p: Participant) => p.streams.at(-1)!;
const lastSeq = (p: Participant): number | undefined => p.streams.flatMap((s) => s.listener.arrivals).at(-1)?.seq;

async function main(): Promise<void> {
	const log = benchLog();
	await buildUnlessReused(process.argv, log);
	const server = await startServer({ env: { LIMBER_BENCH: '1' }, nodeArgs: ['--expose-gc'] });
	const stopLoad = sampleLoad();
	try {
		const base = server.url;
		const instructor = await signUpWithClass(base);
		const code = await startLive(base, instructor, 1);
		log(`lesson ${code}: ${PARTICIPANTS} participants join`);
		const cookies = await pool(Array.from({ length: PARTICIPANTS }, (_, i) => i), 25, (i) => join(base, code, `Soak ${i + 1}`));
		const people: Participant[] = cookies.map((cookie) => ({ cookie, streams: [] }));
		await pool(people, 50, (p) => openStream(base, code, p));
		// Warm up (first commands compile and allocate what every later one reuses), then the start figures.
		let latest: LiveState | undefined;
		for (let i = 0; i < 3; i += 1) {
			latest = await command(base, code, instructor.cookie, plan(i));
			await sleep(500);
		}
		const start = await hubStats(base, { reset: true });
		log(`start: ${start.connections} streams, heap ${mb(start.heapUsed)} MB, RSS ${mb(start.rss)} MB; soaking ${MINUTES} min`);

		const sent: Sent[] = [];
		const memory: { atS: number; stats: HubStats }[] = [{ atS: 0, stats: start }];
		const reconnects: { stale: boolean }[] = [];
		const began = performance.now();
		const endAt = began + MINUTES * 60_000;
		let nextCommand = began + COMMAND_EVERY_MS;
		let nextDrop = began + DROP_EVERY_MS;
		let commandIndex = 3;
		const pendingReconnects: Promise<void>[] = [];
		while (performance.now() < endAt) {
			const now = performance.now();
			const minute = Math.floor((now - began) / 60_000);
			if (now >= nextDrop) {
				nextDrop += DROP_EVERY_MS;
				const dropped = [...people].sort(() => Math.random() - 0.5).slice(0, Math.round(people.length * DROP_SHARE));
				for (const p of dropped) {
					const stream = current(p);
					stream.listener.close();
					stream.closedAt = performance.now();
					const seen = lastSeq(p);
					pendingReconnects.push(
						sleep(RECONNECT_AFTER_MS).then(async () => {
							await openStream(base, code, p, seen);
							// On reconnect the server sends the current state unless the browser already has it.
							const after = lastSeq(p);
							reconnects.push({ stale: after !== undefined && latest !== undefined && after < latest.seq });
						})
					);
				}
				log(`minute ${minute}: dropped ${dropped.length} streams`);
				// Memory after GC, halfway between two commands so the collection does not sit on a delivery.
				setTimeout(() => void hubStats(base).then((stats) => memory.push({ atS: Math.round((performance.now() - began) / 1000), stats })), COMMAND_EVERY_MS / 2);
			}
			if (now >= nextCommand) {
				nextCommand += COMMAND_EVERY_MS;
				const sentAt = performance.now();
				latest = await command(base, code, instructor.cookie, plan(commandIndex++));
				sent.push({ seq: latest.seq, sentAt, minute });
			}
			await sleep(Math.max(1, Math.min(nextCommand, nextDrop, endAt) - performance.now()));
		}
		await Promise.all(pendingReconnects);
		await sleep(MISSED_AFTER_MS);
		const end = await hubStats(base);
		log(`end: ${end.connections} streams, heap ${mb(end.heapUsed)} MB, RSS ${mb(end.rss)} MB`);

		// Every stream that was open from before a command until MISSED_AFTER_MS after it must have got it.
		const deliveries: { minute: number; ms: number }[] = [];
		let expected = 0;
		let missed = 0;
		for (const c of sent) {
			for (const p of people) {
				const stream = p.streams.find((s) => s.readyAt < c.sentAt && (s.closedAt === null || s.closedAt > c.sentAt + MISSED_AFTER_MS));
				if (!stream) continue;
				expected += 1;
				const arrival = stream.listener.arrivals.find((a) => a.seq === c.seq);
				if (arrival && arrival.at - c.sentAt <= MISSED_AFTER_MS) deliveries.push({ minute: c.minute, ms: arrival.at - c.sentAt });
				else missed += 1;
			}
		}

		// The end of the class: the lesson ends and everyone answers the check-in.
		await command(base, code, instructor.cookie, { type: 'end' });
		const checkInMs: number[] = [];
		const checkInResults = await pool(people, 25, async (p) => {
			const t = performance.now();
			const res = await fetch(`${base}/api/live/${code}/checkin`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie: p.cookie },
				body: JSON.stringify({ pain: 3, effort: 'about-right' })
			});
			checkInMs.push(performance.now() - t);
			return res.ok;
		});
		for (const p of people) current(p).listener.close();

		const delivery = summarize(deliveries.map((d) => d.ms));
		const minutes = Array.from({ length: Math.ceil(MINUTES) }, (_, m) => {
			const ms = deliveries.filter((d) => d.minute === m).map((d) => d.ms);
			return { minute: m + 1, delivery_ms: summarize(ms) };
		});
		const first = minutes[0]?.delivery_ms.p99 ?? null;
		const last = minutes.at(-1)?.delivery_ms.p99 ?? null;
		const heapGrowthPct = round(((end.heapUsed - start.heapUsed) / start.heapUsed) * 100, 2);
		const result = {
			bench: 'soak',
			settings: { minutes: MINUTES, participants: PARTICIPANTS, command_every_ms: COMMAND_EVERY_MS, drop_every_ms: DROP_EVERY_MS, drop_share: DROP_SHARE, reconnect_after_ms: RECONNECT_AFTER_MS, missed_after_ms: MISSED_AFTER_MS },
			memory: {
				start: { rss_mb: mb(start.rss), heap_mb: mb(start.heapUsed) },
				end: { rss_mb: mb(end.rss), heap_mb: mb(end.heapUsed) },
				heap_growth_pct: heapGrowthPct,
				rss_growth_pct: round(((end.rss - start.rss) / start.rss) * 100, 2),
				// After GC, read halfway between two commands after each round of drops.
				samples: [...memory, { atS: Math.round((performance.now() - began) / 1000), stats: end }].map((x) => ({ at_s: x.atS, heap_mb: mb(x.stats.heapUsed), rss_mb: mb(x.stats.rss), connections: x.stats.connections }))
			},
			event_loop_delay_ms: end.eventLoopDelay,
			delivery_ms: delivery,
			events: { commands: sent.length, expected, delivered: deliveries.length, missed },
			reconnects: { count: reconnects.length, stale_after_reconnect: reconnects.filter((r) => r.stale).length },
			check_ins: { answered: checkInResults.filter(Boolean).length, of: people.length, ms: summarize(checkInMs) },
			streams_left_open_at_end: end.connections,
			per_minute: minutes,
			ratios: { delivery_p99_last_over_first_minute: first && last ? round(last / first, 2) : null },
			targets: TARGETS,
			checks: {
				nothing_missed: missed === 0 && reconnects.every((r) => !r.stale),
				heap_growth_under_5_pct: heapGrowthPct !== null && heapGrowthPct < TARGETS.heap_growth_pct,
				delivery_p99_within_100_ms: delivery.p99 !== null && delivery.p99 <= TARGETS.delivery_p99_ms,
				every_check_in_recorded: checkInResults.every(Boolean)
			},
			environment: { node: process.version, cpus: cpus().length, cpu_model: cpus()[0]?.model ?? '', date: new Date().toISOString(), load: stopLoad() }
		};
		const out = path.join(ROOT, 'bench', 'results', 'soak.json');
		mkdirSync(path.dirname(out), { recursive: true });
		writeFileSync(out, `${JSON.stringify(result, null, '\t')}\n`);
		console.log(
			table(
				['figure', 'value', 'target'],
				[
					['RSS start → end (MB)', `${fmt(result.memory.start.rss_mb)} → ${fmt(result.memory.end.rss_mb)}`, ''],
					['heap start → end (MB, after GC)', `${fmt(result.memory.start.heap_mb)} → ${fmt(result.memory.end.heap_mb)} (${fmt(heapGrowthPct, 2)} %)`, `< ${TARGETS.heap_growth_pct} %`],
					['event-loop delay p99 / max (ms)', `${fmt(end.eventLoopDelay.p99_ms)} / ${fmt(end.eventLoopDelay.max_ms)}`, ''],
					['delivery p50 / p99 / max (ms)', `${fmt(delivery.p50)} / ${fmt(delivery.p99)} / ${fmt(delivery.max)}`, `p99 ≤ ${TARGETS.delivery_p99_ms}`],
					['delivery p99, last / first minute', fmt(result.ratios.delivery_p99_last_over_first_minute, 2), ''],
					['events missed (of expected)', `${missed} (of ${expected})`, '0'],
					['reconnects, stale after reconnect', `${reconnects.length}, ${result.reconnects.stale_after_reconnect}`, '0 stale'],
					['check-ins recorded', `${result.check_ins.answered} / ${people.length}, p99 ${fmt(result.check_ins.ms.p99)} ms`, 'all'],
					['load (1 min, mean / max)', `${fmt(result.environment.load.load_1m_mean, 2)} / ${fmt(result.environment.load.load_1m_max, 2)}`, '']
				]
			)
		);
		log(`wrote ${path.relative(ROOT, out)}`);
	} finally {
		await server.stop();
	}
}

await main();
