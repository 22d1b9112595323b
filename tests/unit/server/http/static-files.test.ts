import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE } from '$lib/server/http/cache-policy';
import { staticFiles } from '$lib/server/http/static-files';

/**
 * The static handler on a real HTTP server over a real folder; what it does not serve
 * falls through to a stand-in app that answers 299, so a test can tell the two apart.
 */
let root: string;
let server: Server;
let base: string;
const warnings: string[] = [];
const clip = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));
const script = 'export const greeting = "hello";\n'.repeat(100);

interface Answer {
	readonly status: number;
	readonly headers: Record<string, string | string[] | undefined>;
	readonly body: Buffer;
}

function get(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = request(`${base}${pathname}`, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

function write(relative: string, content: string | Buffer): void {
	mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
	writeFileSync(path.join(root, relative), content);
}

beforeAll(async () => {
	root = mkdtempSync(path.join(tmpdir(), 'limber-static-'));
	const handler = staticFiles({ root, warn: (line) => warnings.push(line) });
	server = createServer((req, res) => handler(req, res, () => res.writeHead(299).end('app')));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
	rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
	rmSync(root, { recursive: true, force: true });
	mkdirSync(root);
	write('media/video/clip.webm', clip);
	write('_app/immutable/chunks/app.abc123.js', script);
	write('_app/immutable/chunks/app.abc123.js.br', brotliCompressSync(script));
	write('_app/immutable/chunks/app.abc123.js.gz', gzipSync(script));
	write('favicon.svg', '<svg/>');
	warnings.length = 0;
});

describe('serving', () => {
	it('serves a file with its type, length, ETag and the cache policy', async () => {
		const answer = await get('/media/video/clip.webm');
		expect(answer.status).toBe(200);
		expect(answer.body.equals(clip)).toBe(true);
		expect(answer.headers['content-type']).toBe('video/webm');
		expect(answer.headers['content-length']).toBe(String(clip.length));
		expect(answer.headers['etag']).toMatch(/^W\/".+"$/);
		expect(answer.headers['cache-control']).toBe(REVALIDATE);
		expect((await get('/media/video/clip.webm?v=9f8e')).headers['cache-control']).toBe(IMMUTABLE);
		expect((await get('/_app/immutable/chunks/app.abc123.js')).headers['cache-control']).toBe(IMMUTABLE);
	});

	it('answers a conditional request with 304', async () => {
		const { headers } = await get('/media/video/clip.webm');
		const again = await get('/media/video/clip.webm', { 'if-none-match': String(headers['etag']) });
		expect(again.status).toBe(304);
		expect(again.body.length).toBe(0);
	});

	it('answers Range requests with the bytes asked for', async () => {
		const slice = await get('/media/video/clip.webm', { range: 'bytes=100-199' });
		expect(slice.status).toBe(206);
		expect(slice.headers['content-range']).toBe(`bytes 100-199/${clip.length}`);
		expect(slice.body.equals(clip.subarray(100, 200))).toBe(true);
		const suffix = await get('/media/video/clip.webm', { range: 'bytes=-10' });
		expect(suffix.body.equals(clip.subarray(clip.length - 10))).toBe(true);
	});

	it.each(['bytes=20000-', 'bytes=5-2'])('answers an unsatisfiable range %s with 416', async (range) => {
		const answer = await get('/media/video/clip.webm', { range });
		expect(answer.status).toBe(416);
		expect(answer.headers['content-range']).toBe(`bytes */${clip.length}`);
	});

	it('joins adjacent ranges into one', async () => {
		const answer = await get('/media/video/clip.webm', { range: 'bytes=0-1,2-3,4-5' });
		expect(answer.status).toBe(206);
		expect(answer.body.equals(clip.subarray(0, 6))).toBe(true);
	});

	it.each(['items=0-5', 'bytes=abc', 'bytes=', 'bytes=0-1,100-200'])('serves the whole file for a range it does not take (%s)', async (range) => {
		const answer = await get('/media/video/clip.webm', { range });
		expect(answer.status).toBe(200);
		expect(answer.body.equals(clip)).toBe(true);
	});

	it('sends the brotli copy to a browser that takes it, gzip to one that takes only that, the file to others', async () => {
		const br = await get('/_app/immutable/chunks/app.abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers['content-type']).toMatch(/^text\/javascript/);
		expect(br.headers['vary']).toBe('Accept-Encoding');
		const gz = await get('/_app/immutable/chunks/app.abc123.js', { 'accept-encoding': 'gzip' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		const plain = await get('/_app/immutable/chunks/app.abc123.js', { 'accept-encoding': 'br;q=0' });
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString()).toBe(script);
	});

	it('answers HEAD with the headers alone', async () => {
		const answer = await get('/media/video/clip.webm', {}, 'HEAD');
		expect(answer.status).toBe(200);
		expect(answer.headers['content-length']).toBe(String(clip.length));
		expect(answer.body.length).toBe(0);
	});

	it('leaves other methods, folders, missing files and odd paths to the app', async () => {
		expect((await get('/media/video/clip.webm', {}, 'POST')).status).toBe(299);
		for (const pathname of ['/media', '/media/', '/media/video/missing.webm', '/%E0%A4%A', '/media/%00clip', '/.env', '/media/.hidden']) {
			expect((await get(pathname)).status, pathname).toBe(299);
		}
	});

	it('never serves a file above its folder, however the path is spelled', async () => {
		for (const pathname of ['/../package.json', '/media/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/media/..\\..\\x']) {
			const answer = await get(pathname);
			expect(answer.body.toString(), pathname).not.toContain('root:');
			expect(answer.status, pathname).not.toBe(200);
		}
	});
});

describe('files changing under the server', () => {
	it('answers 404-by-the-app for a file removed after it was served, and the new bytes for a replaced one', async () => {
		expect((await get('/favicon.svg')).status).toBe(200);
		rmSync(path.join(root, 'favicon.svg'));
		expect((await get('/favicon.svg')).status).toBe(299);
		write('favicon.svg', '<svg id="new"/>');
		const replaced = await get('/favicon.svg');
		expect(replaced.body.toString()).toBe('<svg id="new"/>');
		expect(replaced.headers['content-length']).toBe(String('<svg id="new"/>'.length));
	});

	it('gives a replaced file a new ETag, so a revalidating browser gets it', async () => {
		const first = await get('/media/video/clip.webm');
		write('media/video/clip.webm', Buffer.concat([clip, clip]));
		const again = await get('/media/video/clip.webm', { 'if-none-match': String(first.headers['etag']) });
		expect(again.status).toBe(200);
		expect(again.body.length).toBe(clip.length * 2);
	});

	it('passes a folder where a file was to the app', async () => {
		rmSync(path.join(root, 'favicon.svg'));
		mkdirSync(path.join(root, 'favicon.svg'));
		expect((await get('/favicon.svg')).status).toBe(299);
	});

	it('falls back to the plain file when its compressed copy is gone', async () => {
		rmSync(path.join(root, '_app/immutable/chunks/app.abc123.js.br'));
		const answer = await get('/_app/immutable/chunks/app.abc123.js', { 'accept-encoding': 'br' });
		expect(answer.status).toBe(200);
		expect(answer.body.toString()).toBe(script);
	});

	it('survives a client that goes away mid-download', async () => {
		write('media/video/big.webm', Buffer.alloc(20 * 1024 * 1024, 7));
		await new Promise<void>((resolve) => {
			const req = request(`${base}/media/video/big.webm`, (res) => {
				res.once('data', () => {
					req.destroy();
					resolve();
				});
			});
			req.on('error', () => undefined);
			req.end();
		});
		expect((await get('/favicon.svg')).status).toBe(200);
	});

	it('answers a file removed while many requests for it are in flight without an error', async () => {
		const answers = Array.from({ length: 40 }, () => get('/media/video/clip.webm').catch(() => null));
		rmSync(path.join(root, 'media/video/clip.webm'));
		const statuses = (await Promise.all(answers)).map((a) => a?.status ?? 'cut');
		for (const status of statuses) expect([200, 299, 404, 'cut']).toContain(status);
		expect((await get('/favicon.svg')).status).toBe(200);
	});
});
