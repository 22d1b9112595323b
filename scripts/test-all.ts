/**
 * `npm test`: the type check, the unit tests and the end-to-end tests, in that order,
 * each one even if an earlier one failed, then one summary. The last line printed is
 * always `N passed, N failed` (`, N skipped` when any were skipped), and the exit
 * code is non-zero when anything failed.
 */
import { readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import {
	addTallies,
	formatSummary,
	reconcileExitCode,
	tallyExitCode,
	tallyPlaywrightReport,
	tallyReportText,
	tallyVitestReport,
	type Tally
} from './lib/test-report';

interface Step {
	readonly label: string;
	readonly npmScript: string;
	/** The JSON report the step writes; none means the step counts as one test. */
	readonly report?: { readonly file: string; readonly tally: (report: unknown) => Tally };
	readonly env?: Readonly<Record<string, string>>;
}

const steps: readonly Step[] = [
	{ label: 'type check', npmScript: 'check' },
	{ label: 'unit tests', npmScript: 'test:unit', report: { file: 'reports/unit.json', tally: tallyVitestReport } },
	// The timed files run after the rest, alone on the machine (see TIMED in playwright.config.ts).
	{ label: 'e2e tests', npmScript: 'test:e2e', env: { LIMBER_E2E_PHASE: 'shared' }, report: { file: 'reports/e2e.json', tally: tallyPlaywrightReport } },
	{ label: 'timed e2e tests, alone', npmScript: 'test:e2e', env: { LIMBER_E2E_PHASE: 'alone' }, report: { file: 'reports/e2e-alone.json', tally: tallyPlaywrightReport } }
];

function readText(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

function runStep(step: Step): Tally {
	// A report left over from an earlier run must not stand in for one this run failed to write.
	if (step.report) rmSync(step.report.file, { force: true });
	console.log(`\n=== ${step.label} (npm run ${step.npmScript}) ===`);
	const run = spawnSync('npm', ['run', step.npmScript], { stdio: 'inherit', env: { ...process.env, ...step.env } });
	if (run.error) console.error(`could not start npm: ${run.error.message}`);
	const exitCode = run.status;
	if (!step.report) return tallyExitCode(step.label, exitCode);
	const tally = tallyReportText(step.report.file, readText(step.report.file), step.report.tally);
	return reconcileExitCode(step.label, tally, exitCode);
}

const results = steps.map((step) => ({ step, tally: runStep(step) }));
const total = addTallies(...results.map((r) => r.tally));

console.log('\n=== summary ===');
for (const { step, tally } of results) console.log(`${step.label}: ${formatSummary(tally)}`);
for (const line of total.problems) console.log(`problem: ${line}`);
console.log(formatSummary(total));
process.exitCode = total.failed > 0 ? 1 : 0;
