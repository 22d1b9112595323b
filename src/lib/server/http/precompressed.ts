/**
 * Picking the precompressed copy of a static file. The build writes `name.br` and
 * `name.gz` beside every compressible file (adapter-node's precompress); answering with
 * one of them costs no CPU per request, unlike compressing on the fly.
 */
import Negotiator from 'negotiator';

export interface Encoding {
	/** The Content-Encoding to send. */
	readonly name: 'br' | 'gzip';
	/** The suffix of the file that holds that encoding. */
	readonly suffix: '.br' | '.gz';
}

const ENCODINGS: readonly Encoding[] = [
	{ name: 'br', suffix: '.br' },
	{ name: 'gzip', suffix: '.gz' }
];

/**
 * The encodings the request accepts, best first, among those the build writes; empty when
 * only the file as it is will do. `identity` and unknown codings are left to the caller:
 * the plain file is always there.
 */
export function acceptedEncodings(acceptEncoding: string | undefined): readonly Encoding[] {
	if (!acceptEncoding) return [];
	const names = ENCODINGS.map((e) => e.name);
	const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } });
	// At equal quality, brotli (smaller) first. negotiator 1.0 takes `preferred`; its types predate it.
	const encodings = negotiator.encodings.bind(negotiator) as (available: readonly string[], options: { preferred: readonly string[] }) => string[];
	return encodings(names, { preferred: names }).flatMap((name) => ENCODINGS.filter((e) => e.name === name));
}
