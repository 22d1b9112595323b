import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** A heading per violation, then each offending element with axe's advice indented under it. */
function describeViolation(violation: Violation): string {
	const heading = `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help} (${violation.helpUrl})`;
	const nodes = violation.nodes.map((node) => {
		const advice = (node.failureSummary ?? '').split('\n').map((line) => `      ${line.trim()}`);
		return [`    at ${node.target.join(' ')}`, ...advice].join('\n');
	});
	return [heading, ...nodes].join('\n');
}

/** Fails the test if axe finds WCAG 2.1 A/AA problems on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
	const report = results.violations.map(describeViolation).join('\n');
	expect(results.violations.length, `Accessibility violations on ${page.url()}:\n${report}`).toBe(0);
}
