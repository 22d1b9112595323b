// The service worker shows this page for a page it has not saved, with no network: made at
// build time, so it is part of the app shell.
export const prerender = true;
