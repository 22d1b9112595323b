import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticFiles } from '$lib/server/http/static-files';

/**
 * A clinic's folder (LIMBER_CONTENT_DIR) with its media under media/ and its routine files
 * beside them: only media/ answers, under /media, and nothing climbs out of it (a routine
 * file, a secret next to the folder). What it does not serve falls through to a stand-in app (299).
 */
let dir: string;
let server: Server;
let base: string;

function get(pathname: string): Promise<{ status: number; body: string }> {
	// fetch() would tidy `..` away before sending; a raw path is what an attacker sends.
	return new Promise((resolve, reject) => {
		const req = request(`${base}${pathname}`, (res) => {
			let body = '';
			res.on('data', (c: Buffer) => (body += c.toString()));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', reject);
		req.end();
	});
}

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'limber-clinic-media-'));
	mkdirSync(path.join(dir, 'media', 'images'), { recursive: true });
	mkdirSync(path.join(dir, 'routines'));
	writeFileSync(path.join(dir, 'media', 'images', 'knee.svg'), '<svg>knee</svg>');
	writeFileSync(path.join(dir, 'routines', 'secret.yaml'), 'id: secret-routine');
	writeFileSync(path.join(path.dirname(dir), `${path.basename(dir)}-media-secret`), 'root:secret');
	const handler = staticFiles({ root: path.join(dir, 'media'), mount: '/media' });
	server = createServer((req, res) => handler(req, res, () => res.writeHead(299).end('app')));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
	rmSync(dir, { recursive: true, force: true });
	rmSync(path.join(path.dirname(dir), `${path.basename(dir)}-media-secret`), { force: true });
});

describe('a folder mounted at /media', () => {
	it('serves its files under the mount only', async () => {
		expect(await get('/media/images/knee.svg')).toEqual({ status: 200, body: '<svg>knee</svg>' });
		expect((await get('/images/knee.svg')).status).toBe(299);
		expect((await get('/mediaimages/knee.svg')).status).toBe(299);
		expect((await get('/media/images/missing.svg')).status).toBe(299);
	});

	it('never serves a file outside media/, however the path is spelled', async () => {
		const secret = `${path.basename(dir)}-media-secret`;
		for (const pathname of [
			'/media/../routines/secret.yaml',
			'/media/..%2froutines%2fsecret.yaml',
			'/media/%2e%2e/routines/secret.yaml',
			`/media/../../${secret}`,
			`/media/..%2f..%2f${secret}`,
			'/media/..\\routines\\secret.yaml',
			'/media/%00images/knee.svg'
		]) {
			const answer = await get(pathname);
			expect(answer.body, pathname).not.toContain('secret');
			expect(answer.status, pathname).not.toBe(200);
		}
	});
});
