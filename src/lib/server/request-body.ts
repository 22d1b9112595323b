/**
 * Reading a request's body without letting a damaged one become a 500: a form cut off in
 * the middle (a phone losing signal), the wrong content type, a body over the size limit
 * (BODY_SIZE_LIMIT, 512 KB by default) or JSON that does not parse each answer a status
 * and a plain message the page can show. Invalid UTF-8 is not an error: it is decoded
 * with replacement characters, so what can be read of what the person typed is kept.
 */

export type BodyResult<T> =
	| { readonly ok: true; readonly value: T }
	| { readonly ok: false; readonly status: 400 | 413; readonly message: string };

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export const MESSAGES = {
	damaged: 'The form arrived incomplete, so nothing was saved. Please send it again.',
	notForm: 'This address takes a form sent from its page.',
	tooLarge: 'That is more than this form takes. Please shorten what you typed and send it again.',
	notJson: 'This address takes JSON ({"…": …}) with Content-Type: application/json.',
	badJson: 'The JSON in this request could not be read.'
} as const;

function mediaType(request: Request): string {
	return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export async function readForm(request: Request): Promise<BodyResult<FormData>> {
	if (!FORM_TYPES.includes(mediaType(request))) return { ok: false, status: 400, message: MESSAGES.notForm };
	try {
		return { ok: true, value: await request.formData() };
	} catch (error) {
		return failure(error, MESSAGES.damaged);
	}
}

/** The parsed JSON body; its shape is for the caller to check. */
export async function readJsonBody(request: Request): Promise<BodyResult<unknown>> {
	if (mediaType(request) !== 'application/json') return { ok: false, status: 400, message: MESSAGES.notJson };
	let text: string;
	try {
		text = await request.text();
	} catch (error) {
		return failure(error, MESSAGES.badJson);
	}
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false, status: 400, message: MESSAGES.badJson };
	}
}

/** adapter-node ends an oversized body with a 413 error; anything else is a damaged body. */
function failure(error: unknown, message: string): BodyResult<never> {
	return isTooLarge(error) ? { ok: false, status: 413, message: MESSAGES.tooLarge } : { ok: false, status: 400, message };
}

function isTooLarge(error: unknown): boolean {
	for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
		if ((e as { status?: unknown }).status === 413) return true;
	}
	return false;
}
