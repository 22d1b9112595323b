import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BuiltServer, REPO } from './server/built-server';
import { send } from './server/raw-http';

/**
 * Files removed, replaced, turned into folders and made unreadable under a running
 * server, as a redeploy copied over the old build, `npm run media` on a live install or a
 * clinic updating its media folder do. The server runs from a copy of the build, so the
 * shared e2e server is untouched. Every request gets a 404 or the new file, and the
 * process never ends. Under root (CI) the server runs as `nobody`, so that a file without
 * read permission really cannot be read.
 */

const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let workDir: string;
let publicDir: string;
let server: BuiltServer;

const file = (relative: string) => path.join(publicDir, relative);

async function expectAlive(): Promise<void> {
	expect(server.running, server.log.slice(-2000)).toBe(true);
	expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
}

// In order on one server; a failure does not skip the cases after it.
test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	workDir = mkdtempSync(path.join(tmpdir(), 'limber-e2e-files-'));
	cpSync(path.join(REPO, 'build'), path.join(workDir, 'build'), { recursive: true });
	// build/ resolves its runtime packages from the node_modules above it, as in the repository.
	symlinkSync(path.join(REPO, 'node_modules'), path.join(workDir, 'node_modules'));
	publicDir = path.join(workDir, 'build', 'public');
	const dataDir = path.join(workDir, 'data');
	mkdirSync(dataDir);
	if (asRoot) {
		chmodSync(workDir, 0o755);
		chownSync(dataDir, NOBODY, NOBODY);
	}
	server = await BuiltServer.start({ buildDir: path.join(workDir, 'build'), dataDir, ...(asRoot ? { uid: NOBODY } : {}) });
});

test.afterAll(async () => {
	await server?.dispose();
	rmSync(workDir, { recursive: true, force: true });
});

test('a media file removed after start is a 404; the server and its other files carry on', async () => {
	const clip = '/media/sounds/class-start.m4a';
	expect((await send(server.url, { path: clip })).status).toBe(200);
	rmSync(file(clip));
	for (const range of [undefined, 'bytes=0-99']) {
		expect((await send(server.url, { path: clip, headers: range ? { range } : {} })).status).toBe(404);
	}
	expect((await send(server.url, { path: '/favicon.svg' })).status).toBe(200);
	await expectAlive();
});

test('a replaced file is served as it is now: new bytes, new length, new ETag', async () => {
	const target = '/media/images/pacing.svg';
	const before = await send(server.url, { path: target, headers: { 'accept-encoding': 'identity' } });
	expect(before.status).toBe(200);
	const replacement = '<svg xmlns="http://www.w3.org/2000/svg"><title>replaced</title></svg>';
	writeFileSync(file(target), replacement);
	// Its compressed copies are from the old file: a redeploy replaces them too, here they go.
	rmSync(file(`${target}.br`), { force: true });
	rmSync(file(`${target}.gz`), { force: true });
	const after = await send(server.url, { path: target, headers: { 'if-none-match': String(before.headers['etag']), 'accept-encoding': 'br, gzip' } });
	expect(after.status).toBe(200);
	expect(after.body).toBe(replacement);
	expect(after.headers['content-length']).toBe(String(Buffer.byteLength(replacement)));
	expect(after.headers['etag']).not.toBe(before.headers['etag']);
	await expectAlive();
});

test('a folder where a file was, and a file without read permission, are 404s', async () => {
	const folder = '/media/sounds/class-tick.m4a';
	rmSync(file(folder));
	mkdirSync(file(folder));
	expect((await send(server.url, { path: folder })).status).toBe(404);
	const locked = '/media/video/' + readdirSync(file('/media/video')).find((n) => n.endsWith('.webm'));
	chmodSync(file(locked), 0o000);
	expect((await send(server.url, { path: locked })).status).toBe(404);
	expect((await send(server.url, { path: locked, headers: { range: 'bytes=0-1000' } })).status).toBe(404);
	// The operator is told, once per request, which file cannot be read.
	expect(server.log).toContain(`static file ${locked} could not be read (EACCES); answered 404`);
	chmodSync(file(locked), 0o644);
	expect((await send(server.url, { path: locked })).status).toBe(200);
	await expectAlive();
});

test('a file added after start is served', async () => {
	writeFileSync(file('/media/images/new-poster.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
	const reply = await send(server.url, { path: '/media/images/new-poster.svg' });
	expect(reply.status).toBe(200);
	expect(reply.headers['content-type']).toBe('image/svg+xml');
});

test('a file cut short or removed while it is being downloaded, and a client that goes away, harm nothing', async () => {
	// Far larger than what localhost's socket buffers hold, so the server is still reading the
	// file when it shrinks (a track of half a megabyte can be sent whole before the first read).
	const track = '/media/tracks/long-download.webm';
	writeFileSync(file(track), Buffer.alloc(48 * 1024 * 1024, 1));
	// Read the first bytes, then shrink the file under the open download and read on.
	const received = await new Promise<{ bytes: number; declared: number }>((resolve) => {
		let bytes = 0;
		const req = request(`${server.url}${track}`, { agent: false }, (res) => {
			const declared = Number(res.headers['content-length']);
			res.once('data', (d: Buffer) => {
				bytes += d.length;
				res.pause();
				truncateSync(file(track), 1000);
				setTimeout(() => res.resume(), 200);
				res.on('data', (more: Buffer) => (bytes += more.length));
			});
			res.on('end', () => resolve({ bytes, declared }));
			res.on('error', () => resolve({ bytes, declared }));
			res.on('close', () => resolve({ bytes, declared }));
		});
		req.on('error', () => resolve({ bytes, declared: 0 }));
		req.end();
	});
	// Cut short rather than padded: the browser sees an incomplete answer and asks again.
	expect(received.bytes).toBeLessThan(received.declared);
	await expectAlive();

	// Removed mid-download.
	const other = '/media/tracks/' + readdirSync(file('/media/tracks')).find((n) => n.endsWith('.m4a') && statSync(file(`/media/tracks/${n}`)).size > 300_000);
	await new Promise<void>((resolve) => {
		const req = request(`${server.url}${other}`, { agent: false }, (res) => {
			res.once('data', () => {
				rmSync(file(other));
				res.resume();
			});
			res.on('close', () => resolve());
		});
		req.on('error', () => resolve());
		req.end();
	});
	// Clients that go away after the first bytes, many at once.
	const clips = readdirSync(file('/media/video')).filter((n) => n.endsWith('.mp4')).slice(0, 20);
	await Promise.all(
		clips.map(
			(name) =>
				new Promise<void>((resolve) => {
					const req = request(`${server.url}/media/video/${name}`, { agent: false }, (res) => {
						res.once('data', () => {
							req.destroy();
							resolve();
						});
						res.once('end', () => resolve());
					});
					req.on('error', () => resolve());
					req.end();
				})
		)
	);
	await expectAlive();
});

test('a redeploy copied over the build: old asset names are 404s, pages still render, the new assets are served', async () => {
	const appDir = file('/_app');
	const chunk = readdirSync(path.join(appDir, 'immutable', 'chunks')).find((n) => n.endsWith('.js'));
	const oldChunk = `/_app/immutable/chunks/${chunk}`;
	expect((await send(server.url, { path: oldChunk })).status).toBe(200);
	// The new build's files have other hashed names; the old ones are gone.
	renameSync(appDir, `${appDir}-old`);
	mkdirSync(path.join(appDir, 'immutable', 'chunks'), { recursive: true });
	writeFileSync(path.join(appDir, 'immutable', 'chunks', 'new.Zz9.js'), 'export {};\n');
	expect((await send(server.url, { path: oldChunk })).status).toBe(404);
	const fresh = await send(server.url, { path: '/_app/immutable/chunks/new.Zz9.js' });
	expect(fresh.status).toBe(200);
	expect(fresh.headers['cache-control']).toBe('public, max-age=31536000, immutable');
	expect((await send(server.url, { path: '/' })).status).toBe(200);
	expect((await send(server.url, { path: '/routines/mckenzie-extension' })).status).toBe(200);
	// And the whole media folder gone at once (a half-finished copy).
	rmSync(file('/media'), { recursive: true, force: true });
	for (const name of ['/media/sounds/bell.m4a', '/media/video/cat-cow.webm', '/media/tracks/manifest.json']) {
		expect((await send(server.url, { path: name })).status, name).toBe(404);
	}
	await expectAlive();
	expect(server.log).not.toMatch(/Unhandled 'error' event|uncaught exception/);
});
