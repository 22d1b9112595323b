/**
 * How often each live stream carries a heartbeat, from LIMBER_SSE_HEARTBEAT_S (seconds,
 * default 15). The heartbeat keeps proxies and NAT from closing an idle stream, and it is
 * how a server finds out that a phone's connection is gone while the phone sleeps: a write
 * into a connection the network has dropped is answered with a reset (or times out), and
 * only then does the server count that phone as away. A lesson whose streams carried a state
 * in the last half interval gets none (hub.ts): that write did the same. It must stay well under the proxy's
 * read timeout for the stream (deploy/nginx.conf: 1 h). Tests lower it to see a drop quickly.
 */
export const DEFAULT_HEARTBEAT_S = 15;

export function readHeartbeatMs(env: Readonly<Record<string, string | undefined>>): number {
	const raw = env.LIMBER_SSE_HEARTBEAT_S?.trim();
	if (!raw) return DEFAULT_HEARTBEAT_S * 1000;
	const seconds = Number(raw);
	if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 600) {
		throw new Error(`LIMBER_SSE_HEARTBEAT_S must be a number of seconds from 0.1 to 600, not ${JSON.stringify(raw)}`);
	}
	return Math.round(seconds * 1000);
}
