/** What every benchmark does first: a log with elapsed seconds, and a fresh build unless told to reuse one. */
import { prepareBuild } from './server';

export type BenchLog = (msg: string) => void;

export function benchLog(): BenchLog {
	const started = Date.now();
	return (msg) => console.log(`[${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${msg}`);
}

/** `npm run build` unless `--reuse-build` is among the arguments. */
export async function buildUnlessReused(argv: readonly string[], log: BenchLog): Promise<void> {
	const build = await prepareBuild(argv);
	if (build.built) log(`built in ${Math.round(build.ms / 1000)} s`);
}

/**
 * Where a bench writes its result: `bench/results/NAME.json` when it ran at its specified
 * settings, and `NAME.smoke.json` (not committed: .gitignore) when options changed them, so a
 * quick try can never stand in for the figures. (bench:class's committed result once had no
 * N = 1000 row because a `--sizes=100,100,500` try had overwritten it.)
 */
export function resultFile(root: string, name: string, specified: boolean): string {
	return `${root}/bench/results/${name}${specified ? '' : '.smoke'}.json`;
}
