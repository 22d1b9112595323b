/**
 * deploy/nginx.conf keeps idle connections to the servers open for reuse. If the servers
 * closed them first, a request nginx sends on one just as the server closes it fails, and
 * nginx does not retry a POST: the person joining or the instructor's command gets a 502.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../../../../src/lib/server/http/config';

const conf = readFileSync(new URL('../../../../deploy/nginx.conf', import.meta.url), 'utf8');

function upstreamBlock(text: string): string {
	const start = text.search(/^upstream\s+limber\s*\{/m);
	expect(start, 'deploy/nginx.conf has an upstream limber block').toBeGreaterThanOrEqual(0);
	const end = text.indexOf('\n}', start);
	return text.slice(start, end);
}

/** nginx time: a number with an optional unit (ms, s, m); seconds when bare. */
function nginxMs(value: string): number {
	const m = /^(\d+)(ms|s|m)?$/.exec(value);
	if (!m) throw new Error(`not an nginx time: ${value}`);
	const n = Number(m[1]);
	return m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
}

describe('the proxy closes idle server connections before the servers do', () => {
	const block = upstreamBlock(conf.replace(/#.*$/gm, ''));

	it('sets an upstream keepalive_timeout, since nginx’s default (60 s) outlives Node’s', () => {
		expect(block).toMatch(/^\s*keepalive\s+\d+;/m);
		expect(block).toMatch(/^\s*keepalive_timeout\s+\S+;/m);
	});

	it('shorter than a server’s own keep-alive when KEEP_ALIVE_TIMEOUT is not set', () => {
		const proxyMs = nginxMs(/^\s*keepalive_timeout\s+(\S+);/m.exec(block)![1]!);
		// What src/lib/server/http/start.ts leaves in place without KEEP_ALIVE_TIMEOUT: Node's own default.
		expect(readServerConfig({}).keepAliveTimeoutMs).toBeUndefined();
		const server = createServer();
		const nodeMs = server.keepAliveTimeout;
		server.close();
		// A margin for the two timers' granularity and a request in flight.
		expect(proxyMs).toBeLessThanOrEqual(nodeMs - 500);
	});
});
