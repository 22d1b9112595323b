/**
 * A tiny anti-aliased rasteriser for flat vector shapes into an RGB24 buffer (the pixel
 * format ffmpeg reads as `-f rawvideo -pix_fmt rgb24`).
 *
 * Every shape is drawn from its signed distance: a pixel's coverage is how far its centre
 * lies inside the edge, clamped to one pixel (0.5 − d), which gives clean analytic
 * anti-aliasing without supersampling. Coordinates are in pixels, y downwards.
 */

export interface Rgb {
	readonly r: number;
	readonly g: number;
	readonly b: number;
}

export function hex(code: string): Rgb {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(code);
	if (!m) throw new Error(`bad colour ${code}`);
	return { r: parseInt(m[1] ?? '0', 16), g: parseInt(m[2] ?? '0', 16), b: parseInt(m[3] ?? '0', 16) };
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
	return { r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t };
}

export interface Point {
	readonly x: number;
	readonly y: number;
}

export class Raster {
	readonly data: Uint8Array;

	constructor(
		readonly width: number,
		readonly height: number
	) {
		this.data = new Uint8Array(width * height * 3);
	}

	clear(c: Rgb): void {
		const d = this.data;
		const r = Math.round(c.r);
		const g = Math.round(c.g);
		const b = Math.round(c.b);
		for (let i = 0; i < d.length; i += 3) {
			d[i] = r;
			d[i + 1] = g;
			d[i + 2] = b;
		}
	}

	/** Blend colour c over the pixel at index i with coverage a (0–1). */
	private blend(i: number, c: Rgb, a: number): void {
		const d = this.data;
		const p = i * 3;
		const r0 = d[p] ?? 0;
		const g0 = d[p + 1] ?? 0;
		const b0 = d[p + 2] ?? 0;
		d[p] = Math.round(r0 + (c.r - r0) * a);
		d[p + 1] = Math.round(g0 + (c.g - g0) * a);
		d[p + 2] = Math.round(b0 + (c.b - b0) * a);
	}

	/**
	 * Fill every pixel whose centre has signed distance sdf(x, y) < 0.5 inside the box.
	 * The box is clipped to the raster; opacity scales the coverage.
	 */
	fillSdf(x0: number, y0: number, x1: number, y1: number, sdf: (x: number, y: number) => number, c: Rgb, opacity = 1): void {
		const xa = Math.max(0, Math.floor(x0));
		const ya = Math.max(0, Math.floor(y0));
		const xb = Math.min(this.width - 1, Math.ceil(x1));
		const yb = Math.min(this.height - 1, Math.ceil(y1));
		for (let y = ya; y <= yb; y++) {
			const py = y + 0.5;
			const row = y * this.width;
			for (let x = xa; x <= xb; x++) {
				const d = sdf(x + 0.5, py);
				if (d >= 0.5) continue;
				const cover = d <= -0.5 ? 1 : 0.5 - d;
				this.blend(row + x, c, cover * opacity);
			}
		}
	}

	/** Axis-aligned rectangle (sharp edges, anti-aliased at fractional borders). */
	rect(x0: number, y0: number, x1: number, y1: number, c: Rgb, opacity = 1): void {
		const cx = (x0 + x1) / 2;
		const cy = (y0 + y1) / 2;
		const hx = Math.abs(x1 - x0) / 2;
		const hy = Math.abs(y1 - y0) / 2;
		this.fillSdf(cx - hx - 1, cy - hy - 1, cx + hx + 1, cy + hy + 1, (x, y) => Math.max(Math.abs(x - cx) - hx, Math.abs(y - cy) - hy), c, opacity);
	}

	/** Rectangle with rounded corners of radius rr. */
	roundRect(x0: number, y0: number, x1: number, y1: number, rr: number, c: Rgb, opacity = 1): void {
		const cx = (x0 + x1) / 2;
		const cy = (y0 + y1) / 2;
		const hx = Math.abs(x1 - x0) / 2;
		const hy = Math.abs(y1 - y0) / 2;
		const r = Math.min(rr, hx, hy);
		this.fillSdf(
			cx - hx - 1,
			cy - hy - 1,
			cx + hx + 1,
			cy + hy + 1,
			(x, y) => {
				const qx = Math.abs(x - cx) - hx + r;
				const qy = Math.abs(y - cy) - hy + r;
				return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
			},
			c,
			opacity
		);
	}

	circle(p: Point, r: number, c: Rgb, opacity = 1): void {
		this.fillSdf(p.x - r - 1, p.y - r - 1, p.x + r + 1, p.y + r + 1, (x, y) => Math.hypot(x - p.x, y - p.y) - r, c, opacity);
	}

	/**
	 * A "round cone": the convex hull of a circle of radius ra at a and one of radius rb
	 * at b (a capsule when ra == rb). Exact distance after Inigo Quilez's sdRoundCone.
	 */
	cone(a: Point, b: Point, ra: number, rb: number, c: Rgb, opacity = 1): void {
		const sdf = roundConeSdf(a, b, ra, rb);
		const x0 = Math.min(a.x - ra, b.x - rb) - 1;
		const y0 = Math.min(a.y - ra, b.y - rb) - 1;
		const x1 = Math.max(a.x + ra, b.x + rb) + 1;
		const y1 = Math.max(a.y + ra, b.y + rb) + 1;
		this.fillSdf(x0, y0, x1, y1, sdf, c, opacity);
	}

	capsule(a: Point, b: Point, r: number, c: Rgb, opacity = 1): void {
		this.cone(a, b, r, r, c, opacity);
	}

	/** A convex polygon, vertices in either winding order. */
	convex(points: readonly Point[], c: Rgb, opacity = 1): void {
		if (points.length < 3) return;
		const n = points.length;
		let area = 0;
		for (let i = 0; i < n; i++) {
			const p = points[i] as Point;
			const q = points[(i + 1) % n] as Point;
			area += p.x * q.y - q.x * p.y;
		}
		const sign = area >= 0 ? 1 : -1;
		const edges = points.map((p, i) => {
			const q = points[(i + 1) % n] as Point;
			const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
			// Outward normal for the polygon's winding.
			return { px: p.x, py: p.y, nx: (sign * (q.y - p.y)) / len, ny: (sign * -(q.x - p.x)) / len };
		});
		const xs = points.map((p) => p.x);
		const ys = points.map((p) => p.y);
		this.fillSdf(
			Math.min(...xs) - 1,
			Math.min(...ys) - 1,
			Math.max(...xs) + 1,
			Math.max(...ys) + 1,
			(x, y) => {
				let d = -Infinity;
				for (const e of edges) d = Math.max(d, (x - e.px) * e.nx + (y - e.py) * e.ny);
				return d;
			},
			c,
			opacity
		);
	}
}

/** Signed distance to a round cone (see Raster.cone); falls back to a circle when one end contains the other. */
export function roundConeSdf(a: Point, b: Point, r1: number, r2: number): (x: number, y: number) => number {
	const bax = b.x - a.x;
	const bay = b.y - a.y;
	const l2 = bax * bax + bay * bay;
	const rr = r1 - r2;
	const a2 = l2 - rr * rr;
	if (l2 < 1e-9 || a2 <= 1e-9) {
		const big = r1 >= r2 ? { p: a, r: r1 } : { p: b, r: r2 };
		return (x, y) => Math.hypot(x - big.p.x, y - big.p.y) - big.r;
	}
	const il2 = 1 / l2;
	return (x, y) => {
		const pax = x - a.x;
		const pay = y - a.y;
		const yy = pax * bax + pay * bay;
		const z = yy - l2;
		const xvx = pax * l2 - bax * yy;
		const xvy = pay * l2 - bay * yy;
		const x2 = xvx * xvx + xvy * xvy;
		const y2 = yy * yy * l2;
		const z2 = z * z * l2;
		const k = Math.sign(rr) * rr * rr * x2;
		if (Math.sign(z) * a2 * z2 > k) return Math.sqrt(x2 + z2) * il2 - r2;
		if (Math.sign(yy) * a2 * y2 < k) return Math.sqrt(x2 + y2) * il2 - r1;
		return (Math.sqrt(x2 * a2 * il2) + yy * rr) * il2 - r1;
	};
}
