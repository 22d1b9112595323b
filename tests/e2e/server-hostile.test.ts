import { request } from 'node:http';
import { expect, test } from '@playwright/test';
import { command, join, signUpWithClass, startLive, type Instructor } from '../../bench/class/http';
import { BuiltServer } from './server/built-server';
import { send, sendRaw, type HttpCase, type Reply } from './server/raw-http';

/**
 * Hostile requests against a real built server of its own (so wrong join codes and stray
 * streams touch no other test): a table of cases for every route and endpoint. None may
 * answer 500 or above, nothing may be logged as an error, and the server answers its
 * health check afterwards. Cases that have one right answer say which.
 */

interface Context {
	readonly base: string;
	readonly port: number;
	readonly instructor: Instructor;
	/** A live lesson with a participant. */
	readonly code: string;
	readonly participant: string;
	/** An ended lesson with a participant who has not checked in. */
	readonly endedCode: string;
	readonly endedParticipant: string;
}

interface Case extends HttpCase {
	readonly name: string;
	/** The one right status; otherwise anything under 500. */
	readonly status?: number | readonly number[];
	/** Text the answer must contain (a plain message for the person). */
	readonly says?: string;
}

const BIG = 600 * 1024; // over adapter-node's default BODY_SIZE_LIMIT (512 KB)
const CUT_MULTIPART = '--XYZ\r\nContent-Disposition: form-data; name="email"\r\n\r\nana@example.org\r\n--XYZ\r\nContent-Disposition: form-data; name="pass';
const INVALID_UTF8 = Buffer.concat([Buffer.from('email=ana'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('@example.org&password=x&name=A'), Buffer.from([0xe2, 0x82])]);
const DAMAGED = 'The form arrived incomplete';
const NOT_FORM = 'This address takes a form';
const TOO_LARGE = 'That is more than this form takes';

/** Every form action, as a browser without JavaScript posts it (same origin, HTML wanted). */
function formActions(c: Context): { readonly path: string; readonly cookie?: string }[] {
	return [
		{ path: '/teach/signup' },
		{ path: '/teach/signin' },
		{ path: '/join' },
		{ path: '/teach?/create', cookie: c.instructor.cookie },
		{ path: `${c.instructor.classPath}?/startLive`, cookie: c.instructor.cookie },
		{ path: '/teach/signout', cookie: 'limber_session=not-a-session' }
	];
}

function bodyCases(c: Context): Case[] {
	const cases: Case[] = [];
	for (const action of formActions(c)) {
		const headers = (type: string | undefined): Record<string, string> => ({
			origin: c.base,
			accept: 'text/html',
			...(type ? { 'content-type': type } : {}),
			...(action.cookie ? { cookie: action.cookie } : {})
		});
		// Sign-out reads no body: any body is fine, but never a crash.
		const reads = !action.path.startsWith('/teach/signout');
		const post = (name: string, type: string | undefined, body: string | Buffer, status?: number | readonly number[], says?: string, chunked = false): Case => ({
			name: `${action.path}: ${name}`,
			method: 'POST',
			path: action.path,
			headers: headers(type),
			body,
			chunked,
			...(reads && status !== undefined ? { status } : {}),
			...(reads && says !== undefined ? { says } : {})
		});
		cases.push(
			post('truncated multipart', 'multipart/form-data; boundary=XYZ', CUT_MULTIPART, 400, DAMAGED),
			post('multipart without a boundary', 'multipart/form-data', 'email=a', 400, DAMAGED),
			post('text/plain', 'text/plain', 'email=a', 400, NOT_FORM),
			// SvelteKit itself refuses a form action without a content type (415).
			post('no content type', undefined, 'email=a', [400, 415]),
			post('JSON to a form action', 'application/json', '{"email":"a"}', 415),
			post('oversized', 'application/x-www-form-urlencoded', `email=${'a'.repeat(BIG)}`, 413, TOO_LARGE),
			post('oversized, chunked', 'application/x-www-form-urlencoded', `email=${'a'.repeat(BIG)}`, 413, TOO_LARGE, true),
			post('invalid UTF-8', 'application/x-www-form-urlencoded', INVALID_UTF8),
			post('invalid percent-encoding', 'application/x-www-form-urlencoded', 'email=%ZZ%&password=%', undefined),
			post('empty', 'application/x-www-form-urlencoded', ''),
			post('ten thousand fields', 'application/x-www-form-urlencoded', Array.from({ length: 10_000 }, (_, i) => `f${i}=${i}`).join('&')),
			post('a file where text was expected', 'multipart/form-data; boundary=XYZ', '--XYZ\r\nContent-Disposition: form-data; name="email"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nana\r\n--XYZ--\r\n'),
			post('repeated fields', 'application/x-www-form-urlencoded', 'email=a&email=b&lesson=1&lesson=2&code=X&code=Y'),
			{
				name: `${action.path}: cross-origin form post`,
				method: 'POST',
				path: action.path,
				headers: { ...headers('application/x-www-form-urlencoded'), origin: 'http://evil.example' },
				body: 'email=a&password=b',
				status: 403
			}
		);
	}
	const json = (name: string, path: string, body: string | Buffer, status: number | readonly number[] | undefined, cookie?: string, type = 'application/json', chunked = false): Case => ({
		name: `${path}: ${name}`,
		method: 'POST',
		path,
		// From the app's own pages, as a browser sends them.
		headers: { 'content-type': type, origin: c.base, ...(cookie ? { cookie } : {}) },
		body,
		chunked,
		...(status === undefined ? {} : { status })
	});
	const endpoints = [
		{ path: `/api/live/${c.code}/join`, cookie: undefined },
		{ path: `/api/live/${c.code}/command`, cookie: c.instructor.cookie },
		{ path: `/api/live/${c.endedCode}/checkin`, cookie: c.endedParticipant }
	];
	for (const { path, cookie } of endpoints) {
		cases.push(
			json('broken JSON', path, '{"name": "Ana"', 400, cookie),
			json('not JSON', path, 'name=Ana', 400, cookie, 'application/x-www-form-urlencoded'),
			json('text/plain', path, '{"name":"Ana"}', 400, cookie, 'text/plain'),
			json('JSON array', path, '[]', 400, cookie),
			json('JSON string', path, '"Ana"', 400, cookie),
			json('JSON null', path, 'null', 400, cookie),
			json('fields of the wrong type', path, '{"name": {"first": "Ana"}, "type": 5, "step": "x", "pain": "3", "effort": []}', 400, cookie),
			json('deeply nested', path, `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 400, cookie),
			// Decoded with replacement characters, like a form: a join goes through, the others lack fields.
			json('invalid UTF-8', path, Buffer.concat([Buffer.from('{"name": "An'), Buffer.from([0xff, 0xc3]), Buffer.from('", "pain": 3}')]), path.endsWith('/join') ? 200 : 400, cookie),
			json('oversized', path, JSON.stringify({ name: 'a'.repeat(BIG) }), 413, cookie),
			json('oversized, chunked', path, JSON.stringify({ name: 'a'.repeat(BIG) }), 413, cookie, 'application/json', true),
			json('empty', path, '', 400, cookie),
			// A byte-order mark is dropped, as the Encoding standard decodes UTF-8.
			json('a byte-order mark first', path, '\uFEFF{"name":"Ana"}', path.endsWith('/join') ? 200 : 400, cookie),
			{
				name: `${path}: cross-origin text/plain (what a cross-site form can send)`,
				method: 'POST',
				path,
				headers: { 'content-type': 'text/plain', origin: 'http://evil.example', ...(cookie ? { cookie } : {}) },
				body: '{"name":"Ana","type":"end"}',
				status: 403
			}
		);
	}
	return cases;
}

function requestCases(c: Context): Case[] {
	const pages = ['/', '/routines/mckenzie-extension', '/routines/mckenzie-extension/handout', '/routines/mckenzie-extension/script', '/play/mckenzie-extension', '/screening', '/history', '/join', `/live/${c.code}`, `/live/${c.code}/projector`, '/teach', `/teach/live/${c.code}`, c.instructor.classPath, '/teach/signin', '/teach/signup'];
	const endpoints = ['/api/health', '/api/time', `/api/live/${c.code}/events`, `/api/live/${c.code}/join`, `/api/live/${c.code}/command`, `/api/live/${c.code}/checkin`, '/routines/mckenzie-extension/captions.vtt'];
	const media = '/media/sounds/class-start.m4a';
	const cases: Case[] = [];
	// Wrong methods on every route.
	for (const path of [...pages, ...endpoints, media, '/favicon.svg']) {
		for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) cases.push({ name: `${method} ${path}`, method, path });
	}
	for (const path of ['/api/health', '/api/time', `/api/live/${c.code}/events`, '/routines/mckenzie-extension/captions.vtt', media, '/']) {
		cases.push({ name: `POST ${path}`, method: 'POST', path, headers: { 'content-type': 'application/json', origin: c.base }, body: '{}' });
	}
	for (const path of [`/api/live/${c.code}/join`, `/api/live/${c.code}/command`, `/api/live/${c.code}/checkin`]) {
		cases.push({ name: `GET ${path}`, path, status: 405 });
	}
	cases.push(
		{ name: 'an action that does not exist', method: 'POST', path: '/teach/signup?/nothing', headers: { origin: c.base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1', status: 404 },
		{ name: 'a form post to a page without actions', method: 'POST', path: '/routines/mckenzie-extension', headers: { origin: c.base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1', status: 405 },
		{ name: 'HEAD of the event stream', method: 'HEAD', path: `/api/live/${c.code}/events`, status: 200 }
	);
	// Path tricks.
	for (const path of [
		'/../../../../etc/passwd',
		'/media/../../../../etc/passwd',
		'/media/..%2f..%2f..%2fpackage.json',
		'/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
		'/_app/immutable/..%2f..%2f..%2fpackage.json',
		'/media/%2e%2e%5c%2e%2e%5cpackage.json',
		'/media/sounds/class-start.m4a%00.txt',
		'/media/sounds/',
		'/media',
		'/media/sounds/class-start.m4a/',
		'/media/sounds/missing.m4a',
		'/_app/immutable/chunks/missing.js',
		'/_app/version.json/..',
		'//etc/passwd',
		'/%ff',
		'/%E0%A4%A',
		'/routines/%ZZ',
		'/routines/%00',
		'/routines/..%2f..%2fpackage.json',
		'/play/%F0%9F%92%A9',
		`/routines/${'a'.repeat(6000)}`,
		`/${'../'.repeat(500)}etc/passwd`,
		'/live/A%00B/projector',
		'/live/%3Cscript%3E',
		`/api/live/${'A'.repeat(2000)}/events`,
		'/api/live/%ff/join',
		"/teach/classes/'%20OR%201=1--",
		'/teach/live/../../etc/passwd',
		'/.env',
		'/.git/config',
		'/build/index.js',
		'/package.json',
		'/data/limber.db',
		'/__data.json?x-sveltekit-invalidated=zz',
		'/routines/mckenzie-extension/__data.json?x-sveltekit-invalidated=2_0_1',
		'/routines/nope/__data.json',
		'/teach/__data.json',
		`/live/${c.code}/__data.json?x-sveltekit-invalidated=%ff`,
		'/routines/mckenzie-extension?level=%ff',
		'/routines/mckenzie-extension/handout?level=1e999',
		'/play/mckenzie-extension?level=-0',
		'/play/mckenzie-extension?level=NaN&track=%00',
		'/routines/mckenzie-extension/captions.vtt?level=0x2',
		'/routines/mckenzie-extension/script?level=99999999999999999999',
		'/join?code=%ff%fe',
		`/join?code=${'A'.repeat(5000)}`,
		'/teach/signin?next=//evil.example',
		'/teach/signin?next=%0d%0aSet-Cookie:x=1',
		'/?' + 'a=1&'.repeat(5000)
	]) {
		cases.push({ name: `path ${path.slice(0, 80)}`, path });
	}
	// Encodings.
	for (const acceptEncoding of ['br;q=abc, *;q=0', 'x,'.repeat(2000), 'identity;q=0', 'gzip;q=0, br;q=0, *;q=0', '*']) {
		cases.push({ name: `Accept-Encoding ${acceptEncoding.slice(0, 30)} on a page`, path: '/', headers: { 'accept-encoding': acceptEncoding } });
		cases.push({ name: `Accept-Encoding ${acceptEncoding.slice(0, 30)} on a file`, path: '/favicon.svg', headers: { 'accept-encoding': acceptEncoding } });
	}
	cases.push(
		{ name: 'Accept garbage', path: '/', headers: { accept: ';;q=foo, */*;q=x' } },
		{ name: 'Accept-Language garbage', path: '/', headers: { 'accept-language': '*;q=2, ;;, x'.repeat(100) } },
		{ name: 'a gzip body that is not gzip', method: 'POST', path: '/teach/signin', headers: { origin: c.base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' }, body: 'email=a&password=b' },
		{ name: 'a charset that is not UTF-8', method: 'POST', path: '/teach/signin', headers: { origin: c.base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded; charset=utf-16' }, body: 'email=a&password=b' },
		{ name: 'X-Forwarded-For garbage', path: '/', headers: { 'x-forwarded-for': 'not-an-ip, , ::::' } },
		{ name: 'Host garbage', path: '/', headers: { host: 'evil.example:99999' } }
	);
	// Bad cookies.
	for (const cookie of ['limber_session=garbage', 'limber_session=%ZZ', `limber_session=${'a'.repeat(8000)}`, 'limber_session=', ';;;=;=', 'limber_session=a; limber_session=b', `limber_participant=${'%'.repeat(100)}`, 'limber_participant="unterminated']) {
		for (const path of ['/teach', `/live/${c.code}`, `/api/live/${c.code}/events`]) {
			cases.push({ name: `cookie ${cookie.slice(0, 40)} on ${path}`, path, headers: { cookie } });
		}
		cases.push({ name: `cookie ${cookie.slice(0, 40)} on a command`, method: 'POST', path: `/api/live/${c.code}/command`, headers: { cookie, 'content-type': 'application/json' }, body: '{"type":"pause"}', status: 403 });
	}
	// Bad ranges.
	for (const range of ['bytes=abc', 'bytes=5-2', 'bytes=-', 'bytes=99999999999999999999-', 'bytes=0-0,5-10,', 'bytes=-0', 'items=0-5', 'bytes=0-1,' + '2-3,'.repeat(500), 'bytes=--1', 'bytes= 1 - 2 ']) {
		cases.push({ name: `Range ${range.slice(0, 30)} on media`, path: media, headers: { range } });
		cases.push({ name: `Range ${range.slice(0, 30)} on a page`, path: '/', headers: { range } });
	}
	cases.push({ name: 'If-Range that does not match', path: media, headers: { range: 'bytes=0-10', 'if-range': '"nope"' }, status: 200 });
	cases.push({ name: 'If-None-Match garbage', path: media, headers: { 'if-none-match': '*, W/"", "' } });
	cases.push({ name: 'If-Modified-Since garbage', path: media, headers: { 'if-modified-since': 'yesterday' }, status: 200 });
	// Bad Last-Event-ID (the stream is read only until its first bytes: see openStreams below).
	return cases;
}

/** Opens SSE streams, waits for each to send its first event, and closes them all at once. */
async function openAndDrop(url: string, count: number, headers: Record<string, string> = {}): Promise<number[]> {
	const statuses: number[] = [];
	const requests = await Promise.all(
		Array.from(
			{ length: count },
			() =>
				new Promise<ReturnType<typeof request>>((resolve, reject) => {
					const req = request(url, { agent: false, headers }, (res) => {
						statuses.push(res.statusCode ?? 0);
						res.once('data', () => resolve(req));
						res.once('end', () => resolve(req));
					});
					req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
					req.end();
				})
		)
	);
	for (const req of requests) req.destroy();
	return statuses;
}

async function hubConnections(base: string): Promise<number> {
	const res = await fetch(`${base}/api/bench/hub`);
	return ((await res.json()) as { connections: number }).connections;
}

// In order, on one server; a failure does not skip the cases after it.
test.describe.configure({ mode: 'default' });

let server: BuiltServer;
let context: Context;

test.beforeAll(async () => {
	test.setTimeout(180_000);
	server = await BuiltServer.start({ env: { LIMBER_BENCH: '1' } });
	const base = server.url;
	const instructor = await signUpWithClass(base);
	const endedCode = await startLive(base, instructor, 1);
	const endedParticipant = await join(base, endedCode, 'Ana');
	await command(base, endedCode, instructor.cookie, { type: 'end' });
	const code = await startLive(base, instructor, 2);
	const participant = await join(base, code, 'Ben');
	context = { base, port: Number(new URL(base).port), instructor, code, participant, endedCode, endedParticipant };
});

test.afterAll(async () => {
	await server?.dispose();
});

function check(c: Case, reply: Reply): void {
	const label = `${c.name} → ${reply.status} ${reply.body.slice(0, 200)}`;
	expect(reply.status, label).toBeGreaterThan(0);
	expect(reply.status, label).toBeLessThan(500);
	if (c.status !== undefined) expect(typeof c.status === 'number' ? [c.status] : c.status, label).toContain(reply.status);
	if (c.says) expect(reply.body, label).toContain(c.says);
}

test('malformed bodies on every form action and endpoint get a 400 or 413 with a plain message', async () => {
	test.setTimeout(180_000);
	for (const c of bodyCases(context)) check(c, await send(context.base, c));
});

test('what a JavaScript page gets for a damaged form: a failure it can show, status 400', async () => {
	const reply = await send(context.base, {
		method: 'POST',
		path: '/teach/signup',
		headers: { origin: context.base, accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'multipart/form-data; boundary=XYZ' },
		body: CUT_MULTIPART
	});
	const answer = JSON.parse(reply.body) as { type: string; status: number; data: string };
	expect(answer.type).toBe('failure');
	expect(answer.status).toBe(400);
	expect(answer.data).toContain(DAMAGED);
});

test('path tricks, encodings, bad cookies, bad ranges and wrong methods on every route get no 5xx', async () => {
	test.setTimeout(240_000);
	const cases = requestCases(context);
	// A few at a time: a real server takes requests in parallel, and the table is long.
	for (let at = 0; at < cases.length; at += 8) {
		const batch = cases.slice(at, at + 8);
		const replies = await Promise.all(batch.map((c) => send(context.base, c)));
		batch.forEach((c, i) => check(c, replies[i]!));
	}
	// Nothing was served from outside the client build.
	for (const path of ['/media/..%2f..%2f..%2fpackage.json', '/package.json', '/.env', '/data/limber.db']) {
		const reply = await send(context.base, { path });
		expect(reply.body, path).not.toContain('"dependencies"');
		expect(reply.status, path).toBe(404);
	}
});

test('requests that are not valid HTTP, or stop half-way, are refused without harm', async () => {
	const { port, code, base } = context;
	const raw: { name: string; bytes: string | Buffer; endAfterWrite?: boolean; status?: number }[] = [
		{ name: 'an unknown method', bytes: 'FOO / HTTP/1.1\r\nHost: x\r\n\r\n', status: 400 },
		{ name: 'not HTTP at all', bytes: '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03', status: 400 },
		{ name: 'a space in the path', bytes: 'GET /a b HTTP/1.1\r\nHost: x\r\n\r\n', status: 400 },
		{ name: 'a path with raw non-ASCII bytes', bytes: Buffer.concat([Buffer.from('GET /routines/'), Buffer.from([0xff, 0xfe]), Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')]) },
		{ name: 'a cookie with raw non-ASCII bytes', bytes: Buffer.concat([Buffer.from('GET /teach HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: limber_session='), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\r\n\r\n')]) },
		{ name: 'a Last-Event-ID with raw non-ASCII bytes', bytes: Buffer.concat([Buffer.from(`GET /api/live/${code}/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\nLast-Event-ID: `), Buffer.from([0xe2, 0x82, 0xff]), Buffer.from('\r\n\r\n')]) },
		{ name: 'headers larger than 16 KB', bytes: `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, status: 431 },
		{ name: 'both Content-Length and chunked', bytes: 'POST /teach/signin HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', status: 400 },
		{ name: 'two Content-Lengths', bytes: 'POST /teach/signin HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello', status: 400 },
		{ name: 'a broken chunk', bytes: 'POST /api/time HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n', status: 400 },
		{ name: 'HTTP/0.9', bytes: 'GET /\r\n\r\n' },
		{ name: 'CONNECT', bytes: `CONNECT 127.0.0.1:${port} HTTP/1.1\r\nHost: x\r\n\r\n` },
		{
			name: 'a multipart sign-up cut off and the connection closed (a phone losing signal)',
			bytes: `POST /teach/signup HTTP/1.1\r\nHost: x\r\nOrigin: ${base}\r\nAccept: text/html\r\nContent-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 5000\r\n\r\n${CUT_MULTIPART}`,
			endAfterWrite: true
		},
		{
			name: 'a join that promises more body than it sends',
			bytes: `POST /api/live/${code}/join HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":`,
			endAfterWrite: true
		}
	];
	for (const r of raw) {
		const reply = await sendRaw(port, r.bytes, { endAfterWrite: r.endAfterWrite, waitMs: 3000 });
		const label = `${r.name} → ${reply.status}`;
		// 0: the server closed the connection without answering, which is fine for garbage.
		expect(reply.status, label).toBeLessThan(500);
		if (r.status !== undefined) expect(reply.status, label).toBe(r.status);
	}
});

test('bad Last-Event-ID values get the current state, and the stream is not compressed', async () => {
	for (const lastEventId of ['abc', '-1', '99999999999999999999', '', '1e3', ' 3 ', '0x10', '1'.repeat(2000)]) {
		const statuses = await openAndDrop(`${context.base}/api/live/${context.code}/events`, 1, { 'last-event-id': lastEventId, cookie: context.participant });
		expect(statuses, `Last-Event-ID ${lastEventId.slice(0, 20)}`).toEqual([200]);
	}
	// Compressed, the events would wait in a compression block instead of reaching the room.
	const reply = await new Promise<{ encoding: string | undefined; first: string }>((resolve, reject) => {
		const req = request(`${context.base}/api/live/${context.code}/events`, { agent: false, headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
			res.once('data', (d: Buffer) => {
				resolve({ encoding: res.headers['content-encoding'], first: d.toString() });
				req.destroy();
			});
		});
		req.on('error', reject);
		req.end();
	});
	expect(reply.encoding).toBeUndefined();
	expect(reply.first).toContain('retry:');
});

test('hundreds of SSE connections opened and dropped at once leave nothing behind', async () => {
	test.setTimeout(120_000);
	const url = `${context.base}/api/live/${context.code}/events`;
	for (const round of [0, 1]) {
		const statuses = await openAndDrop(url, 300, round === 0 ? {} : { cookie: context.participant });
		expect(statuses.filter((s) => s !== 200), `round ${round}`).toEqual([]);
	}
	await expect.poll(() => hubConnections(context.base), { timeout: 10_000 }).toBe(0);
	// The lesson still works for those who stay.
	const state = await command(context.base, context.code, context.instructor.cookie, { type: 'start' });
	expect(state.status).not.toBe('ended');
});

test('afterwards the server is healthy and logged no error', async () => {
	const health = await fetch(`${context.base}/api/health`);
	expect(health.status).toBe(200);
	expect(server.running).toBe(true);
	expect(server.log).not.toMatch(/^error /m);
	expect(server.log).not.toMatch(/Unhandled|uncaught/i);
});

test('an exception in a handler: one log line with the route and an error id, no personal data, a 500 with the id, and the server goes on', async () => {
	const reply = await send(context.base, { path: '/api/bench/throw?email=ana.lopes@example.org', headers: { accept: 'application/json' } });
	expect(reply.status).toBe(500);
	const body = JSON.parse(reply.body) as { message: string; id: string };
	expect(body.id).toMatch(/^[0-9a-f]{10}$/);
	expect(body.message).toContain(body.id);
	expect(body.message).not.toContain('Ana');
	// The log comes through the server's stderr pipe, which may arrive after the answer does.
	const linesWithId = () => server.log.split('\n').filter((line) => line.includes(body.id));
	await expect.poll(linesWithId, { timeout: 5000 }).toHaveLength(1);
	const lines = linesWithId();
	expect(lines[0]).toMatch(new RegExp(`^error ${body.id} GET /api/bench/throw 500: Error at src/routes/api/bench/throw/\\+server\\.ts:\\d+:\\d+$`));
	expect(server.log).not.toContain('Ana Lopes');
	expect(server.log).not.toContain('ana.lopes@example.org');
	expect((await fetch(`${context.base}/api/health`)).status).toBe(200);
	expect(server.running).toBe(true);
});
