import { request } from 'node:http';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { command, join, signUpWithClass, startLive } from '../../bench/class/http';
import { BuiltServer } from './server/built-server';
import { programmeDraft } from './server/programme-draft';
import * as w from './server/write-burst';

/**
 * Stopping, killing and restarting a real built server with a real SQLite file: nothing
 * that was answered with success is lost, and a class comes back on its own.
 */

test.describe.configure({ mode: 'default' });

const { PASSWORD, cookiesOf } = w;

async function integrity(dataDir: string): Promise<string> {
	const client = createClient({ url: `file:${path.join(dataDir, 'limber.db')}` });
	try {
		const result = await client.execute('PRAGMA integrity_check');
		return String(result.rows[0]?.[0]);
	} finally {
		client.close();
	}
}

/** Does this participant's cookie still open their lesson page (not a redirect to /join)? */
async function stillJoined(base: string, code: string, cookie: string): Promise<boolean> {
	const res = await fetch(`${base}/live/${code}`, { headers: { cookie }, redirect: 'manual' });
	return res.status === 200;
}

/** An SSE stream read to its end (the server closing it), with its first event awaited. */
function openStream(url: string, cookie = ''): Promise<{ readonly ended: Promise<string> }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { agent: false, headers: cookie ? { cookie } : {} }, (res) => {
			let text = '';
			const ended = new Promise<string>((done) => {
				res.on('end', () => done(text));
				res.on('close', () => done(text));
			});
			res.on('data', (d: Buffer) => (text += d.toString()));
			res.once('data', () => resolve({ ended }));
		});
		req.on('error', reject);
		req.end();
	});
}

test('SIGTERM: stop accepting, send every stream a jittered retry, finish the joins in flight, exit within 10 s', async () => {
	test.setTimeout(180_000);
	const server = await BuiltServer.start();
	try {
		const base = server.url;
		const instructor = await signUpWithClass(base);
		const code = await startLive(base, instructor, 1);
		await command(base, code, instructor.cookie, { type: 'start' });
		const streams = await Promise.all(Array.from({ length: 120 }, () => openStream(`${base}/api/live/${code}/events`)));
		const joins = Array.from({ length: 30 }, (_, i) =>
			fetch(`${base}/api/live/${code}/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `Person ${i}` }) })
				.then(async (res) => ({ ok: res.ok, cookie: cookiesOf(res) }))
				.catch(() => ({ ok: false, cookie: '' }))
		);
		// Let the joins reach the server, then stop it under them.
		await new Promise((r) => setTimeout(r, 30));
		const exit = server.signal('SIGTERM');
		await new Promise((r) => setTimeout(r, 300));
		await expect(fetch(`${base}/api/health`)).rejects.toThrow();
		const ended = await exit;
		expect(ended.code).toBe(0);
		expect(ended.afterMs).toBeLessThan(10_000);
		expect(server.log).toMatch(/stopped in \d+ ms/);

		// Every stream was told to come back, after 1 to 4 s, spread out rather than all at once.
		const texts = await Promise.all(streams.map((s) => s.ended));
		const lastRetry = texts.map((t) => Number([...t.matchAll(/^retry: (\d+)$/gm)].at(-1)?.[1]));
		for (const ms of lastRetry) {
			expect(ms).toBeGreaterThanOrEqual(1000);
			expect(ms).toBeLessThan(4000);
		}
		expect(new Set(lastRetry).size).toBeGreaterThan(60);

		const answered = (await Promise.all(joins)).filter((j) => j.ok);
		expect(answered.length).toBeGreaterThan(0);
		await server.restart();
		expect(await integrity(server.dataDir)).toBe('ok');
		for (const j of answered) expect(await stillJoined(server.url, code, j.cookie)).toBe(true);
	} finally {
		await server.dispose();
	}
});

test('SIGKILL in the middle of 300 joins, check-ins and sign-ups: the file is intact and holds every write answered', async () => {
	test.setTimeout(300_000);
	const server = await BuiltServer.start();
	try {
		const base = server.url;
		const instructor = await signUpWithClass(base);
		// A lesson that has ended, with people yet to answer its check-in.
		const endedCode = await startLive(base, instructor, 1);
		const waiting: string[] = [];
		for (let i = 0; i < 40; i += 1) waiting.push(await join(base, endedCode, `Early ${i}`));
		await command(base, endedCode, instructor.cookie, { type: 'end' });
		const code = await startLive(base, instructor, 2);

		const answered = { joins: [] as string[], checkIns: [] as string[], signUps: [] as string[] };
		let killed = false;
		const kill = () => {
			if (killed) return;
			killed = true;
			void server.signal('SIGKILL');
		};
		let joinAnswers = 0;
		const joinBurst = () =>
			Array.from({ length: 300 }, (_, i) =>
				fetch(`${base}/api/live/${code}/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `Burst ${i}` }) })
					.then((res) => {
						if (res.ok) answered.joins.push(cookiesOf(res));
						// Killed with most of the 300 joins still on their way.
						if (++joinAnswers >= 100) kill();
					})
					.catch(() => undefined)
			);
		let joins: Promise<void>[] = [];
		// Sign-ups (slow on purpose: scrypt) and check-ins go first; the joins start once a
		// sign-up has been answered, so the kill lands with every kind of write in flight.
		const signUps = Array.from({ length: 12 }, (_, i) => {
			const email = `burst-${i}-${Date.now()}@example.org`;
			return fetch(`${base}/teach/signup`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ email, password: PASSWORD }).toString()
			})
				.then((res) => {
					if (res.status === 303) answered.signUps.push(email);
					if (joins.length === 0 && !killed) joins = joinBurst();
				})
				.catch(() => undefined);
		});
		const checkIns = waiting.map((cookie) =>
			fetch(`${base}/api/live/${endedCode}/checkin`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ pain: 3, effort: 'about-right' }) })
				.then((res) => {
					if (res.ok) answered.checkIns.push(cookie);
				})
				.catch(() => undefined)
		);
		// If the machine is so fast that all were answered, kill at the end: the check still holds.
		const fallback = setTimeout(kill, 60_000);
		await Promise.all([...signUps, ...checkIns]);
		await Promise.all(joins);
		clearTimeout(fallback);
		kill();
		const burst = { length: 12 + waiting.length + joins.length };
		const exit = await server.signal('SIGKILL');
		expect(exit.signal).toBe('SIGKILL');

		expect(await integrity(server.dataDir)).toBe('ok');
		await server.restart();
		// Each kind had writes answered before the kill (and others cut off by it).
		expect(answered.joins.length).toBeGreaterThan(0);
		expect(answered.checkIns.length).toBeGreaterThan(0);
		expect(answered.signUps.length).toBeGreaterThan(0);
		for (const cookie of answered.joins) expect(await stillJoined(server.url, code, cookie)).toBe(true);
		// Each join also wrote the person's attendance, in the same transaction.
		const [attended] = await w.rows(
			server.dataDir,
			'select count(*) as n from attendance a join live_lessons l on l.class_id = a.class_id and l.lesson_number = a.lesson_number where l.code = ?',
			[code]
		);
		expect(Number(attended?.n)).toBeGreaterThanOrEqual(answered.joins.length);
		for (const cookie of answered.checkIns) {
			const again = await fetch(`${server.url}/api/live/${endedCode}/checkin`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie },
				body: JSON.stringify({ pain: 3, effort: 'about-right' })
			});
			expect(again.status, 'a check-in answered before the kill is still recorded').toBe(409);
		}
		for (const email of answered.signUps) {
			const signIn = await fetch(`${server.url}/teach/signin`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ email, password: PASSWORD }).toString()
			});
			expect(signIn.status, `${email} signs in after the restart`).toBe(303);
		}
		test.info().annotations.push({
			type: 'answered before the kill',
			description: `${answered.joins.length} joins, ${answered.checkIns.length} check-ins, ${answered.signUps.length} sign-ups of ${burst.length} writes`
		});
	} finally {
		await server.dispose();
	}
});

test('SIGKILL in the middle of a burst of every other kind of write: classes, lessons, commands, sessions, invites, accounts, programmes, rate limits', async () => {
	test.setTimeout(180_000);
	// Closed sign-up, as installs run: later accounts need an invite, spent in the sign-up's transaction.
	const server = await BuiltServer.start({ env: { LIMBER_OPEN_SIGNUP: '' } });
	try {
		const base = server.url;
		const stamp = Date.now();
		const adminEmail = `admin-${stamp}@example.org`;
		const admin = await w.signUp(base, adminEmail);
		if (!admin) throw new Error('the first account was not made');
		// Every write a request makes (schema.sqlite.ts and the routes that write); joins,
		// attendance, check-ins and open sign-ups are the test above's.
		const KINDS = [
			'class',
			'live lesson',
			'lesson command',
			'sign-in',
			'sign-out',
			'failed sign-in',
			'wrong join code',
			'invite',
			'invite revoked',
			'invited sign-up',
			'account removed',
			'programme',
			'programme version',
			'programme withdrawn'
		] as const;
		type Kind = (typeof KINDS)[number];
		let killedAt = 0;
		const burst = new w.Burst(KINDS, {
			kill: () => {
				killedAt = Date.now();
				void server.signal('SIGKILL');
			},
			perKind: 2,
			atLeast: 80
		});
		const write = <T>(kind: Kind, what: unknown, run: () => Promise<T | null | false>) => burst.write(kind, what, run);
		const burstAt = Date.now();

		// A class, its first lesson live, and the console's pauses and resumes (each a change of state).
		burst.run(5, 100, async (lane, round) => {
			const classId = await write('class', null, () => w.createClass(base, admin, `Class ${lane}.${round}`));
			const code = classId && (await write('live lesson', classId, () => w.startLive(base, admin, classId)));
			// Not a write the check counts, but it can be in flight at the kill too ("terminated").
			const started = code && (await w.command(base, admin, code, 'start', `start-${lane}-${round}-${stamp}`).catch(() => null));
			if (!code || started === null) return;
			for (let i = 0; i < 4; i += 1) {
				const id = `c-${lane}-${round}-${i}-${stamp}`;
				const done = await write('lesson command', id, async () => {
					const seq = await w.command(base, admin, code, i % 2 === 0 ? 'pause' : 'resume', id);
					return seq === null ? null : { id, seq };
				});
				if (!done) return;
			}
		});
		// Two sessions made, the first one ended.
		burst.run(2, 100, async () => {
			const kept = await write('sign-in', null, () => w.signIn(base, adminEmail));
			const ended = kept && (await write('sign-in', null, () => w.signIn(base, adminEmail)));
			if (ended) await write('sign-out', ended, async () => (await w.signOut(base, ended)) && ended);
		});
		// Counted failures, kept under the limits (5 per email, 30 sign-ins and 20 join codes per address) so nothing is refused.
		burst.run(1, 16, async (_, round) => {
			const email = `nobody-${round % 8}-${stamp}@example.org`;
			await write('failed sign-in', email, async () => (await w.failSignIn(base, email)) && email);
			if (round < 15) await write('wrong join code', null, () => w.wrongCode(base));
		});
		// Two invites: one revoked, one spent on a new account, which is then removed.
		burst.run(2, 100, async (lane, round) => {
			const spent = await write('invite', null, () => w.createInvite(base, admin));
			const revoked = spent && (await write('invite', null, () => w.createInvite(base, admin)));
			if (!revoked || !(await write('invite revoked', revoked, async () => (await w.revokeInvite(base, admin, revoked)) && revoked))) return;
			const email = `invited-${lane}-${round}-${stamp}@example.org`;
			const made = await write('invited sign-up', spent, async () => (await w.signUp(base, email, spent)) && { email, token: spent });
			if (!made) return;
			const [account] = await w.rows(server.dataDir, 'select id from instructors where email = ?', [email]);
			const id = String(account?.id);
			await write('account removed', email, async () => (await w.removeAccount(base, admin, id)) && id);
		});
		// A programme, two more versions, then withdrawn.
		burst.run(3, 100, async (lane, round) => {
			const id = await write('programme', null, () => w.createProgramme(base, admin, programmeDraft(`Programme ${lane}.${round}`)));
			for (let v = 2; id && v <= 3; v += 1) {
				const saved = await write('programme version', id, async () => {
					const version = await w.saveVersion(base, admin, id, programmeDraft(`Programme ${lane}.${round}, version ${v}`));
					return version === null ? null : { id, version };
				});
				if (!saved) return;
			}
			if (id) await write('programme withdrawn', id, async () => (await w.withdrawProgramme(base, admin, id)) && id);
		});

		// If the writes stop being answered, kill anyway: what was answered must still be there.
		const fallback = setTimeout(() => burst.kill(), 60_000);
		await burst.settled();
		clearTimeout(fallback);
		burst.kill();
		const exit = await server.signal('SIGKILL');
		expect(exit.signal).toBe('SIGKILL');
		expect(await integrity(server.dataDir)).toBe('ok');
		await server.restart();

		const answered = <T>(kind: Kind): T[] => {
			const list = (burst.answered.get(kind) ?? []) as T[];
			expect(list.length, `${kind} writes answered before the kill`).toBeGreaterThan(0);
			return list;
		};
		const attempted = (kind: Kind) => new Set(burst.attempted.get(kind));
		const column = async (sql: string) => new Set((await w.rows(server.dataDir, sql)).map((r) => String(Object.values(r)[0])));

		const classIds = await column('select id from classes');
		for (const id of answered<string>('class')) expect(classIds.has(id), `class ${id}`).toBe(true);
		const lessonCodes = await column('select code from live_lessons');
		for (const code of answered<string>('live lesson')) expect(lessonCodes.has(code), `lesson ${code}`).toBe(true);
		// Each command answered is in its lesson's log at the seq it was answered with.
		const events = new Map((await w.rows(server.dataDir, 'select command_id, seq from lesson_events')).map((r) => [String(r.command_id), Number(r.seq)]));
		for (const c of answered<{ id: string; seq: number }>('lesson command')) expect(events.get(c.id), `command ${c.id}`).toBe(c.seq);
		const signedOut = attempted('sign-out');
		for (const cookie of answered<string>('sign-in')) {
			if (!signedOut.has(cookie)) expect(await w.signedIn(server.url, cookie), 'a session made before the kill').toBe(true);
		}
		for (const cookie of answered<string>('sign-out')) expect(await w.signedIn(server.url, cookie), 'a session ended before the kill').toBe(false);
		// Every failure counted stays counted (per email, and per address): a restart does not reset a limit.
		const failures = new Map((await w.rows(server.dataDir, 'select key, failures from rate_limits')).map((r) => [String(r.key), Number(r.failures)]));
		const failedEmails = answered<string>('failed sign-in');
		for (const email of new Set(failedEmails)) {
			expect(failures.get(`sign-in-email:${w.sha256(email)}`), email).toBeGreaterThanOrEqual(failedEmails.filter((e) => e === email).length);
		}
		const byPrefix = (prefix: string) => [...failures].filter(([k]) => k.startsWith(prefix)).reduce((s, [, n]) => s + n, 0);
		expect(byPrefix('sign-in-address:')).toBeGreaterThanOrEqual(failedEmails.length);
		expect(byPrefix('join-code:')).toBeGreaterThanOrEqual(answered('wrong join code').length);
		const inviteRows = new Map((await w.rows(server.dataDir, 'select id, used_at from invites')).map((r) => [String(r.id), r.used_at]));
		const [revoking, spending] = [attempted('invite revoked'), attempted('invited sign-up')];
		for (const token of answered<string>('invite')) {
			if (!revoking.has(token)) expect(inviteRows.has(w.sha256(token)), 'an invite made before the kill').toBe(true);
			if (!revoking.has(token) && !spending.has(token)) expect(inviteRows.get(w.sha256(token)), 'and still unused').toBeNull();
		}
		for (const token of answered<string>('invite revoked')) expect(inviteRows.has(w.sha256(token)), 'an invite revoked before the kill').toBe(false);
		const accounts = new Map((await w.rows(server.dataDir, 'select email, id from instructors')).map((r) => [String(r.email), String(r.id)]));
		const removing = attempted('account removed');
		for (const s of answered<{ email: string; token: string }>('invited sign-up')) {
			expect(inviteRows.get(w.sha256(s.token)), `${s.email}'s invite is spent`).not.toBeNull();
			if (!removing.has(s.email)) expect(accounts.has(s.email), `${s.email}'s account`).toBe(true);
		}
		const ids = new Set(accounts.values());
		for (const id of answered<string>('account removed')) expect(ids.has(id), `account ${id} removed`).toBe(false);
		const programmes = new Map((await w.rows(server.dataDir, 'select id, version, withdrawn_at from programmes')).map((r) => [String(r.id), r]));
		const versions = await column("select programme_id || '@' || version from programme_versions");
		for (const id of answered<string>('programme')) expect(versions.has(`${id}@1`), `programme ${id}`).toBe(true);
		for (const v of answered<{ id: string; version: number }>('programme version')) {
			expect(versions.has(`${v.id}@${v.version}`), `${v.id} version ${v.version}`).toBe(true);
			expect(Number(programmes.get(v.id)?.version)).toBeGreaterThanOrEqual(v.version);
		}
		for (const id of answered<string>('programme withdrawn')) expect(programmes.get(id)?.withdrawn_at, `${id} withdrawn`).not.toBeNull();
		test.info().annotations.push({ type: 'burst', description: `${burst.summary()}; killed ${killedAt - burstAt} ms into the burst` });
	} finally {
		await server.dispose();
	}
});

type OpenWatch = Window & { __opens?: number[]; __errors?: number[] };

/** Each page notes (epoch ms) every time its EventSource opens: a reconnect is a second open. */
function watchOpens(): void {
	const w = window as OpenWatch;
	w.__opens = [];
	w.__errors = [];
	const Native = window.EventSource;
	window.EventSource = class extends Native {
		constructor(url: string | URL, init?: EventSourceInit) {
			super(url, init);
			this.addEventListener('open', () => w.__opens?.push(performance.timeOrigin + performance.now()));
			this.addEventListener('error', () => w.__errors?.push(performance.timeOrigin + performance.now()));
		}
	};
}

async function contextWith(browser: import('@playwright/test').Browser, base: string, cookie: string): Promise<BrowserContext> {
	const context = await browser.newContext();
	await context.addInitScript(watchOpens);
	const cookies = cookie
		.split('; ')
		.filter(Boolean)
		.map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: base }));
	await context.addCookies(cookies);
	return context;
}

async function where(page: Page, testId: string): Promise<{ positionMs: number; state: string; step: number; atMs: number }> {
	return page.getByTestId(testId).evaluate((el: HTMLElement) => ({
		positionMs: Number(el.dataset.position),
		state: el.dataset.state ?? '',
		step: Number(el.dataset.step ?? -1),
		atMs: performance.timeOrigin + performance.now()
	}));
}

test('a restart mid-lesson: lesson, position and roster come back, and every screen is in sync again within 5 s', async ({ browser }) => {
	test.setTimeout(300_000);
	const server = await BuiltServer.start();
	try {
		const base = server.url;
		const instructor = await signUpWithClass(base);
		const code = await startLive(base, instructor, 1);
		const anaCookie = await join(base, code, 'Ana');
		const benCookie = await join(base, code, 'Ben');
		const consolePage = await (await contextWith(browser, base, instructor.cookie)).newPage();
		await consolePage.goto(`${base}/teach/live/${code}`);
		const projector = await (await contextWith(browser, base, '')).newPage();
		await projector.goto(`${base}/live/${code}/projector`);
		const phones = [
			await (await contextWith(browser, base, anaCookie)).newPage(),
			await (await contextWith(browser, base, benCookie)).newPage()
		];
		for (const phone of phones) await phone.goto(`${base}/live/${code}`);
		await expect(consolePage.getByTestId('roster')).toContainText('Ben');

		await consolePage.getByRole('button', { name: 'Start lesson' }).click();
		await consolePage.getByTestId('plan-step').nth(2).click();
		const stages = [projector, ...phones];
		for (const p of stages) await expect(p.getByTestId('live-stage')).toHaveAttribute('data-step', '2');

		const stoppedAt = Date.now();
		await server.signal('SIGTERM');
		await server.restart();
		const back = Date.now();
		const everyPage = [consolePage, ...stages];
		// Every page opens its stream again by itself.
		for (const p of everyPage) {
			await expect.poll(() => p.evaluate(() => (window as OpenWatch).__opens?.length ?? 0), { timeout: 10_000 }).toBe(2);
		}
		const reopened = await Promise.all(everyPage.map((p) => p.evaluate(() => (window as OpenWatch).__opens?.[1] ?? 0)));
		const reopenedAfterMs = reopened.map((at) => Math.round(at - back));
		// Every screen reconnects on its own and shows the same step, playing, at the same position.
		for (const p of stages) {
			await expect(p.getByTestId('live-stage')).toHaveAttribute('data-step', '2', { timeout: 5000 });
			await expect(p.getByTestId('live-stage')).toHaveAttribute('data-state', 'playing', { timeout: 5000 });
		}
		await expect(consolePage.getByRole('heading', { name: /Joined/ })).toContainText('2 connected of 2', { timeout: 5000 });
		// A reopened stream's first event is the lesson's current state, so reopening is being back in sync.
		const inSyncAfterMs = Math.max(...reopenedAfterMs);
		expect(inSyncAfterMs, `streams reopened ${reopenedAfterMs.join(', ')} ms after the server was back`).toBeLessThan(5000);
		const readings = await Promise.all([where(consolePage, 'console'), ...stages.map((p) => where(p, 'live-stage'))]);
		const projected = readings.map((r) => r.positionMs + (readings[0]!.atMs - r.atMs));
		expect(Math.max(...projected) - Math.min(...projected), JSON.stringify(readings)).toBeLessThan(1000);

		// And the class goes on: a pause from the console reaches every phone.
		await consolePage.getByRole('button', { name: 'Pause' }).click();
		for (const p of stages) await expect(p.getByTestId('live-stage')).toHaveAttribute('data-state', 'paused', { timeout: 5000 });
		test.info().annotations.push({
			type: 'in sync after restart',
			description: `down ${back - stoppedAt} ms; streams reopened ${reopenedAfterMs.join(', ')} ms and in sync ${inSyncAfterMs} ms after /api/health answered`
		});
	} finally {
		await server.dispose();
	}
});
