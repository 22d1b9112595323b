/**
 * The security headers Limber sends on every answer itself, whatever proxy is (or is not)
 * in front of it. No SvelteKit imports: a plain Node server entry can use it for static
 * files too.
 *
 * - CSP `frame-ancestors 'none'` (pages carry the full policy from svelte.config.js; other
 *   answers get this directive alone) and X-Frame-Options for older browsers: no other site
 *   may frame Limber's pages (clickjacking a console's "End lesson").
 * - nosniff: a media or JSON file is never run as something else.
 * - Referrer-Policy: other sites never see a page's path (a join code, a routine).
 * - Permissions-Policy: what Limber never uses is off for it and anything it loads. The
 *   screen wake lock, autoplay and fullscreen stay allowed (same origin), since sessions use them.
 *   Only features Chromium knows: an unknown one ("bluetooth") makes it log a warning on
 *   every page, which buries real console messages.
 * - HSTS only over https (a browser ignores it over plain http anyway, and a clinic's
 *   machine may be reached by plain http on its local network).
 */

export const PERMISSIONS_POLICY = [
	'camera=()',
	'microphone=()',
	'geolocation=()',
	'payment=()',
	'usb=()',
	'serial=()',
	'hid=()',
	'midi=()',
	'display-capture=()'
].join(', ');

/** One year: what HSTS preload lists ask for; no includeSubDomains (a clinic's other hosts are not ours). */
export const HSTS = 'max-age=31536000';

export const FRAME_ANCESTORS_ONLY = "frame-ancestors 'none'";

/** Every header name this file may set (lower case), for code that clears a response's headers. */
export const SECURITY_HEADER_NAMES: ReadonlySet<string> = new Set([
	'x-content-type-options',
	'referrer-policy',
	'permissions-policy',
	'x-frame-options',
	'strict-transport-security',
	'content-security-policy'
]);

/** The headers to add (name, value), for an answer served over https or not. */
export function securityHeaders(https: boolean): [string, string][] {
	const headers: [string, string][] = [
		['x-content-type-options', 'nosniff'],
		['referrer-policy', 'strict-origin-when-cross-origin'],
		['permissions-policy', PERMISSIONS_POLICY],
		['x-frame-options', 'DENY']
	];
	if (https) headers.push(['strict-transport-security', HSTS]);
	return headers;
}

/** Adds the headers to `headers`, keeping a Content-Security-Policy already there (a page's). */
export function applySecurityHeaders(headers: Headers, https: boolean): void {
	for (const [name, value] of securityHeaders(https)) headers.set(name, value);
	if (!headers.has('content-security-policy')) headers.set('content-security-policy', FRAME_ANCESTORS_ONLY);
}

/** The same for a Node response (a static file handler), before it is sent. */
export function setSecurityHeaders(res: { hasHeader(name: string): boolean; setHeader(name: string, value: string): unknown }, https: boolean): void {
	for (const [name, value] of securityHeaders(https)) res.setHeader(name, value);
	if (!res.hasHeader('content-security-policy')) res.setHeader('content-security-policy', FRAME_ANCESTORS_ONLY);
}
