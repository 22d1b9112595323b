/**
 * The server's writes as a browser or console makes them over HTTP, each answering what
 * it wrote when the server answered it with success (null otherwise), and a burst that
 * runs many of every kind at once and kills the server once each kind has had some
 * answered: what server-restart.test.ts needs to check that nothing answered is lost.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { createClient, type InValue } from '@libsql/client';

export const PASSWORD = 'restart test password';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** `name=value` of each Set-Cookie. */
export function cookiesOf(res: Response): string {
	return res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

/** A form action as the browser posts it (same Origin, so SvelteKit's CSRF check passes). */
export function postForm(base: string, path: string, fields: Record<string, string>, cookie = ''): Promise<Response> {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie },
		body: new URLSearchParams(fields).toString()
	});
}

/** The redirect's target of a 303, or null for any other answer. */
export function seeOther(res: Response): string | null {
	return res.status === 303 ? res.headers.get('location') : null;
}

/** Rows of a query on the server's SQLite file (read beside the running server: WAL allows it). */
export async function rows(dataDir: string, sql: string, args: InValue[] = []): Promise<Record<string, unknown>[]> {
	const client = createClient({ url: `file:${path.join(dataDir, 'limber.db')}` });
	try {
		return (await client.execute({ sql, args })).rows.map((r) => ({ ...r }));
	} finally {
		client.close();
	}
}

export async function signUp(base: string, email: string, invite = ''): Promise<string | null> {
	const res = await postForm(base, '/teach/signup', { email, password: PASSWORD, ...(invite ? { invite } : {}) });
	return seeOther(res) ? cookiesOf(res) : null;
}

export async function signIn(base: string, email: string, password = PASSWORD): Promise<string | null> {
	const res = await postForm(base, '/teach/signin', { email, password });
	return seeOther(res) ? cookiesOf(res) : null;
}

/** A wrong password: answered 400 once the failure is counted (429 when the limit refused it uncounted). */
export async function failSignIn(base: string, email: string): Promise<boolean> {
	const res = await postForm(base, '/teach/signin', { email, password: 'not the password at all' });
	return res.status === 400;
}

export async function signOut(base: string, cookie: string): Promise<boolean> {
	return seeOther(await postForm(base, '/teach/signout', {}, cookie)) === '/teach/signin';
}

/** Does this cookie open the instructor's page (not a redirect to sign in)? */
export async function signedIn(base: string, cookie: string): Promise<boolean> {
	const res = await fetch(`${base}/teach`, { headers: { cookie }, redirect: 'manual' });
	await res.arrayBuffer();
	return res.status === 200;
}

/** The new class's id. */
export async function createClass(base: string, cookie: string, title: string): Promise<string | null> {
	const to = seeOther(await postForm(base, '/teach?/create', { course: 'back-school', title }, cookie));
	return to?.split('/').at(-1) ?? null;
}

/** Lesson `lesson` of the class, live: its join code. */
export async function startLive(base: string, cookie: string, classId: string, lesson = 1): Promise<string | null> {
	const to = seeOther(await postForm(base, `/teach/classes/${classId}?/startLive`, { lesson: String(lesson) }, cookie));
	return to?.split('/').at(-1) ?? null;
}

/** A console command with its id: the lesson's seq after it, or null. */
export async function command(base: string, cookie: string, code: string, type: 'start' | 'pause' | 'resume', id: string): Promise<number | null> {
	const res = await fetch(`${base}/api/live/${code}/command`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({ type, id })
	});
	if (!res.ok) return null;
	return ((await res.json()) as { seq: number }).seq;
}

/** A join with a code no lesson has: answered 404 once the wrong guess is counted. */
export async function wrongCode(base: string): Promise<boolean> {
	const res = await fetch(`${base}/api/live/NOPE99/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Guess' }) });
	await res.arrayBuffer();
	return res.status === 404;
}

/** A new invite's token (the administrator's accounts page shows its link once). */
export async function createInvite(base: string, cookie: string): Promise<string | null> {
	const res = await postForm(base, '/teach/accounts?/invite', {}, cookie);
	if (res.status !== 200) return null;
	return /\/teach\/signup\?invite=([A-Za-z0-9_-]{20,})/.exec(await res.text())?.[1] ?? null;
}

export async function revokeInvite(base: string, cookie: string, token: string): Promise<boolean> {
	const res = await postForm(base, '/teach/accounts?/revoke', { invite: sha256(token) }, cookie);
	await res.arrayBuffer();
	return res.status === 200;
}

export async function removeAccount(base: string, cookie: string, accountId: string): Promise<boolean> {
	const res = await postForm(base, '/teach/accounts?/remove', { account: accountId }, cookie);
	await res.arrayBuffer();
	return res.status === 200;
}

/** A new programme from the builder's form: its share id. */
export async function createProgramme(base: string, cookie: string, draft: unknown): Promise<string | null> {
	const to = seeOther(await postForm(base, '/teach/programmes/new?/save', { draft: JSON.stringify(draft) }, cookie));
	return to?.split('/').at(-1) ?? null;
}

/** A new version of a programme: its number. */
export async function saveVersion(base: string, cookie: string, id: string, draft: unknown): Promise<number | null> {
	const to = seeOther(await postForm(base, `/teach/programmes/${id}?/save`, { draft: JSON.stringify(draft) }, cookie));
	const saved = to ? new URL(to, base).searchParams.get('saved') : null;
	return saved ? Number(saved) : null;
}

export async function withdrawProgramme(base: string, cookie: string, id: string): Promise<boolean> {
	const res = await postForm(base, `/teach/programmes/${id}?/withdraw`, { withdraw: '1' }, cookie);
	await res.arrayBuffer();
	return res.status === 200;
}

/**
 * Writes of several kinds at once: lanes each repeat a story of writes (make a class, start
 * its lesson, send it commands…) until the kill, so every kind is still under way when it
 * comes. Each answered write is noted under its kind. Once every kind has had `perKind`
 * answered and `atLeast` writes in all, `kill` runs, once.
 */
export class Burst {
	readonly answered = new Map<string, unknown[]>();
	/** Writes sent, answered or not: a later write may undo an earlier one (a sign-out, a removal). */
	readonly attempted = new Map<string, unknown[]>();
	readonly #runs: Promise<void>[] = [];
	readonly #inFlight = new Map<string, number>();
	#count = 0;
	#killed = false;
	#inFlightAtKill = '';
	readonly #kill: () => void;
	readonly #perKind: number;
	readonly #atLeast: number;

	constructor(kinds: readonly string[], options: { readonly kill: () => void; readonly perKind: number; readonly atLeast: number }) {
		for (const k of kinds) {
			this.answered.set(k, []);
			this.attempted.set(k, []);
			this.#inFlight.set(k, 0);
		}
		this.#kill = options.kill;
		this.#perKind = options.perKind;
		this.#atLeast = options.atLeast;
	}

	get killed(): boolean {
		return this.#killed;
	}

	/** `lanes` lanes, each repeating `story` until the kill or `rounds` times. */
	run(lanes: number, rounds: number, story: (lane: number, round: number) => Promise<void>): void {
		for (let l = 0; l < lanes; l += 1) {
			this.#runs.push(
				(async () => {
					for (let r = 0; r < rounds && !this.#killed; r += 1) await story(l, r);
				})()
			);
		}
	}

	/**
	 * One write of `kind`: what it answers (not null or false) is what it wrote, and is noted.
	 * After the kill, or when it failed, null: a story stops at that.
	 */
	async write<T>(kind: string, what: unknown, write: () => Promise<T | null | false>): Promise<T | null> {
		const answered = this.answered.get(kind);
		if (!answered) throw new Error(`${kind} is not one of the burst's kinds`);
		if (this.#killed) return null;
		this.attempted.get(kind)?.push(what);
		this.#inFlight.set(kind, (this.#inFlight.get(kind) ?? 0) + 1);
		const done = await write().catch(() => null);
		this.#inFlight.set(kind, (this.#inFlight.get(kind) ?? 1) - 1);
		if (done === null || done === false) return null;
		// An answer that arrives after the kill was sent was still given: it counts.
		answered.push(done);
		this.#count += 1;
		const enough = [...this.answered.values()].every((a) => a.length >= this.#perKind);
		if (enough && this.#count >= this.#atLeast) this.kill();
		return done;
	}

	kill(): void {
		if (this.#killed) return;
		this.#killed = true;
		this.#inFlightAtKill = [...this.#inFlight].map(([k, n]) => `${k} ${n}`).join(', ');
		this.#kill();
	}

	/** Resolves once every lane has stopped. */
	async settled(): Promise<void> {
		await Promise.all(this.#runs);
	}

	/** What was answered of each kind, and what was on its way at the kill, for the test's notes. */
	summary(): string {
		const answered = [...this.answered].map(([k, v]) => `${k} ${v.length}`).join(', ');
		return `answered: ${answered}; on their way at the kill: ${this.#inFlightAtKill}`;
	}
}
