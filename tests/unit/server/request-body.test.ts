import { describe, expect, it } from 'vitest';
import { MESSAGES, readForm, readJsonBody } from '$lib/server/request-body';

const post = (body: BodyInit, type: string | null) =>
	new Request('http://limber.test/', { method: 'POST', body, headers: type === null ? {} : { 'content-type': type } });

/** A body that fails while it is read, as adapter-node's does when it passes BODY_SIZE_LIMIT. */
function failingBody(error: Error): ReadableStream<Uint8Array> {
	return new ReadableStream({
		start(controller) {
			controller.enqueue(new TextEncoder().encode('email=a'));
			controller.error(error);
		}
	});
}
const tooLarge = Object.assign(new Error('Content-length of 700000 exceeds limit of 524288 bytes.'), { status: 413 });
const streamed = (body: ReadableStream<Uint8Array>, type: string) =>
	new Request('http://limber.test/', { method: 'POST', body, headers: { 'content-type': type }, duplex: 'half' } as RequestInit);

describe('readForm', () => {
	it('reads url-encoded and multipart forms', async () => {
		const encoded = await readForm(post('email=a%40b.org&password=x', 'application/x-www-form-urlencoded'));
		expect(encoded.ok && encoded.value.get('email')).toBe('a@b.org');
		const data = new FormData();
		data.set('name', 'Ana');
		const multipart = await readForm(new Request('http://limber.test/', { method: 'POST', body: data }));
		expect(multipart.ok && multipart.value.get('name')).toBe('Ana');
	});

	it('answers 400 for a multipart body cut off in the middle', async () => {
		const cut = '--XYZ\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.c\r\n--XYZ\r\nContent-Disposition: form-data; name="pass';
		expect(await readForm(post(cut, 'multipart/form-data; boundary=XYZ'))).toEqual({ ok: false, status: 400, message: MESSAGES.damaged });
	});

	it('answers 400 for multipart without a boundary', async () => {
		expect(await readForm(post('x', 'multipart/form-data'))).toEqual({ ok: false, status: 400, message: MESSAGES.damaged });
	});

	it.each(['text/plain', 'application/json', null])('answers 400 for content type %s', async (type) => {
		expect(await readForm(post('email=a', type))).toEqual({ ok: false, status: 400, message: MESSAGES.notForm });
	});

	it('keeps what can be read of invalid UTF-8 rather than refusing it', async () => {
		const bytes = new Uint8Array([...new TextEncoder().encode('email=ana'), 0xff, 0xfe, ...new TextEncoder().encode('@b.org')]);
		const result = await readForm(post(bytes, 'application/x-www-form-urlencoded'));
		expect(result.ok && result.value.get('email')).toBe('ana\uFFFD\uFFFD@b.org');
	});

	it('answers 413 when the body passes the size limit', async () => {
		expect(await readForm(streamed(failingBody(tooLarge), 'application/x-www-form-urlencoded'))).toEqual({
			ok: false,
			status: 413,
			message: MESSAGES.tooLarge
		});
	});

	it('answers 400 when the connection fails mid-body', async () => {
		const result = await readForm(streamed(failingBody(new Error('aborted')), 'application/x-www-form-urlencoded'));
		expect(result).toEqual({ ok: false, status: 400, message: MESSAGES.damaged });
	});
});

describe('readJsonBody', () => {
	it('reads JSON, with a charset or not', async () => {
		expect(await readJsonBody(post('{"a":1}', 'application/json'))).toEqual({ ok: true, value: { a: 1 } });
		expect(await readJsonBody(post('[1]', 'application/json; charset=utf-8'))).toEqual({ ok: true, value: [1] });
	});

	it('refuses bodies not declared JSON (a cross-site form cannot send them)', async () => {
		expect(await readJsonBody(post('{"a":1}', 'text/plain'))).toEqual({ ok: false, status: 400, message: MESSAGES.notJson });
	});

	it.each(['{', '', '{"a":1}}', '\uFEFF{"a":1', 'nul'])('answers 400 for broken JSON %j', async (text) => {
		expect(await readJsonBody(post(text, 'application/json'))).toEqual({ ok: false, status: 400, message: MESSAGES.badJson });
	});

	it('answers 413 past the size limit', async () => {
		expect(await readJsonBody(streamed(failingBody(tooLarge), 'application/json'))).toEqual({ ok: false, status: 413, message: MESSAGES.tooLarge });
	});
});
