/**
 * Whether a request reached Limber over https, for the answers the SvelteKit app never sees
 * (static files and media, the server entry's own 404 and 500). It is decided by the rule
 * adapter-node uses for the app's own URL, so a media file and a page of one site always
 * agree on HSTS: ORIGIN's scheme when ORIGIN is set; otherwise the PROTOCOL_HEADER a proxy
 * sends (X-Forwarded-Proto); otherwise adapter-node's default, https. (A browser ignores
 * HSTS received over plain http, so that default does no harm on a clinic's local network.)
 */
import type { IncomingHttpHeaders } from 'node:http';

export type HttpsCheck = (headers: IncomingHttpHeaders) => boolean;

export function httpsCheck(env: Readonly<Record<string, string | undefined>>): HttpsCheck {
	const origin = env.ORIGIN?.trim();
	if (origin) {
		const https = origin.toLowerCase().startsWith('https:');
		return () => https;
	}
	const header = env.PROTOCOL_HEADER?.trim().toLowerCase();
	if (!header) return () => true;
	return (headers) => {
		const value = headers[header];
		// adapter-node refuses a repeated header; here the first value is as good as none.
		const first = Array.isArray(value) ? value[0] : value;
		return first === undefined || first === '' ? true : first.trim().toLowerCase() === 'https';
	};
}
