/**
 * Whether an error means "the database cannot be reached right now" (answered 503, worth
 * retrying) rather than a fault in a query (500). Drizzle wraps driver errors, so the
 * chain of causes is searched.
 */
const CONNECTION_CODES = new Set([
	// Node sockets
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	// postgres.js
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT',
	// PostgreSQL: shutting down, starting up, out of connections; a retryable conflict
	'57P01',
	'57P02',
	'57P03',
	'53300',
	'40001',
	'40P01'
]);

/** The code that says the database is away (a socket error, postgres.js's, or an SQLSTATE), or null. */
export function unavailableReason(error: unknown): string | null {
	for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
		if (typeof e !== 'object') return null;
		const code = 'code' in e ? e.code : undefined;
		// SQLSTATE class 08: connection exception.
		if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return code;
		e = 'cause' in e ? e.cause : undefined;
	}
	return null;
}

export function isDatabaseUnavailable(error: unknown): boolean {
	return unavailableReason(error) !== null;
}
