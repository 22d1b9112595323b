import { describe, expect, it } from 'vitest';
import { readServerConfig } from '$lib/server/http/config';

describe('readServerConfig', () => {
	it('defaults to port 3000 on every address, stopping within 10 s', () => {
		expect(readServerConfig({})).toEqual({
			host: '0.0.0.0',
			port: 3000,
			shutdownTimeoutMs: 10_000,
			keepAliveTimeoutMs: undefined,
			headersTimeoutMs: undefined
		});
	});

	it("reads adapter-node's names, timeouts in seconds", () => {
		expect(
			readServerConfig({ HOST: '127.0.0.1', PORT: '4650', SHUTDOWN_TIMEOUT: '8', KEEP_ALIVE_TIMEOUT: '65', HEADERS_TIMEOUT: '66.5' })
		).toEqual({ host: '127.0.0.1', port: 4650, shutdownTimeoutMs: 8000, keepAliveTimeoutMs: 65_000, headersTimeoutMs: 66_500 });
	});

	it.each([
		[{ PORT: 'http' }, /PORT must be a whole number/],
		[{ PORT: '70000' }, /PORT must be a whole number/],
		[{ PORT: '80.5' }, /PORT must be a whole number/],
		[{ SHUTDOWN_TIMEOUT: '-1' }, /SHUTDOWN_TIMEOUT must be a number of seconds/],
		[{ KEEP_ALIVE_TIMEOUT: 'long' }, /KEEP_ALIVE_TIMEOUT/]
	])('refuses %j at start with a message naming the variable', (env, message) => {
		expect(() => readServerConfig(env)).toThrow(message);
	});
});
