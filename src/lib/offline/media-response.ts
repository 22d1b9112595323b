/**
 * Answers a media request from a cached full response. Chromium's media elements ask for
 * byte ranges (`Range: bytes=0-`, then wherever a seek lands); the cache holds each file
 * whole, as a 200, so a ranged request gets a 206 slice of it. workbox-range-requests does
 * the slicing: one contiguous range, open-ended or a suffix; anything else is a 416.
 */
import { createPartialResponse } from 'workbox-range-requests';

export async function answerFromCache(request: Request, cached: Response): Promise<Response> {
	if (!request.headers.has('range')) return cached;
	return createPartialResponse(request, cached);
}
