import { describe, expect, it } from 'vitest';
import { failureMessage, FileError, fetchFile, RETRY_DELAYS_MS } from '../../../src/lib/offline/fetch-file';

/** A Cache that keeps what is put, by URL. */
class MemoryCache {
	readonly entries = new Map<string, Response>();
	async put(url: RequestInfo | URL, res: Response): Promise<void> {
		this.entries.set(String(url), res);
	}
}

const FILE = { url: '/media/v/a.webm?v=1', bytes: 6 };
const ok = () => new Response(new Uint8Array([1, 2, 3, 4, 5, 6]), { status: 200, headers: { 'content-type': 'video/webm' } });

function setup(answers: (() => Response | Promise<Response>)[]) {
	const cache = new MemoryCache();
	const waits: number[] = [];
	let calls = 0;
	const deps = {
		cache: cache as unknown as Cache,
		fetch: (async () => {
			const next = answers[Math.min(calls++, answers.length - 1)];
			if (!next) throw new Error('no answer');
			return next();
		}) as typeof fetch,
		wait: async (ms: number) => {
			waits.push(ms);
		}
	};
	return { cache, deps, waits, calls: () => calls };
}

describe('fetchFile', () => {
	it('keeps the whole file, as a 200, and counts its bytes', async () => {
		const { cache, deps } = setup([ok]);
		let bytes = 0;
		await fetchFile(FILE, deps, new AbortController().signal, (d) => (bytes += d));
		expect(bytes).toBe(6);
		const kept = cache.entries.get(FILE.url);
		expect(kept?.status).toBe(200);
		expect(kept?.headers.get('content-type')).toBe('video/webm');
		expect(kept?.headers.get('content-length')).toBe('6');
		expect([...new Uint8Array(await (kept as Response).arrayBuffer())]).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('tries again after a network failure and a server error, then succeeds', async () => {
		const { cache, deps, waits } = setup([
			() => Promise.reject(new TypeError('Failed to fetch')),
			() => new Response('busy', { status: 503 }),
			ok
		]);
		await fetchFile(FILE, deps, new AbortController().signal, () => undefined);
		expect(waits).toEqual(RETRY_DELAYS_MS);
		expect(cache.entries.has(FILE.url)).toBe(true);
	});

	it('gives up after three tries and says why, keeping nothing and taking back the counted bytes', async () => {
		const short = () => new Response(new Uint8Array([1, 2, 3]), { status: 200 });
		const { cache, deps, calls } = setup([short]);
		let bytes = 0;
		const err = await fetchFile(FILE, deps, new AbortController().signal, (d) => (bytes += d)).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(FileError);
		expect((err as FileError).failure).toBe('size');
		expect(calls()).toBe(3);
		expect(bytes).toBe(0);
		expect(cache.entries.size).toBe(0);
		expect(failureMessage(err)).toMatch(/arrived incomplete/);
	});

	it('never keeps a 206 slice as if it were the file', async () => {
		const { cache, deps } = setup([() => new Response(new Uint8Array([1, 2]), { status: 206 })]);
		const err = await fetchFile(FILE, deps, new AbortController().signal, () => undefined).catch((e: unknown) => e);
		expect((err as FileError).failure).toBe('server');
		expect(cache.entries.size).toBe(0);
	});

	it('stops at once when cancelled', async () => {
		const controller = new AbortController();
		const { deps, calls } = setup([
			() => {
				controller.abort();
				return Promise.reject(new DOMException('Aborted', 'AbortError'));
			}
		]);
		await expect(fetchFile(FILE, deps, controller.signal, () => undefined)).rejects.toThrow();
		expect(calls()).toBe(1);
	});

	it('does not retry when the device is full, and says so', async () => {
		const { deps, calls } = setup([ok]);
		const full = { put: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')) } as unknown as Cache;
		const err = await fetchFile(FILE, { ...deps, cache: full }, new AbortController().signal, () => undefined).catch((e: unknown) => e);
		expect(calls()).toBe(1);
		expect(failureMessage(err)).toMatch(/not enough space/);
	});
});
