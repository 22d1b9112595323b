import { describe, expect, it } from 'vitest';
import {
	addTallies,
	formatSummary,
	reconcileExitCode,
	tallyExitCode,
	tallyPlaywrightReport,
	tallyReportText,
	tallyVitestReport
} from '../../../scripts/lib/test-report';

// Trimmed-down reports in the shapes vitest 4 and Playwright 1.65 write.

const vitestSample = {
	numTotalTests: 5,
	numPassedTests: 2,
	numFailedTests: 1,
	success: false,
	testResults: [
		{
			name: '/repo/tests/unit/a.test.ts',
			status: 'failed',
			message: '',
			assertionResults: [
				{ fullName: 'a works', status: 'passed', failureMessages: [] },
				{ fullName: 'a breaks', status: 'failed', failureMessages: ['AssertionError'] },
				{ fullName: 'a later', status: 'skipped', failureMessages: [] }
			]
		},
		{
			name: '/repo/tests/unit/b.test.ts',
			status: 'passed',
			message: '',
			assertionResults: [
				{ fullName: 'b works', status: 'passed', failureMessages: [] },
				{ fullName: 'b someday', status: 'todo', failureMessages: [] }
			]
		}
	]
};

const vitestBrokenFile = {
	success: false,
	testResults: [
		{
			name: '/repo/tests/unit/c.test.ts',
			status: 'failed',
			message: "Failed to load url ./missing (resolved id: ./missing)\n    at somewhere",
			assertionResults: []
		}
	]
};

function playwrightSample(stats: { expected: number; unexpected: number; flaky: number; skipped: number }, errors: unknown[] = []) {
	return {
		config: { rootDir: '/repo/tests/e2e' },
		suites: [{ title: 'health.test.ts', file: 'health.test.ts', specs: [], suites: [] }],
		errors,
		stats: { startTime: '2025-01-01T00:00:00.000Z', duration: 1234, ...stats }
	};
}

describe('tallyVitestReport', () => {
	it('counts passed, failed, and skipped/todo tests', () => {
		expect(tallyVitestReport(vitestSample)).toEqual({ passed: 2, failed: 1, skipped: 2, problems: [] });
	});

	it('counts a test file that failed to load as one failure, with its message', () => {
		const tally = tallyVitestReport(vitestBrokenFile);
		expect(tally.failed).toBe(1);
		expect(tally.problems).toEqual(['/repo/tests/unit/c.test.ts: Failed to load url ./missing (resolved id: ./missing)']);
	});

	it('counts an unsuccessful run with nothing failed (e.g. no test files) as one failure', () => {
		expect(tallyVitestReport({ success: false, testResults: [] }).failed).toBe(1);
		expect(tallyVitestReport({ success: true, testResults: [] })).toEqual({ passed: 0, failed: 0, skipped: 0, problems: [] });
	});

	it('counts a report of the wrong shape as one failure', () => {
		const tally = tallyVitestReport({ stats: {} });
		expect(tally.failed).toBe(1);
		expect(tally.problems[0]).toMatch(/vitest report has an unexpected shape/);
	});
});

describe('tallyPlaywrightReport', () => {
	it('counts flaky tests as passed', () => {
		expect(tallyPlaywrightReport(playwrightSample({ expected: 3, unexpected: 1, flaky: 2, skipped: 1 }))).toEqual({
			passed: 5,
			failed: 1,
			skipped: 1,
			problems: []
		});
	});

	it('counts each error outside a test (e.g. the web server did not start) as a failure', () => {
		const tally = tallyPlaywrightReport(
			playwrightSample({ expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, [
				{ message: 'Error: Process from config.webServer exited early.\nmore', stack: '' }
			])
		);
		expect(tally.failed).toBe(1);
		expect(tally.problems).toEqual(['Playwright: Error: Process from config.webServer exited early.']);
	});

	it('counts a report without stats as one failure', () => {
		expect(tallyPlaywrightReport({ suites: [] }).failed).toBe(1);
	});
});

describe('tallyReportText', () => {
	it('counts a missing report as one failure naming the file', () => {
		const tally = tallyReportText('reports/unit.json', undefined, tallyVitestReport);
		expect(tally).toMatchObject({ passed: 0, failed: 1 });
		expect(tally.problems[0]).toMatch(/^reports\/unit\.json is missing/);
	});

	it('counts an unparsable report as one failure', () => {
		const tally = tallyReportText('reports/e2e.json', '{"stats": ', tallyPlaywrightReport);
		expect(tally.failed).toBe(1);
		expect(tally.problems[0]).toMatch(/^reports\/e2e\.json is not valid JSON/);
	});

	it('tallies a readable report', () => {
		const text = JSON.stringify(playwrightSample({ expected: 4, unexpected: 0, flaky: 0, skipped: 0 }));
		expect(tallyReportText('reports/e2e.json', text, tallyPlaywrightReport).passed).toBe(4);
	});
});

describe('exit codes', () => {
	it('turns the type check into one passed or one failed test', () => {
		expect(tallyExitCode('type check', 0)).toMatchObject({ passed: 1, failed: 0 });
		expect(tallyExitCode('type check', 2)).toMatchObject({ passed: 0, failed: 1, problems: ['type check failed (exit code 2)'] });
		expect(tallyExitCode('type check', null).failed).toBe(1);
	});

	it('adds a failure when a tool failed but its report shows none', () => {
		const clean = { passed: 3, failed: 0, skipped: 0, problems: [] };
		expect(reconcileExitCode('unit tests', clean, 0)).toBe(clean);
		expect(reconcileExitCode('unit tests', clean, 1)).toMatchObject({ passed: 3, failed: 1 });
		const failing = { ...clean, failed: 2 };
		expect(reconcileExitCode('unit tests', failing, 1)).toBe(failing);
	});
});

describe('formatSummary', () => {
	it('prints skipped only when something was skipped', () => {
		const sum = addTallies(
			{ passed: 1, failed: 0, skipped: 0, problems: [] },
			{ passed: 2, failed: 1, skipped: 0, problems: ['x'] }
		);
		expect(sum.problems).toEqual(['x']);
		expect(formatSummary(sum)).toBe('3 passed, 1 failed');
		expect(formatSummary({ ...sum, skipped: 4 })).toBe('3 passed, 1 failed, 4 skipped');
	});
});
