/**
 * Serves the built client (`_app/`, media, artwork, schemas) from disk, looking each file
 * up when it is asked for: a file removed, replaced, made unreadable or turned into a
 * folder after the server started answers 404 (or the new file), never an error that
 * ends the process. (adapter-node's own static server, sirv, lists the files once at start
 * and pipes a read stream with no error handler, so a file gone since then killed the
 * server and every live class on it.)
 *
 * `send` does the HTTP part: Range (206, 416), ETag and Last-Modified with conditional
 * requests (304, 412), HEAD, and refusing paths that climb out of the root.
 */
import { stat } from 'node:fs/promises';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { contentType } from 'mime-types';
import send from 'send';
import { SECURITY_HEADER_NAMES } from '../security/headers';
import { cacheControlFor } from './cache-policy';
import { acceptedEncodings, type Encoding } from './precompressed';

export type Next = () => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

export interface StaticOptions {
	/** The folder to serve, absolute. */
	readonly root: string;
	/**
	 * The URL path the root answers for, e.g. `/media` for a clinic's media folder (its
	 * `x.webm` is `/media/x.webm`); the whole site when absent.
	 */
	readonly mount?: string;
	/** Told about files that exist but cannot be read, which an operator should fix. */
	readonly warn?: (line: string) => void;
}

interface Target {
	readonly pathname: string;
	readonly search: string;
	/** The file under the root, absolute. */
	readonly file: string;
}

/** Types adapter-node precompresses; only these have `.br`/`.gz` copies beside them. */
const PRECOMPRESSED = /\.(html|js|mjs|json|css|svg|xml|wasm|txt|webmanifest|vtt)$/i;

export function staticFiles(options: StaticOptions): Middleware {
	const root = path.resolve(options.root);
	const mount = options.mount?.replace(/\/+$/, '') ?? '';
	const warn = options.warn ?? ((line: string) => console.warn(line));
	return (req, res, next) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return next();
		const target = resolveTarget(root, req.url ?? '/', mount);
		if (!target) return next();
		void serve(req, res, next, target, warn);
	};
}

/** The file a URL names, or undefined for a path that cannot be a file under the root. */
function resolveTarget(root: string, url: string, mount = ''): Target | undefined {
	const queryAt = url.indexOf('?');
	const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
	const search = queryAt === -1 ? '' : url.slice(queryAt);
	let pathname: string;
	try {
		pathname = decodeURIComponent(rawPath);
	} catch {
		return undefined;
	}
	// NUL and backslashes never name a shipped file; leave such paths to the app's 404.
	if (!pathname.startsWith('/') || pathname.includes('\0') || pathname.includes('\\')) return undefined;
	if (pathname.endsWith('/')) return undefined;
	if (mount && !pathname.startsWith(`${mount}/`)) return undefined;
	// Joined and then checked to stay under the root, so `..` (even percent-encoded) never climbs out.
	const file = path.join(root, pathname.slice(mount.length));
	if (file !== root && !file.startsWith(root + path.sep)) return undefined;
	// Dotfiles are not part of the client build (and must not leak if one appears).
	if (pathname.split('/').some((segment) => segment.startsWith('.'))) return undefined;
	return { pathname, search, file };
}

async function serve(req: IncomingMessage, res: ServerResponse, next: Next, target: Target, warn: (line: string) => void): Promise<void> {
	if (!(await isFile(target.file))) return next();
	const encoding = await precompressedCopy(req, target.file);
	const file = encoding ? target.file + encoding.suffix : target.file;
	const stream = send(req, path.basename(file), {
		root: path.dirname(file),
		etag: true,
		lastModified: true,
		// Set below from the policy; send's own max-age would not know `immutable` per path.
		cacheControl: false,
		dotfiles: 'deny',
		index: false
	});
	stream.on('headers', (response: ServerResponse) => {
		response.setHeader('Cache-Control', cacheControlFor(target.pathname, target.search));
		if (PRECOMPRESSED.test(target.file)) response.setHeader('Vary', 'Accept-Encoding');
		if (encoding) {
			response.setHeader('Content-Encoding', encoding.name);
			// send would name the type after `.br`/`.gz`; the body is still the original file.
			response.setHeader('Content-Type', contentType(path.extname(target.file)) || 'application/octet-stream');
		}
	});
	stream.on('error', (error: Error & { status?: number; code?: string; headers?: Record<string, string> }) => {
		if (res.headersSent) {
			// Failed mid-body (the file shrank or vanished while it was read): the client
			// sees a cut-off response and asks again; nothing else is affected.
			res.destroy();
			return;
		}
		clearHeaders(res);
		const status = error.status ?? 500;
		if (status < 500) {
			// send's own answers: 404 (gone), 403 (a path out of the root), 412, 416 (with its Content-Range).
			res.writeHead(status, { ...error.headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
			// The status's own words: the error's message may name the path on disk.
			res.end(STATUS_CODES[status] ?? 'Not found');
			return;
		}
		// Unreadable (permissions, a folder now, an I/O error): for whoever asked, the file is not there.
		const code = error.code ?? (error.cause as { code?: string } | undefined)?.code;
		warn(`static file ${target.pathname} could not be read (${code ?? error.name}); answered 404`);
		res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
		res.end('Not found');
	});
	stream.pipe(res);
}

async function isFile(file: string): Promise<boolean> {
	try {
		return (await stat(file)).isFile();
	} catch {
		return false;
	}
}

/** The `.br`/`.gz` copy to send instead, if the request accepts it and the build made one. */
async function precompressedCopy(req: IncomingMessage, file: string): Promise<Encoding | undefined> {
	// A Range names bytes of the file as it is; compressed copies would shift them.
	if (req.headers.range || !PRECOMPRESSED.test(file)) return undefined;
	for (const encoding of acceptedEncodings(req.headers['accept-encoding'])) {
		if (await isFile(file + encoding.suffix)) return encoding;
	}
	return undefined;
}

/** Drops what send set for the file; the security headers set for every answer stay. */
function clearHeaders(res: ServerResponse): void {
	for (const name of res.getHeaderNames()) if (!SECURITY_HEADER_NAMES.has(name)) res.removeHeader(name);
}
