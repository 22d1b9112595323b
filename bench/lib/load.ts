/**
 * The machine's load while the bench runs. Timing figures from a browser depend on how much
 * CPU it gets: a 1-minute load average above the CPU count means runnable threads (the
 * audio renderer among them) had to wait. Recorded so a figure can be read with it.
 */
import { cpus, loadavg } from 'node:os';
import { round } from './stats';

export interface LoadFigures {
	readonly cpu_count: number;
	readonly load_1m_min: number | null;
	readonly load_1m_mean: number | null;
	readonly load_1m_max: number | null;
}

export function sampleLoad(everyMs = 5000): () => LoadFigures {
	const samples: number[] = [loadavg()[0] ?? 0];
	const timer = setInterval(() => samples.push(loadavg()[0] ?? 0), everyMs);
	return () => {
		clearInterval(timer);
		return {
			cpu_count: cpus().length,
			load_1m_min: round(Math.min(...samples)),
			load_1m_mean: round(samples.reduce((a, b) => a + b, 0) / samples.length),
			load_1m_max: round(Math.max(...samples))
		};
	};
}
