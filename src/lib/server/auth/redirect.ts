/** Where to go after signing in: only a path on this site, never another host (`//evil.example`). */
export function safeNext(next: string | null, fallback = '/teach'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	return next;
}

/** The sign-in page, coming back to `url` afterwards. */
export function signInUrl(url: URL): string {
	return `/teach/signin?next=${encodeURIComponent(url.pathname + url.search)}`;
}
