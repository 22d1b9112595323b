import { fail, redirect } from '@sveltejs/kit';
import { readDisplayName, readJoinCode } from '$lib/classroom/join-code-input';
import { requestJoin } from '$lib/classroom/join-request';
import { readForm } from '$lib/server/request-body';
import type { Actions } from './$types';

/**
 * Joining without JavaScript (or before the page's script has loaded on a slow phone): the
 * same join endpoint, called through SvelteKit's fetch, which passes this browser's cookies
 * and address along and hands the participant cookie it sets back to the browser.
 */
export const actions: Actions = {
	default: async ({ request, fetch }) => {
		const body = await readForm(request);
		if (!body.ok) return fail(body.status, { code: '', name: '', codeError: null, nameError: null, message: body.message });
		const form = body.value;
		const typedCode = String(form.get('code') ?? '');
		const typedName = String(form.get('name') ?? '');
		const code = readJoinCode(typedCode);
		const name = readDisplayName(typedName);
		if (!code.ok || !name.ok) {
			return fail(400, {
				code: typedCode,
				name: typedName,
				codeError: code.ok ? null : code.message,
				nameError: name.ok ? null : name.message,
				message: null
			});
		}
		const result = await requestJoin(fetch, code.value, name.value);
		if (!result.ok) return fail(400, { code: typedCode, name: typedName, codeError: null, nameError: null, message: result.message });
		redirect(303, `/live/${code.value}`);
	}
};

