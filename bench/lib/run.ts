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
