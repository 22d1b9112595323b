/**
 * One log line for an error, safe to keep: it names the error's kind, its code and where
 * it was thrown, never its message. Messages carry what the code was working on, which
 * here can be a person's name or email (a failed query lists its parameters; a JSON
 * error quotes the body), and logs are kept and shared more widely than the database.
 */
import { randomBytes } from 'node:crypto';

/** Short enough to read out over the phone, long enough not to repeat in a day's log. */
export function newErrorId(): string {
	return randomBytes(5).toString('hex');
}

/** `TypeError [ERR_X] at file.js:12:5`, following `cause` one level for wrapped errors. */
export function describeError(error: unknown): string {
	if (!(error instanceof Error)) return `non-error thrown (${typeof error})`;
	let text = error.name;
	const code = codeOf(error);
	if (code) text += ` [${code}]`;
	const where = thrownAt(error.stack);
	if (where) text += ` at ${where}`;
	if (error.cause instanceof Error) text += `; cause: ${error.cause.name}${codeOf(error.cause) ? ` [${codeOf(error.cause)}]` : ''}`;
	return text;
}

function codeOf(error: Error): string | undefined {
	const code = (error as { code?: unknown }).code;
	return typeof code === 'string' || typeof code === 'number' ? String(code).slice(0, 40) : undefined;
}

/**
 * The first stack frame's location: from `src/` on when the stack is source-mapped (the
 * entry turns source maps on), else the file's name alone.
 */
function thrownAt(stack: string | undefined): string | undefined {
	if (!stack) return undefined;
	for (const line of stack.split('\n')) {
		const match = /^\s+at (?:.*?\()?(?:file:\/\/)?([^()\s]+):(\d+):(\d+)\)?$/.exec(line);
		if (!match) continue;
		const file = match[1]!;
		const fromSrc = file.lastIndexOf('/src/');
		const shown = fromSrc === -1 ? file.split('/').pop() : file.slice(fromSrc + 1);
		return `${shown}:${match[2]}:${match[3]}`;
	}
	return undefined;
}
