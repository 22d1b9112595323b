/**
 * A few drawing helpers for the back-school talk pictures: SVG text, labels, simple line
 * figures and check marks, on a 1600 × 900 canvas (the stage's 16:9). Sizes are chosen for
 * a projector seen from 5 m: at 1920 px wide, a 40-unit label is about 48 px, capitals
 * about 35 mm high on a 2.5 m picture (DESIGN.md: distance / 170 ≈ 30 mm).
 */

export const W = 1600;
export const H = 900;

export const INK = '#1a1a1a';
export const SOFT = '#4a4a4a';
// Dark enough for text at 4.5:1 on TEAL_SOFT and on white, and for white text on it.
export const TEAL = '#2f6b61';
export const TEAL_SOFT = '#dcefe9';
export const RED = '#b03a2e';
export const RED_SOFT = '#f8e1dd';
export const BLUE = '#2f6491';
export const BLUE_SOFT = '#dde9f4';
export const ORANGE = '#b35f12';
export const BONE = '#efe4cc';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface TextOptions {
	readonly size?: number;
	readonly weight?: 400 | 600 | 700;
	readonly anchor?: 'start' | 'middle' | 'end';
	readonly color?: string;
	/** Line height as a multiple of the size. */
	readonly leading?: number;
}

/** Text, one line per entry of `lines`, the first baseline at y. */
export function text(x: number, y: number, lines: string | readonly string[], o: TextOptions = {}): string {
	const size = o.size ?? 40;
	const list = typeof lines === 'string' ? [lines] : lines;
	const spans = list.map((l, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : Math.round(size * (o.leading ?? 1.2))}">${esc(l)}</tspan>`).join('');
	return `<text x="${x}" y="${y}" font-size="${size}" font-weight="${o.weight ?? 400}" text-anchor="${o.anchor ?? 'start'}" fill="${o.color ?? INK}">${spans}</text>`;
}

export function rect(x: number, y: number, w: number, h: number, fill: string, stroke = 'none', r = 18, strokeWidth = 4): string {
	return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`;
}

export function line(points: readonly (readonly [number, number])[], color = INK, width = 10, dash = ''): string {
	const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join(' ');
	return `<path d="${d}" fill="none" stroke="${color}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
}

export function circle(x: number, y: number, r: number, fill: string, stroke = 'none', strokeWidth = 4): string {
	return `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`;
}

/** An arrow from a to b with a head at b. */
export function arrow(a: readonly [number, number], b: readonly [number, number], color = INK, width = 8): string {
	const [x1, y1] = a;
	const [x2, y2] = b;
	const ang = Math.atan2(y2 - y1, x2 - x1);
	const head = width * 3.2;
	const p = (da: number) => [x2 - head * Math.cos(ang + da), y2 - head * Math.sin(ang + da)] as const;
	const [lx, ly] = p(0.5);
	const [rx, ry] = p(-0.5);
	const bx = x2 - head * 0.8 * Math.cos(ang);
	const by = y2 - head * 0.8 * Math.sin(ang);
	return `${line([a, [bx, by]], color, width)}<path d="M${x2} ${y2} L${lx.toFixed(1)} ${ly.toFixed(1)} L${rx.toFixed(1)} ${ry.toFixed(1)} Z" fill="${color}"/>`;
}

/** A check mark in a disc. */
export function tick(x: number, y: number, r = 30, color = TEAL): string {
	return `${circle(x, y, r, color)}${line([[x - r * 0.45, y + r * 0.02], [x - r * 0.1, y + r * 0.38], [x + r * 0.5, y - r * 0.35]], '#ffffff', r * 0.22)}`;
}

/** A cross in a disc. */
export function cross(x: number, y: number, r = 30, color = RED): string {
	const k = r * 0.38;
	return `${circle(x, y, r, color)}${line([[x - k, y - k], [x + k, y + k]], '#ffffff', r * 0.22)}${line([[x + k, y - k], [x - k, y + k]], '#ffffff', r * 0.22)}`;
}

/** Joints of a line figure; any limb may be left out. */
export interface Figure {
	readonly head: readonly [number, number];
	readonly neck: readonly [number, number];
	readonly hip: readonly [number, number];
	readonly arms?: readonly (readonly (readonly [number, number])[])[];
	readonly legs?: readonly (readonly (readonly [number, number])[])[];
	readonly color?: string;
	readonly scale?: number;
}

/** A line figure: a head, a trunk from neck to hip, limbs as polylines from neck or hip. */
export function figure(f: Figure): string {
	const c = f.color ?? INK;
	const s = f.scale ?? 1;
	const w = 16 * s;
	const parts = [line([f.neck, f.hip], c, w * 1.25)];
	for (const arm of f.arms ?? []) parts.push(line([f.neck, ...arm], c, w));
	for (const leg of f.legs ?? []) parts.push(line([f.hip, ...leg], c, w));
	parts.push(circle(f.head[0], f.head[1], 26 * s, c));
	return parts.join('');
}

/** A standing figure with its feet at (x, y), about 300 units tall. */
export function standing(x: number, y: number, color = INK): string {
	return figure({
		head: [x, y - 290],
		neck: [x, y - 250],
		hip: [x, y - 130],
		arms: [[[x - 34, y - 190], [x - 40, y - 128]], [[x + 34, y - 190], [x + 40, y - 128]]],
		legs: [[[x - 18, y - 66], [x - 22, y]], [[x + 18, y - 66], [x + 22, y]]],
		color
	});
}

export interface Picture {
	/** File name under static/media/images, without .svg. */
	readonly id: string;
	/** What it shows, in a sentence or two, for screen readers (media.yaml's alt). */
	readonly alt: string;
	/** Everything it shows, for the SVG's own description. */
	readonly desc: string;
	/** One line under the picture. */
	readonly caption: string;
	/** The short name in the SVG's own <title>. */
	readonly title: string;
	readonly body: string;
}

export function svg(p: Picture): string {
	const t = esc(p.title);
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${p.id}-title ${p.id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
		`<title id="${p.id}-title">${t}</title>`,
		`<desc id="${p.id}-desc">${esc(p.desc)}</desc>`,
		`<rect width="${W}" height="${H}" fill="#ffffff"/>`,
		p.body,
		'</svg>',
		''
	].join('\n');
}
