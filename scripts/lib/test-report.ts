/**
 * Turns the JSON reports of vitest and Playwright (and the exit codes of the tools)
 * into one tally for `npm test`. Pure: no file or process access, so it is unit-tested
 * with small report samples.
 *
 * Anything that went wrong but is not a failed test (a missing report, a test file
 * that did not load, a web server that did not start) counts as one failure, so the
 * summary never says "0 failed" for a run that failed.
 */
import * as z from 'zod';

export interface Tally {
	readonly passed: number;
	readonly failed: number;
	readonly skipped: number;
	/** One line for each failure that is not a failed test, explaining it. */
	readonly problems: readonly string[];
}

export const EMPTY_TALLY: Tally = { passed: 0, failed: 0, skipped: 0, problems: [] };

export function addTallies(...tallies: readonly Tally[]): Tally {
	return tallies.reduce(
		(sum, t) => ({
			passed: sum.passed + t.passed,
			failed: sum.failed + t.failed,
			skipped: sum.skipped + t.skipped,
			problems: [...sum.problems, ...t.problems]
		}),
		EMPTY_TALLY
	);
}

function problem(message: string): Tally {
	return { ...EMPTY_TALLY, failed: 1, problems: [message] };
}

/** `N passed, N failed`, plus `, N skipped` only when something was skipped. */
export function formatSummary(tally: Tally): string {
	const base = `${tally.passed} passed, ${tally.failed} failed`;
	return tally.skipped > 0 ? `${base}, ${tally.skipped} skipped` : base;
}

/** A step without a report (the type check) is one test: it passed or it failed. */
export function tallyExitCode(label: string, exitCode: number | null): Tally {
	return exitCode === 0 ? { ...EMPTY_TALLY, passed: 1 } : problem(`${label} failed (exit code ${String(exitCode)})`);
}

/**
 * A tool can fail without a failed test (vitest's unhandled errors, Playwright's
 * global timeout): then the exit code is the only evidence, and it counts once.
 */
export function reconcileExitCode(label: string, tally: Tally, exitCode: number | null): Tally {
	if (exitCode === 0 || tally.failed > 0) return tally;
	return addTallies(tally, problem(`${label} exited with code ${String(exitCode)} but its report shows no failed test`));
}

// Only the fields we count are described; everything else in the reports is ignored.

const vitestReport = z.object({
	success: z.boolean(),
	testResults: z.array(
		z.object({
			name: z.string(),
			status: z.string(),
			message: z.string().optional(),
			assertionResults: z.array(z.object({ status: z.string() }))
		})
	)
});

const playwrightReport = z.object({
	stats: z.object({
		expected: z.number(),
		unexpected: z.number(),
		flaky: z.number(),
		skipped: z.number()
	}),
	errors: z.array(z.object({ message: z.string().optional() }))
});

function firstLine(text: string): string {
	return text.split('\n', 1)[0] ?? '';
}

/** vitest's `json` reporter: one entry per test file, one assertion result per test. */
export function tallyVitestReport(report: unknown): Tally {
	const parsed = vitestReport.safeParse(report);
	if (!parsed.success) return problem(`vitest report has an unexpected shape: ${z.prettifyError(parsed.error)}`);
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	const problems: string[] = [];
	for (const file of parsed.data.testResults) {
		let failedHere = 0;
		for (const test of file.assertionResults) {
			if (test.status === 'passed') passed++;
			else if (test.status === 'failed') failedHere++;
			else skipped++; // skipped, pending, todo
		}
		failed += failedHere;
		// A file that failed with no failed test did not load, or a hook outside any test threw.
		if (file.status === 'failed' && failedHere === 0) {
			failed++;
			problems.push(`${file.name}: ${firstLine(file.message ?? '') || 'failed outside any test'}`);
		}
	}
	if (!parsed.data.success && failed === 0) {
		failed++;
		problems.push('vitest reported failure without a failed test (no test files found?)');
	}
	return { passed, failed, skipped, problems };
}

/** Playwright's `json` reporter: a flaky test passed on retry, so it counts as passed. */
export function tallyPlaywrightReport(report: unknown): Tally {
	const parsed = playwrightReport.safeParse(report);
	if (!parsed.success) return problem(`Playwright report has an unexpected shape: ${z.prettifyError(parsed.error)}`);
	const { stats, errors } = parsed.data;
	// Errors outside tests: config, web server, global setup, files that did not load.
	const problems = errors.map((error) => `Playwright: ${firstLine(error.message ?? '') || 'error outside any test'}`);
	return {
		passed: stats.expected + stats.flaky,
		failed: stats.unexpected + errors.length,
		skipped: stats.skipped,
		problems
	};
}

/**
 * Tallies a report file's text; `undefined` means the file could not be read.
 * A missing or unparsable report is one failure: the tool crashed before writing it.
 */
export function tallyReportText(
	file: string,
	text: string | undefined,
	tallyReport: (report: unknown) => Tally
): Tally {
	if (text === undefined) return problem(`${file} is missing: the tool stopped before writing its report`);
	let report: unknown;
	try {
		report = JSON.parse(text);
	} catch (error) {
		return problem(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
	}
	return tallyReport(report);
}
