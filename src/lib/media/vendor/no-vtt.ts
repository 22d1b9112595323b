/**
 * Stands in for `videojs-vtt.js` in the video.js bundle (see vite.config.ts), as video.js's
 * own "novtt" builds do. Limber gives video.js no text tracks: captions are the player's
 * own live region and the routine's WebVTT file. The surface also asks for native text
 * tracks, so video.js never emulates them.
 *
 * It must not be empty: given an empty object, video.js would fetch vtt.js from its CDN
 * (a third-party host, which the privacy rule and the CSP forbid); given keys, it takes
 * vtt.js as already loaded.
 */
const noVtt = { WebVTT: null, VTTCue: null, VTTRegion: null };
export default noVtt;
