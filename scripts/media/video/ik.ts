/**
 * A small inverse-kinematics helper for authoring poses: adjust a few joint angles so
 * that some joints land where they should (hands on the floor under the shoulders, a
 * hand behind a thigh). Damped Gauss–Newton with numeric derivatives; the chosen angles
 * are gently pulled toward their starting values so the answer stays natural.
 */
import { skeleton, type JointName, type Pose, type PoseKey, type Skeleton, type Vec3 } from './figure';

/** A goal returns residuals in metres that should become 0. */
export type Goal = (sk: Skeleton) => readonly number[];

export function solve(start: Pose, vars: readonly PoseKey[], goals: readonly Goal[], stiffness = 0.0015): Pose {
	let p: Record<PoseKey, number> = { ...start };
	const residual = (q: Pose): number[] => {
		const sk = skeleton(q);
		const r = goals.flatMap((g) => [...g(sk)]);
		for (const v of vars) r.push((q[v] - start[v]) * stiffness);
		return r;
	};
	let lambda = 1e-3;
	let r0 = residual(p);
	let cost = r0.reduce((s, x) => s + x * x, 0);
	for (let iter = 0; iter < 60 && cost > 1e-10; iter++) {
		// Jacobian by central differences, one column per variable.
		const J = vars.map((v) => {
			const h = 0.25;
			const rp = residual({ ...p, [v]: p[v] + h });
			const rm = residual({ ...p, [v]: p[v] - h });
			return rp.map((x, i) => (x - (rm[i] ?? 0)) / (2 * h));
		});
		const n = vars.length;
		// Normal equations (JᵀJ + λ diag) δ = −Jᵀ r.
		const A: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => dot(J[i] ?? [], J[j] ?? [])));
		const g = J.map((col) => -dot(col, r0));
		let improved = false;
		for (let tries = 0; tries < 8; tries++) {
			const M = A.map((row, i) => row.map((x, j) => (i === j ? x * (1 + lambda) + 1e-12 : x)));
			const delta = gauss(M, g);
			const q = { ...p };
			vars.forEach((v, i) => (q[v] += delta[i] ?? 0));
			const r1 = residual(q);
			const c1 = r1.reduce((s, x) => s + x * x, 0);
			if (c1 < cost) {
				p = q;
				r0 = r1;
				cost = c1;
				lambda = Math.max(1e-7, lambda / 3);
				improved = true;
				break;
			}
			lambda *= 4;
		}
		if (!improved) break;
	}
	return p;
}

function dot(a: readonly number[], b: readonly number[]): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
	return s;
}

/** Solve a small dense linear system by Gaussian elimination with partial pivoting. */
function gauss(A: number[][], b: number[]): number[] {
	const n = b.length;
	const M = A.map((row, i) => [...row, b[i] ?? 0]);
	for (let c = 0; c < n; c++) {
		let piv = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(M[r]?.[c] ?? 0) > Math.abs(M[piv]?.[c] ?? 0)) piv = r;
		[M[c], M[piv]] = [M[piv] as number[], M[c] as number[]];
		const row = M[c] as number[];
		const d = row[c] ?? 0;
		if (Math.abs(d) < 1e-15) continue;
		for (let r = 0; r < n; r++) {
			if (r === c) continue;
			const other = M[r] as number[];
			const f = (other[c] ?? 0) / d;
			for (let k = c; k <= n; k++) other[k] = (other[k] ?? 0) - f * (row[k] ?? 0);
		}
	}
	return M.map((row, i) => {
		const d = row[i] ?? 0;
		return Math.abs(d) < 1e-15 ? 0 : (row[n] ?? 0) / d;
	});
}

/** Joint j at a point computed from the skeleton (any of x, y, z may be left free with null). */
export function at(j: JointName, target: (sk: Skeleton) => readonly [number | null, number | null, number | null]): Goal {
	return (sk) => {
		const t = target(sk);
		const p: Vec3 = sk[j];
		const out: number[] = [];
		for (let i = 0; i < 3; i++) {
			const ti = t[i];
			if (ti !== null && ti !== undefined) out.push((p[i] ?? 0) - ti);
		}
		return out;
	};
}

/** Joint j offset from joint k by d (world metres; null leaves an axis free). */
export function offset(j: JointName, k: JointName, d: readonly [number | null, number | null, number | null]): Goal {
	return at(j, (sk) => {
		const base = sk[k];
		return [d[0] === null ? null : base[0] + d[0], d[1] === null ? null : base[1] + d[1], d[2] === null ? null : base[2] + d[2]];
	});
}
