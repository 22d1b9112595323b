/**
 * What keeps an SVG talk picture from being read at a distance: a shape other than 16:9 (the
 * stage's), or a text size under 40 units per 1600 of width. Reads the SVG as text (the
 * pictures are simple, written by scripts/media/talk-pictures/): the viewBox, every
 * font-size attribute, font-size in style attributes and in <style> rules, and any <text>
 * with no size of its own, which the browser would draw at 16.
 */

/** The smallest text, in units of a 1600-wide canvas. */
export const MIN_TEXT = 40;

const NUMBER = /^\s*([\d.]+)\s*(px)?\s*$/;

function judged(value: string, where: string, scale: number): string | null {
	const m = NUMBER.exec(value);
	if (!m) return `${where} is not in units`;
	const size = Number(m[1]) * scale;
	return size < MIN_TEXT ? `${where} is ${Number(size.toFixed(1))} per 1600 wide, under ${MIN_TEXT}` : null;
}

/** Class names whose <style> rule sets a font size. */
function sizedClasses(css: string): Set<string> {
	const names = new Set<string>();
	for (const rule of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
		if (!/font-size\s*:/.test(rule[2] ?? '')) continue;
		for (const cls of (rule[1] ?? '').matchAll(/\.([\w-]+)/g)) names.add(cls[1] ?? '');
	}
	return names;
}

export function svgProblems(svg: string): string[] {
	const box = /<svg\b[^>]*\bviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg);
	if (!box) return ['no viewBox'];
	const w = Number(box[1]);
	const h = Number(box[2]);
	const problems: string[] = [];
	// Whole units only: 1600×900, 1920×1080; a rounding error would still show as bars.
	if (Math.abs(w * 9 - h * 16) > 0.5) problems.push(`viewBox ${w}×${h} is not 16:9`);
	const scale = 1600 / w;
	const css = [...svg.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '').join('\n');
	for (const m of css.matchAll(/font-size\s*:\s*([^;}]+)/g)) problems.push(judged(m[1] ?? '', '<style> font-size ' + (m[1] ?? '').trim().replace(/px$/, ''), scale) ?? '');
	const tags = svg.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '');
	for (const m of tags.matchAll(/\sfont-size="([^"]*)"/g)) problems.push(judged(m[1] ?? '', `font-size="${m[1]}"`, scale) ?? '');
	for (const m of tags.matchAll(/\sstyle="([^"]*)"/g)) {
		const size = /font-size\s*:\s*([^;]+)/.exec(m[1] ?? '');
		if (size) problems.push(judged(size[1] ?? '', `style font-size ${(size[1] ?? '').trim().replace(/px$/, '')}`, scale) ?? '');
	}
	const classes = sizedClasses(css);
	for (const m of tags.matchAll(/<text\b([^>]*)>/g)) {
		const attrs = m[1] ?? '';
		const own = /\sfont-size="/.test(attrs) || /\sstyle="[^"]*font-size/.test(attrs);
		const cls = /\sclass="([^"]*)"/.exec(attrs)?.[1]?.split(/\s+/) ?? [];
		if (!own && !cls.some((c) => classes.has(c))) problems.push('a <text> without a font-size of its own');
	}
	return problems.filter((p) => p !== '');
}
