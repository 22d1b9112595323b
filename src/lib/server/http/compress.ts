/**
 * Compressing what the app renders (pages, JSON, captions) on the way out, as static
 * files already are. Not event streams: compression holds bytes back until a block fills,
 * and a class cannot wait for its next step. Not what is encoded already (precompressed
 * files) or not worth it (media, answers under 1 KB).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import type { Middleware } from './static-files';

type NodeFilter = (req: IncomingMessage, res: ServerResponse) => boolean;
type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

// compression is a connect middleware: it uses only Node's own request and response,
// though its types are written against Express's.
const compressibleType = compression.filter as unknown as NodeFilter;

export function isEventStream(contentType: string | number | readonly string[] | undefined): boolean {
	return typeof contentType === 'string' && contentType.toLowerCase().startsWith('text/event-stream');
}

export function compressResponses(): Middleware {
	const filter: NodeFilter = (req, res) => !isEventStream(res.getHeader('Content-Type')) && compressibleType(req, res);
	return compression({ filter }) as unknown as NodeMiddleware;
}
