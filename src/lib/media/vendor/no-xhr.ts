/**
 * Stands in for `@videojs/xhr` in the video.js bundle (see vite.config.ts). video.js uses
 * it only to fetch remote text tracks, and Limber gives video.js none (see no-vtt.ts), so
 * the request library would be dead weight on the player route. Should a track ever be
 * added, it fails with this message instead of failing silently.
 */
type Callback = (error: Error | null, response: unknown, body: unknown) => void;

export default function noXhr(_options: unknown, callback: Callback): void {
	queueMicrotask(() => callback(new Error('Limber does not load text tracks through video.js'), null, null));
}
