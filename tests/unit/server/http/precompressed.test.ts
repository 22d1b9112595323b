import { describe, expect, it } from 'vitest';
import { acceptedEncodings } from '$lib/server/http/precompressed';

const names = (header: string | undefined) => acceptedEncodings(header).map((e) => e.name);

describe('acceptedEncodings', () => {
	it.each([
		['gzip, deflate, br, zstd', ['br', 'gzip']],
		['gzip', ['gzip']],
		['br;q=0.5, gzip;q=0.9', ['gzip', 'br']],
		['*', ['br', 'gzip']],
		['br;q=0, gzip', ['gzip']],
		['*;q=0', []],
		['identity', []],
		['', []],
		[undefined, []],
		[';;;,,,q=abc', []],
		['BR', ['br']]
	])('%j accepts %j', (header, expected) => {
		expect(names(header)).toEqual(expected);
	});

	it('names the file suffix of each encoding', () => {
		expect(acceptedEncodings('br, gzip').map((e) => e.suffix)).toEqual(['.br', '.gz']);
	});
});
