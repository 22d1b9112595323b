/**
 * Requests as an attacker or a broken client sends them: http.request for anything it will
 * put on the wire as given (paths with `..`, odd methods and headers), a bare socket for
 * the rest (bytes that are not valid HTTP, bodies cut off, invalid header bytes).
 */
import { request } from 'node:http';
import { connect } from 'node:net';

export interface Reply {
	/** 0: the server closed the connection without an answer. */
	readonly status: number;
	readonly headers: Record<string, string | string[] | undefined>;
	readonly body: string;
}

export interface HttpCase {
	readonly method?: string;
	readonly path: string;
	readonly headers?: Record<string, string | string[]>;
	readonly body?: string | Buffer;
	/** Send the body in chunks without Content-Length. */
	readonly chunked?: boolean;
}

export function send(base: string, c: HttpCase, timeoutMs = 15_000): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const headers: Record<string, string | string[]> = { ...c.headers };
		if (c.body !== undefined && !c.chunked) headers['content-length'] = String(Buffer.byteLength(c.body));
		const req = request(`${base}${c.path.startsWith('/') ? '' : '/'}`, { method: c.method ?? 'GET', path: c.path, headers, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			// An event stream does not end: its first event is the answer.
			if (String(res.headers['content-type']).startsWith('text/event-stream')) {
				res.once('data', (d: Buffer) => {
					resolve({ status: res.statusCode ?? 0, headers: res.headers, body: d.toString() });
					req.destroy();
				});
			}
			res.on('data', (d: Buffer) => chunks.push(d));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
			res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
		});
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer to ${c.method ?? 'GET'} ${c.path.slice(0, 80)} within ${timeoutMs} ms`)));
		req.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve({ status: 0, headers: {}, body: '' });
			else reject(error);
		});
		if (c.body !== undefined && c.chunked) {
			const body = Buffer.from(c.body);
			for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
		} else if (c.body !== undefined) req.write(c.body);
		req.end();
	});
}

/**
 * Writes `bytes` to a fresh connection, optionally closes its sending side, and reads
 * until the server closes or `waitMs` passes. The status is the first response's.
 */
export function sendRaw(port: number, bytes: string | Buffer, options: { readonly endAfterWrite?: boolean; readonly waitMs?: number } = {}): Promise<Reply> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		const chunks: Buffer[] = [];
		let done = false;
		const finish = () => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			socket.destroy();
			const text = Buffer.concat(chunks).toString('latin1');
			const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
			const [head = '', ...rest] = text.split('\r\n\r\n');
			const headers = Object.fromEntries(
				head
					.split('\r\n')
					.slice(1)
					.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()])
			);
			resolve({ status: status ? Number(status[1]) : 0, headers, body: rest.join('\r\n\r\n') });
		};
		const timer = setTimeout(finish, options.waitMs ?? 5000);
		socket.on('data', (d: Buffer) => chunks.push(d));
		socket.on('close', finish);
		socket.on('error', finish);
		socket.write(bytes, () => {
			if (options.endAfterWrite) socket.end();
		});
	});
}
