/** A CacheStorage in memory, keyed by absolute URL as the browser's is. */
const BASE = 'http://127.0.0.1:3000';

export class FakeCache {
	readonly entries = new Map<string, Response>();
	#key(req: RequestInfo | URL): string {
		return new URL(typeof req === 'string' || req instanceof URL ? String(req) : req.url, BASE).href;
	}
	async put(req: RequestInfo | URL, res: Response): Promise<void> {
		this.entries.set(this.#key(req), res);
	}
	async match(req: RequestInfo | URL): Promise<Response | undefined> {
		return this.entries.get(this.#key(req))?.clone();
	}
	async delete(req: RequestInfo | URL): Promise<boolean> {
		return this.entries.delete(this.#key(req));
	}
	async keys(): Promise<Request[]> {
		return [...this.entries.keys()].map((u) => new Request(u));
	}
}

export class FakeCacheStorage {
	readonly caches = new Map<string, FakeCache>();
	async open(name: string): Promise<Cache> {
		let c = this.caches.get(name);
		if (!c) this.caches.set(name, (c = new FakeCache()));
		return c as unknown as Cache;
	}
	async keys(): Promise<string[]> {
		return [...this.caches.keys()];
	}
	async delete(name: string): Promise<boolean> {
		return this.caches.delete(name);
	}
	paths(name: string): string[] {
		return [...(this.caches.get(name)?.entries.keys() ?? [])].map((u) => new URL(u).pathname + new URL(u).search).sort();
	}
}

export const ORIGIN = BASE;
