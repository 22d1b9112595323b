/**
 * Checks on raw text made before the YAML parser sees it. The parser is slow on large or
 * deeply nested input (seconds per 100 KB of `[[[[`, and it recurses), and binary junk
 * parses "successfully" into a meaningless string, so these cases are refused up front
 * with one clear message instead of a hang or a flood of errors.
 */

/** Real routine files are tens of KB; this leaves ample room and bounds parse time. */
export const MAX_FILE_BYTES = 256 * 1024;
/** Far beyond any real routine (about 8 levels), far below the parser's recursion limit. */
const MAX_FLOW_DEPTH = 64;
const MAX_INDENT = 200;

export interface TextFault {
	/** Offset into the text (UTF-16 units) where the problem is; 0 for the whole file. */
	readonly offset: number;
	readonly message: string;
}

export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${bytes} bytes`;
}

/** Shared with the CLI, which refuses big files before reading them. */
export function tooLargeMessage(bytes: number): string {
	return `file is ${formatBytes(bytes)}, over the ${formatBytes(MAX_FILE_BYTES)} limit for a content file; split it or check it is the right file`;
}

// YAML allows only printable characters (YAML 1.2 §5.1). U+FFFD is allowed by YAML but is
// what a decoder leaves in place of bytes that are not UTF-8, so it means a wrong encoding.
const FORBIDDEN =
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffd\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function characterFault(text: string): TextFault | undefined {
	const m = FORBIDDEN.exec(text);
	if (!m) return undefined;
	const code = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
	const message =
		m[0] === '\ufffd'
			? 'file is not valid UTF-8 text (found bytes that do not decode; save it as UTF-8)'
			: `file contains the control character U+${code}; is it a binary file? Content files must be UTF-8 text`;
	return { offset: m.index, message };
}

/**
 * Estimates nesting without parsing: flow brackets outside quotes and comments, and how
 * far a line's content starts (indentation plus inline `- ` indicators). Quote tracking
 * is approximate (an apostrophe inside a word is not a quote), which can only under-count.
 */
function nestingFault(text: string): TextFault | undefined {
	let flow = 0;
	let quote: string | null = null;
	let comment = false;
	let atLineStart = true;
	let prev = '\n';
	for (let i = 0; i < text.length; i++) {
		const c = text[i] ?? '';
		if (c === '\n') {
			comment = false;
			atLineStart = true;
			prev = c;
			continue;
		}
		if (atLineStart && quote === null) {
			atLineStart = false;
			let j = i;
			while (text[j] === ' ') j++;
			while ((text[j] === '-' || text[j] === '?' || text[j] === ':') && text[j + 1] === ' ') {
				j += 2;
				while (text[j] === ' ') j++;
			}
			const blank = j >= text.length || text[j] === '\n' || text[j] === '\r';
			if (!blank && j - i > MAX_INDENT) {
				return { offset: i, message: `file is nested too deeply (content starts after column ${MAX_INDENT}); content files need only a few levels` };
			}
		}
		atLineStart = false;
		if (comment) continue;
		if (quote !== null) {
			if (c === '\\' && quote === '"') i++;
			else if (c === quote) {
				if (quote === "'" && text[i + 1] === "'") i++;
				else quote = null;
			}
			prev = c;
			continue;
		}
		const tokenStart = prev === ' ' || prev === '\t' || prev === '\n' || prev === '[' || prev === '{' || prev === ',' || prev === ':';
		if (c === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) comment = true;
		else if ((c === '"' || c === "'") && tokenStart) quote = c;
		else if (c === '[' || c === '{') {
			flow++;
			if (flow > MAX_FLOW_DEPTH) {
				return { offset: i, message: `file is nested too deeply (more than ${MAX_FLOW_DEPTH} levels of [ or {); content files need only a few levels` };
			}
		} else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
		prev = c;
	}
	return undefined;
}

/** The first reason this text must not be parsed, if any. */
export function checkText(text: string): TextFault | undefined {
	// Characters never outnumber bytes, so the cheap length test settles most huge inputs.
	const bytes = text.length > MAX_FILE_BYTES ? text.length : utf8Length(text);
	if (bytes > MAX_FILE_BYTES) return { offset: 0, message: tooLargeMessage(utf8Length(text)) };
	return characterFault(text) ?? nestingFault(text);
}
