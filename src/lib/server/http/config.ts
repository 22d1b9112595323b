/**
 * The server entry's settings, from the environment. The names are adapter-node's, so its
 * documentation and existing deployments stay right: HOST, PORT, SHUTDOWN_TIMEOUT,
 * KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT (seconds). ORIGIN, ADDRESS_HEADER, XFF_DEPTH,
 * BODY_SIZE_LIMIT and the rest are read by adapter-node's request handler itself.
 */

export interface ServerConfig {
	readonly host: string;
	readonly port: number;
	/** The whole stop, from the signal to the exit. */
	readonly shutdownTimeoutMs: number;
	readonly keepAliveTimeoutMs: number | undefined;
	readonly headersTimeoutMs: number | undefined;
}

/** A systemd stop sends SIGKILL after 90 s by default; a class should be back long before. */
export const DEFAULT_SHUTDOWN_TIMEOUT_S = 10;

export function readServerConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
	return {
		host: env.HOST?.trim() || '0.0.0.0',
		port: whole(env, 'PORT', 3000, 0, 65_535),
		shutdownTimeoutMs: seconds(env, 'SHUTDOWN_TIMEOUT') ?? DEFAULT_SHUTDOWN_TIMEOUT_S * 1000,
		keepAliveTimeoutMs: seconds(env, 'KEEP_ALIVE_TIMEOUT'),
		headersTimeoutMs: seconds(env, 'HEADERS_TIMEOUT')
	};
}

function whole(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number, min: number, max: number): number {
	const raw = env[name]?.trim();
	if (!raw) return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new Error(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
	}
	return value;
}

function seconds(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
	const raw = env[name]?.trim();
	if (!raw) return undefined;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of seconds, not ${JSON.stringify(raw)}`);
	return Math.round(value * 1000);
}
