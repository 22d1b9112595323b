/**
 * While a session screen fills the viewport the page around it steps aside (app.css, on
 * `html[data-stage]`), so the document is exactly one screen high and never scrolls.
 * Several screens may hold it at once (the player hands over to the end screen), so it is
 * counted, and it goes only when the last one lets go.
 */
let holders = 0;

export function fillScreen(theme: string): () => void {
	const html = document.documentElement;
	holders++;
	html.dataset.stage = theme;
	let released = false;
	return () => {
		if (released) return;
		released = true;
		holders--;
		if (holders === 0) delete html.dataset.stage;
	};
}
