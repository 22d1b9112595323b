/**
 * Fetches one media file whole into the media cache, counting bytes as they arrive, and
 * tries again after a short wait when the network or the server fails. A file that arrives
 * shorter or longer than the media list says is not kept.
 */
import type { PlannedFile } from './pick-files';

/** A whole file as the cache keeps it: never a 206 (the cache would keep the slice as the file). */
export function cacheableCopy(body: Blob, contentType: string | null): Response {
	const headers = new Headers({ 'content-length': String(body.size), 'accept-ranges': 'bytes' });
	if (contentType) headers.set('content-type', contentType);
	return new Response(body, { status: 200, headers });
}

export type FileFailure = 'network' | 'server' | 'size' | 'space';

export class FileError extends Error {
	constructor(
		readonly failure: FileFailure,
		readonly url: string,
		detail: string
	) {
		super(`${url}: ${detail}`);
	}
}

/** Waits before the second and third tries. */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 3000];

export interface FetchFileDeps {
	readonly fetch: typeof fetch;
	readonly cache: Cache;
	readonly wait: (ms: number, signal: AbortSignal) => Promise<void>;
}

function isQuotaError(err: unknown): boolean {
	return err instanceof DOMException && err.name === 'QuotaExceededError';
}

async function once(file: PlannedFile, deps: FetchFileDeps, signal: AbortSignal, onBytes: (delta: number) => void): Promise<void> {
	let res: Response;
	try {
		res = await deps.fetch(file.url, { signal, credentials: 'same-origin' });
	} catch (err) {
		if (signal.aborted) throw err;
		throw new FileError('network', file.url, err instanceof Error ? err.message : String(err));
	}
	// Only a whole file (200) may go into the cache: a 206 would be kept as if it were all.
	if (res.status !== 200 || !res.body) throw new FileError('server', file.url, `HTTP ${res.status}`);
	const reader = res.body.getReader();
	const chunks: Uint8Array[] = [];
	let got = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			got += value.byteLength;
			onBytes(value.byteLength);
		}
	} catch (err) {
		onBytes(-got);
		if (signal.aborted) throw err;
		throw new FileError('network', file.url, err instanceof Error ? err.message : String(err));
	}
	if (file.bytes > 0 && got !== file.bytes) {
		onBytes(-got);
		throw new FileError('size', file.url, `${got} bytes, expected ${file.bytes}`);
	}
	try {
		await deps.cache.put(file.url, cacheableCopy(new Blob(chunks as BlobPart[]), res.headers.get('content-type')));
	} catch (err) {
		onBytes(-got);
		if (isQuotaError(err)) throw new FileError('space', file.url, 'no space left');
		throw err;
	}
}

export async function fetchFile(file: PlannedFile, deps: FetchFileDeps, signal: AbortSignal, onBytes: (delta: number) => void): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		try {
			await once(file, deps, signal, onBytes);
			return;
		} catch (err) {
			const delay = RETRY_DELAYS_MS[attempt];
			const retriable = err instanceof FileError && err.failure !== 'space';
			if (signal.aborted || !retriable || delay === undefined) throw err;
			await deps.wait(delay, signal);
		}
	}
}

/** What a person reads when a download fails. */
export function failureMessage(err: unknown): string {
	const failure = err instanceof FileError ? err.failure : 'network';
	switch (failure) {
		case 'space':
			return 'There is not enough space on this device for this download. Remove another download or free some space, then try again.';
		case 'server':
			return 'The server could not send some of the files, even after trying again. Try again later.';
		case 'size':
			return 'Some files arrived incomplete, even after trying again. Try again when the connection is steadier.';
		default:
			return 'The connection was lost, and trying again did not help. Try again when you are online.';
	}
}
