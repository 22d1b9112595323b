/** This server's name on the bus and in /api/health: LIMBER_INSTANCE_ID, or the host name and a random suffix. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export function resolveInstanceId(env: NodeJS.ProcessEnv = process.env): string {
	const configured = env.LIMBER_INSTANCE_ID?.trim();
	if (configured) return configured.slice(0, 64);
	return `${hostname().slice(0, 40)}-${randomBytes(3).toString('hex')}`;
}
