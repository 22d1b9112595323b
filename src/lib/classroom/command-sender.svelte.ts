/**
 * The instructor console's requests. A command is a POST; the room changes only when the
 * resulting state comes back on the event stream (requests vs state), so this class only
 * tracks whether a request is under way and what went wrong, in words an instructor can act on.
 */
import type { LiveCommand } from './protocol';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export function commandUrl(code: string): string {
	return `/api/live/${encodeURIComponent(code)}/command`;
}

async function reasonOf(res: Response): Promise<string | null> {
	try {
		const body: unknown = await res.json();
		if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') return body.message;
	} catch {
		// Not JSON: fall back to the status.
	}
	return null;
}

export function commandErrorMessage(status: number, reason: string | null): string {
	if (status === 401 || status === 403) return reason ?? 'Only the instructor who started this lesson can control it. Sign in again if this is your lesson.';
	if (status === 404) return reason ?? 'This lesson has ended or no longer exists.';
	if (status === 409) return reason ?? 'That is not possible right now.';
	return reason ?? `The server could not carry out the command (error ${status}).`;
}

export class CommandSender {
	readonly #code: string;
	readonly #fetch: Fetch;
	#pending = $state<LiveCommand['type'] | null>(null);
	#error = $state<string | null>(null);

	constructor(code: string, fetchFn: Fetch) {
		this.#code = code;
		this.#fetch = fetchFn;
	}

	get pending(): LiveCommand['type'] | null {
		return this.#pending;
	}
	get error(): string | null {
		return this.#error;
	}

	/** True if the server accepted it. One at a time: a double click does not skip two steps. */
	async send(command: LiveCommand): Promise<boolean> {
		if (this.#pending) return false;
		this.#pending = command.type;
		this.#error = null;
		try {
			const res = await this.#fetch(commandUrl(this.#code), {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(command)
			});
			if (!res.ok) {
				this.#error = commandErrorMessage(res.status, await reasonOf(res));
				return false;
			}
			return true;
		} catch {
			this.#error = 'Could not reach the server. Check the connection and try again.';
			return false;
		} finally {
			this.#pending = null;
		}
	}

	dismissError(): void {
		this.#error = null;
	}
}
