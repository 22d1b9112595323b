/**
 * The server Limber runs as (`node build`): adapter-node's request handler behind a
 * static file server that survives files changing under it, response compression, and a
 * graceful stop. Bundled by scripts/adapter/limber-node.js into build/limber-server.js;
 * build/index.js imports adapter-node's handler and calls `start()`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { describeError, newErrorId } from '../error-report';
import { setSecurityHeaders } from '../security/headers';
import { compressResponses } from './compress';
import { readServerConfig } from './config';
import { GracefulStop } from './graceful-stop';
import { linkResponse } from './node-response';
import { httpsCheck } from './request-protocol';
import { staticFiles, type Middleware } from './static-files';

export interface StartOptions {
	/** adapter-node's `handler` (build/handler.js): the SvelteKit app. */
	readonly handler: Middleware;
	/** The client build (build/public). */
	readonly staticDir: string;
	readonly env?: Readonly<Record<string, string | undefined>>;
}

/** SSE clients come back RECONNECT_MS plus up to this after a stop, spread over the room. */
export const RETRY_JITTER_MS = 3000;

export function start(options: StartOptions): void {
	// Stack frames then point at src/… (build/ ships its source maps), for the one-line error logs.
	process.setSourceMapsEnabled(true);
	const config = readServerConfig(options.env ?? process.env);
	const serveStatic = staticFiles({ root: options.staticDir });
	// A clinic's own media (LIMBER_CONTENT_DIR/media) under /media, after the shipped files,
	// so a shipped file of the same name is the one served.
	const clinicDir = (options.env ?? process.env).LIMBER_CONTENT_DIR?.trim();
	const serveClinicMedia: Middleware = clinicDir
		? staticFiles({ root: path.join(path.resolve(clinicDir), 'media'), mount: '/media' })
		: (_req, _res, next) => next();
	const compress = compressResponses();
	const app = options.handler;
	const overHttps = httpsCheck(options.env ?? process.env);

	const server = createServer((req, res) => {
		const failed = (error: unknown) => answerCrash(req, res, error);
		// For the live event stream, which writes to the socket itself (classroom/node-event-stream.ts).
		linkResponse(req, res);
		try {
			// First, so that every answer carries them: static files and media, prerendered
			// files and this entry's own 404 and 500 never pass through the app's handle hook
			// (which sets the same, and a page's full CSP over this one).
			setSecurityHeaders(res, overHttps(req.headers));
			serveStatic(req, res, () => serveClinicMedia(req, res, () => compress(req, res, () => runApp(app, req, res, failed))));
		} catch (error) {
			failed(error);
		}
	});
	if (config.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = config.keepAliveTimeoutMs;
	if (config.headersTimeoutMs !== undefined) server.headersTimeout = config.headersTimeoutMs;

	const stop = new GracefulStop(server);
	const stopAndExit = (reason: string, code: number) => {
		// The hard stop: whatever hangs, the process is gone by the deadline.
		setTimeout(() => process.exit(code), config.shutdownTimeoutMs).unref();
		void stop
			.stop(reason, { deadlineMs: config.shutdownTimeoutMs - 250, retryJitterMs: RETRY_JITTER_MS })
			.finally(() => process.exit(code));
	};
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		process.on(signal, () => {
			// A second Ctrl-C means "now".
			if (stop.stopping && signal === 'SIGINT') process.exit(130);
			stopAndExit(signal, 0);
		});
	}
	// A rejection nobody awaited belongs to one request's work; the server goes on.
	process.on('unhandledRejection', (reason) => {
		console.error(`error ${newErrorId()} unhandled rejection: ${describeError(reason)}`);
	});
	// A throw outside any request leaves state no one can vouch for: stop cleanly, and let
	// the service manager (deploy/limber.service) start a fresh process.
	process.on('uncaughtException', (error) => {
		console.error(`error ${newErrorId()} uncaught exception, restarting: ${describeError(error)}`);
		stopAndExit('uncaught exception', 1);
	});

	server.once('error', (error: NodeJS.ErrnoException) => {
		// Before listening, the only errors are the address's: say which, and stop.
		console.error(`Could not listen on ${config.host}:${config.port}: ${error.code ?? error.message}`);
		process.exit(1);
	});
	server.listen(config.port, config.host, () => {
		const address = server.address();
		if (!address || typeof address === 'string') return;
		const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
		console.log(`Listening on http://${host}:${address.port}`);
	});
}

function runApp(app: Middleware, req: IncomingMessage, res: ServerResponse, failed: (error: unknown) => void): void {
	try {
		const result: unknown = app(req, res, () => notFound(res));
		// adapter-node's handler is async: a rejection would otherwise go unanswered.
		if (result instanceof Promise) result.catch(failed);
	} catch (error) {
		failed(error);
	}
}

function notFound(res: ServerResponse): void {
	if (res.headersSent) return;
	res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
}

/**
 * Something failed outside the app's own error handling (which logs and answers 500 with
 * an id itself): log one line, answer 500 with the id if nothing was sent yet.
 */
function answerCrash(req: IncomingMessage, res: ServerResponse, error: unknown): void {
	const id = newErrorId();
	console.error(`error ${id} ${req.method ?? '?'} (server) ${describeError(error)}`);
	if (res.headersSent) {
		res.destroy();
		return;
	}
	res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
	res.end(`Something went wrong on the server (error ${id}). Please try again.`);
}
