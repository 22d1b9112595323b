/**
 * The instructor console's requests. A command is a POST; the room changes only when the
 * resulting state comes back on the event stream (requests vs state), so this class only
 * tracks whether a request is under way and what went wrong, in words an instructor can act on.
 *
 * While the server's database is away (503), the same command is sent again, with the same
 * id so the server applies it once however many tries reach it, until it is accepted or
 * `retryForMs` has passed; the console stays where it was meanwhile.
 */
import type { LiveCommand, LiveCommandRequest } from './protocol';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface CommandSenderOptions {
	readonly retryForMs?: number;
	readonly retryEveryMs?: number;
	readonly sleep?: (ms: number) => Promise<void>;
	readonly now?: () => number;
}

export const DATABASE_LOST_RETRYING = "Connection to the server's database lost, retrying…";
export const DATABASE_STILL_LOST = "The server's database is still unreachable, so that command was not carried out. Try again in a moment.";

/** Random, and available outside secure contexts too (crypto.randomUUID is not, on a clinic's plain-http address). */
function newCommandId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

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
	readonly #retryForMs: number;
	readonly #retryEveryMs: number;
	readonly #sleep: (ms: number) => Promise<void>;
	readonly #now: () => number;
	#pending = $state<LiveCommand['type'] | null>(null);
	#error = $state<string | null>(null);

	constructor(code: string, fetchFn: Fetch, options: CommandSenderOptions = {}) {
		this.#code = code;
		this.#fetch = fetchFn;
		this.#retryForMs = options.retryForMs ?? 30_000;
		this.#retryEveryMs = options.retryEveryMs ?? 1_000;
		this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
		this.#now = options.now ?? Date.now;
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
		const body: LiveCommandRequest = { ...command, id: newCommandId() };
		const giveUpAt = this.#now() + this.#retryForMs;
		try {
			for (;;) {
				const res = await this.#fetch(commandUrl(this.#code), {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(body)
				});
				if (res.status === 503) {
					if (this.#now() >= giveUpAt) {
						this.#error = DATABASE_STILL_LOST;
						return false;
					}
					this.#error = DATABASE_LOST_RETRYING;
					await this.#sleep(this.#retryEveryMs);
					continue;
				}
				if (!res.ok) {
					this.#error = commandErrorMessage(res.status, await reasonOf(res));
					return false;
				}
				this.#error = null;
				return true;
			}
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
