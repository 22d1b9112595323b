/** Summary statistics for the bench figures; nearest-rank percentiles, no interpolation. */

export interface Summary {
	readonly n: number;
	readonly p50: number | null;
	readonly p99: number | null;
	readonly max: number | null;
	readonly min: number | null;
}

/** Nearest-rank percentile of sorted values: the smallest value with ≥ p% at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
	if (sorted.length === 0) return null;
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1] ?? null;
}

export function round(v: number | null, digits = 2): number | null {
	if (v === null || !Number.isFinite(v)) return v;
	const f = 10 ** digits;
	return Math.round(v * f) / f;
}

export function summarize(values: readonly number[], digits = 2): Summary {
	const sorted = [...values].sort((a, b) => a - b);
	return {
		n: sorted.length,
		p50: round(percentile(sorted, 50), digits),
		p99: round(percentile(sorted, 99), digits),
		max: round(sorted.at(-1) ?? null, digits),
		min: round(sorted[0] ?? null, digits)
	};
}

/** Least-squares line y = a + b·x. */
export function linearFit(xs: readonly number[], ys: readonly number[]): { readonly a: number; readonly b: number } {
	const n = Math.min(xs.length, ys.length);
	if (n < 2) return { a: ys[0] ?? 0, b: 0 };
	let sx = 0;
	let sy = 0;
	for (let i = 0; i < n; i++) {
		sx += xs[i] as number;
		sy += ys[i] as number;
	}
	const mx = sx / n;
	const my = sy / n;
	let sxy = 0;
	let sxx = 0;
	for (let i = 0; i < n; i++) {
		const dx = (xs[i] as number) - mx;
		sxy += dx * ((ys[i] as number) - my);
		sxx += dx * dx;
	}
	const b = sxx === 0 ? 0 : sxy / sxx;
	return { a: my - b * mx, b };
}
