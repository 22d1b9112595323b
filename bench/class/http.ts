/** The instructor's and participants' HTTP steps, as a browser would make them. */
import type { JoinResponse, LiveCommand, LiveState } from '../../src/lib/classroom/protocol';

/** `name=value` of each Set-Cookie, for sending back. */
function cookiesOf(res: Response): string {
	return res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

/** A form action as the browser posts it (same Origin, so SvelteKit's CSRF check passes). */
async function postForm(base: string, path: string, fields: Record<string, string>, cookie = ''): Promise<Response> {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie },
		body: new URLSearchParams(fields).toString()
	});
}

function location(res: Response, what: string): string {
	const to = res.headers.get('location');
	if (res.status !== 303 || !to) throw new Error(`${what}: expected a 303 redirect, got ${res.status}`);
	return to;
}

export interface Instructor {
	readonly cookie: string;
	readonly classPath: string;
}

export async function signUpWithClass(base: string): Promise<Instructor> {
	const signUp = await postForm(base, '/teach/signup', { email: `bench-${Date.now()}@example.org`, password: 'bench password 1' });
	location(signUp, 'sign-up');
	const cookie = cookiesOf(signUp);
	const created = await postForm(base, '/teach?/create', { course: 'back-school', title: 'Bench class' }, cookie);
	return { cookie, classPath: location(created, 'create class') };
}

/** Starts lesson `lessonNumber` of the class; answers its join code. */
export async function startLive(base: string, instructor: Instructor, lessonNumber: number): Promise<string> {
	const res = await postForm(base, `${instructor.classPath}?/startLive`, { lesson: String(lessonNumber) }, instructor.cookie);
	const code = location(res, 'start live lesson').split('/').at(-1);
	if (!code) throw new Error('start live lesson: no code in the redirect');
	return code;
}

/** Joins as a participant; answers the participant cookie. */
export async function join(base: string, code: string, name: string): Promise<string> {
	let res: Response;
	// A 503 (the database did not answer in time, on a loaded machine) is tried again, as a person would.
	for (let attempt = 1; ; attempt++) {
		res = await fetch(`${base}/api/live/${code}/join`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name })
		});
		if (res.status !== 503 || attempt === 5) break;
		await res.arrayBuffer();
		await new Promise((r) => setTimeout(r, 500 * attempt));
	}
	if (!res.ok) throw new Error(`join: ${res.status} ${await res.text()}`);
	(await res.json()) as JoinResponse;
	return cookiesOf(res);
}

export async function command(base: string, code: string, cookie: string, body: LiveCommand): Promise<LiveState> {
	const res = await fetch(`${base}/api/live/${code}/command`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify(body)
	});
	if (!res.ok) throw new Error(`command ${body.type}: ${res.status} ${await res.text()}`);
	return (await res.json()) as LiveState;
}

export interface HubStats {
	readonly connections: number;
	readonly rooms: number;
	readonly rss: number;
	readonly heapUsed: number;
	/** The server's event-loop delay since the last reset, in ms. */
	readonly eventLoopDelay: { readonly p50_ms: number; readonly p99_ms: number; readonly max_ms: number };
}

/** `gc: false` reads without a full collection (which would itself stall the loop); `reset` starts a new delay window. */
export async function hubStats(base: string, options: { readonly gc?: boolean; readonly reset?: boolean } = {}): Promise<HubStats> {
	const query = [options.gc === false ? 'nogc' : '', options.reset ? 'reset' : ''].filter(Boolean).join('&');
	const res = await fetch(`${base}/api/bench/hub${query ? `?${query}` : ''}`);
	if (!res.ok) throw new Error(`/api/bench/hub answered ${res.status}: is LIMBER_BENCH=1 set?`);
	return (await res.json()) as HubStats;
}
