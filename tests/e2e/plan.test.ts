import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './screened';
import { expectNoAxeViolations } from './axe';
import { importText } from './progress-helpers';
import { localWeekday, planSeedFile, playBlockToEnd } from './plan-helpers';

/** Imports a seed file through the history page and waits until it is in. */
async function importPlan(page: Page, text: string): Promise<void> {
	await importText(page, text);
	await expect(page.getByTestId('backup-message')).toContainText('Imported');
}

// Journeys across several pages, two of them loading players, on a shared 2-core machine.
test.slow();

test('a new person sets up a 3-day plan and one goal, then plays today’s plan through its blocks to one check-in', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('today-card')).toContainText('Make my plan');
	await page.getByTestId('make-plan').click();
	const form = page.getByTestId('plan-setup');
	await expect(form).toContainText('3 chosen');
	for (const day of ['Monday', 'Wednesday', 'Friday']) await expect(form.getByLabel(day)).toBeChecked();
	await expectNoAxeViolations(page);
	await form.getByRole('button', { name: 'Make my plan' }).click();
	await expect(page.getByTestId('plan-progress')).toHaveText('0 of 3 plan days this week');

	// One goal, written with the app's help.
	await page.goto('/plan/goals');
	const goal = page.getByTestId('new-goal');
	await goal.getByLabel('Walking').check();
	await goal.getByLabel('What will you do?').fill('Walk to the park and back');
	await goal.getByRole('button', { name: 'Save goal' }).click();
	await expect(page.getByTestId('goal')).toContainText('Walk to the park and back');
	await page.getByTestId('goal-try').getByLabel(/Try 1 of 3/).fill('12');
	await page.getByTestId('goal-try').getByRole('button', { name: 'Save try' }).click();
	await expect(page.getByTestId('goal')).toContainText('12 minutes');
	await expectNoAxeViolations(page);

	// Today's plan: movement, then calming, then the lesson, then one check-in.
	await page.goto('/');
	const start = page.getByTestId('plan-start');
	await expect(start).toBeVisible();
	await page.goto(`${await start.getAttribute('href')}&bench`);
	await expect(page.getByTestId('plan-session-ready')).toContainText('Morning mobility');
	await page.getByRole('group', { name: /Before you start/ }).getByRole('radio', { name: '4', exact: true }).check();
	await page.getByTestId('plan-begin').click();
	await expect(page.getByTestId('plan-part')).toContainText('Part 1 of 3');
	await playBlockToEnd(page, 'media');
	await expect(page.getByTestId('plan-part')).toContainText('Part 2 of 3', { timeout: 30_000 });
	await expect(page.getByTestId('plan-part')).toContainText('Calming');
	await playBlockToEnd(page, 'session');
	await expect(page.getByTestId('lesson-card')).toContainText('Hurt is not the same as harm', { timeout: 60_000 });
	await expectNoAxeViolations(page);
	await page.getByTestId('plan-to-check-in').click();
	const checkIn = page.getByTestId('after-check-in');
	await checkIn.getByRole('group', { name: 'How bad is your back pain now?' }).getByRole('radio', { name: '3', exact: true }).check();
	await checkIn.getByRole('radio', { name: 'About right' }).check();
	await checkIn.getByRole('radio', { name: 'Partly' }).check();
	await checkIn.getByRole('group', { name: /new or spreading pain/ }).getByRole('radio', { name: 'No' }).check();
	await checkIn.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByTestId('plan-day-saved')).toContainText('Your plan day and check-in are saved');

	await page.getByRole('link', { name: 'Back to My plan' }).click();
	await expect(page.getByTestId('plan-progress')).toHaveText('1 of 3 plan days this week');
	// (Not "done today": a run that crosses midnight keeps the plan day on the day it began.)
	await expect(page.getByTestId('plan-weeks')).toContainText('1 of 3 plan days');
	// Each block is an ordinary session in the history; the pain pair is counted once.
	await page.goto('/history');
	await expect(page.getByTestId('session-total')).toHaveText('2 sessions');
	await expect(page.getByTestId('sessions-table')).toContainText('4 → 3');
});

test('the week’s review raises the goal by a step', async ({ page }) => {
	await importPlan(
		page,
		planSeedFile({ startedDaysAgo: 10, goals: [{ what: 'Walk to the corner shop', unit: 'minutes', tries: [{ daysAgo: 10, amount: 20 }, { daysAgo: 9, amount: 20 }, { daysAgo: 8, amount: 20 }] }] })
	);
	await page.goto('/plan');
	await expect(page.getByTestId('goals-due')).toContainText('A goal review is due');
	await page.goto('/plan/goals');
	// Three tries of 20 minutes: the average less 20 % is 16.
	await expect(page.getByTestId('goal-target')).toContainText('16 minutes');
	const review = page.getByTestId('goal-review');
	await review.getByLabel('Yes, met').check();
	await review.getByLabel('What got in the way, if anything?').fill('Rain on Tuesday');
	await review.getByLabel('Your plan for it next week').fill('Walk in the afternoon');
	await expectNoAxeViolations(page);
	await review.getByRole('button', { name: 'Save review' }).click();
	await expect(page.getByTestId('goal-message')).toContainText("next week's target is 18 minutes, up from 16");
	await expect(page.getByTestId('goal-target')).toContainText('18 minutes');
	await expect(page.getByTestId('goal-review')).toHaveCount(0);
});

test('two “too hard” check-ins keep the level, with the reason shown', async ({ page }) => {
	// Week 1 is over: three plan days at level 2, two of them too hard.
	await importPlan(
		page,
		planSeedFile({
			startedDaysAgo: 7,
			weekdays: [7, 5, 3].map(localWeekday).sort(),
			days: [
				{ daysAgo: 7, level: 2, effort: 'too-hard' },
				{ daysAgo: 5, level: 2, effort: 'about-right' },
				{ daysAgo: 3, level: 2, effort: 'too-hard' }
			]
		})
	);
	await page.goto('/plan');
	await expect(page.getByTestId('plan-reason')).toHaveText('You answered "too hard" 2 times last week, so you stay at level 2 of Morning mobility this week.');
	await expect(page.getByTestId('plan-offer')).toHaveCount(0);
	await expect(page.getByTestId('today-plan')).toContainText('Morning mobility, level 2');
	await expect(page.getByTestId('plan-weeks')).toContainText('Level kept');
	await expectNoAxeViolations(page);
});

test('a leg-symptom answer stops the plan', async ({ page }) => {
	await importPlan(page, planSeedFile({ startedDaysAgo: 0 }));
	await page.goto('/plan');
	await page.goto((await page.getByTestId('plan-start').getAttribute('href')) ?? '');
	await page.getByTestId('plan-begin').click();
	await page.getByTestId('plan-skip-part').click();
	await expect(page.getByTestId('plan-part')).toContainText('Part 2 of 3');
	await page.getByTestId('plan-skip-part').click();
	await page.getByTestId('plan-to-check-in').click();
	const checkIn = page.getByTestId('after-check-in');
	await checkIn.getByRole('group', { name: /new or spreading pain/ }).getByRole('radio', { name: 'Yes' }).check();
	await checkIn.getByRole('button', { name: 'Save' }).click();
	const dialog = page.getByTestId('help-dialog');
	await expect(dialog).toContainText('emergency');
	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(page.getByTestId('safety-hold')).toContainText('new or spreading symptoms in your leg');
	await page.goto('/plan');
	await expect(page.getByTestId('safety-hold')).toBeVisible();
	await expect(page.getByTestId('plan-start')).toHaveCount(0);
	await page.goto('/');
	await expect(page.getByTestId('today-paused')).toBeVisible();
});

test('a thought record and a fear ladder survive a reload and an export/import into a fresh browser', async ({ page, browser }, testInfo) => {
	await importPlan(page, planSeedFile({ startedDaysAgo: 21 }));
	await page.goto('/plan/thoughts');
	const form = page.getByTestId('thought-form');
	await page.getByRole('button', { name: 'Start from this example' }).first().click();
	await expect(form.getByLabel('The thought, in the words it came in')).toHaveValue('I cannot do anything anymore.');
	await form.getByLabel('The situation: where were you, what was happening?').fill('Could not finish the ironing');
	await form.getByRole('button', { name: 'Save entry' }).click();
	await expect(page.getByTestId('thought-list')).toContainText('Could not finish the ironing');
	await form.getByLabel('The thought, in the words it came in').fill('Everyone thinks I am making it up');
	await form.getByRole('button', { name: 'Save entry' }).click();
	await expect(page.getByTestId('thought-list').locator('li')).toHaveCount(2);
	await page.getByTestId('thought-search').fill('ironing');
	await expect(page.getByTestId('thought-list').locator('li')).toHaveCount(1);
	await expectNoAxeViolations(page);

	await page.goto('/plan/fears');
	const fears = page.getByTestId('fear-form');
	await fears.getByLabel('What do you avoid?').fill('Carrying the shopping home');
	await fears.getByLabel(/How worrying is it/).fill('70');
	await fears.getByRole('button', { name: 'Add to my ladder' }).click();
	await fears.getByLabel('What do you avoid?').fill('Bending to load the dishwasher');
	await fears.getByLabel(/How worrying is it/).fill('30');
	await fears.getByRole('button', { name: 'Add to my ladder' }).click();
	const ladder = page.getByTestId('fear-ladder');
	await expect(ladder.locator('li')).toHaveCount(2);
	await expect(ladder.locator('li').first()).toContainText('Bending to load the dishwasher');
	await expect(ladder.locator('li').first()).toContainText('Next to practise');
	await expect(ladder.locator('li').first()).toContainText('Bending');
	await expectNoAxeViolations(page);

	await page.reload();
	await expect(page.getByTestId('fear-ladder').locator('li')).toHaveCount(2);
	await page.goto('/plan/thoughts');
	await expect(page.getByTestId('thought-list').locator('li')).toHaveCount(2);

	// The plan's week 4 and on practise the lowest rung, with the lesson that fits it.
	await page.goto('/plan');
	await expect(page.getByTestId('today-plan')).toContainText('Bending to load the dishwasher (worry 30 of 100)');

	await page.goto('/history');
	const download = page.waitForEvent('download');
	await page.getByTestId('export').click();
	const file = await download;
	const saved = testInfo.outputPath('plan-export.json');
	await file.saveAs(saved);
	const text = await readFile(saved, 'utf8');
	expect(JSON.parse(text)).toMatchObject({ version: 2 });

	const fresh = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
	const other = await fresh.newPage();
	await importText(other, text);
	await expect(other.getByTestId('backup-message')).toContainText('Imported');
	await other.goto('/plan/thoughts');
	await expect(other.getByTestId('thought-list').locator('li')).toHaveCount(2);
	await expect(other.getByTestId('thought-list')).toContainText('Everyone thinks I am making it up');
	await other.goto('/plan/fears');
	await expect(other.getByTestId('fear-ladder').locator('li').first()).toContainText('Bending to load the dishwasher');
	await fresh.close();
});

test('the calendar file downloads, for the plan days, with no health words', async ({ page }, testInfo) => {
	await importPlan(page, planSeedFile({ startedDaysAgo: 2 }));
	await page.goto('/plan');
	const download = page.waitForEvent('download');
	await page.getByTestId('download-ics').click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('limber-sessions.ics');
	const saved = testInfo.outputPath('plan.ics');
	await file.saveAs(saved);
	const text = await readFile(saved, 'utf8');
	expect(text).toContain('BEGIN:VCALENDAR\r\n');
	expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR');
	expect(text).toContain('SUMMARY:Limber session');
	expect(text).toContain('BEGIN:VALARM');
	expect(text.toLowerCase()).not.toMatch(/pain|back|health/);
	await expect(page.getByTestId('ics-message')).toContainText('limber-sessions.ics');
});

test('the plan pages fit small phones and pass axe', async ({ page }) => {
	await importPlan(page, planSeedFile({ startedDaysAgo: 24, goals: [{ what: 'Sit through a whole film with the family', unit: 'minutes', tries: [{ daysAgo: 20, amount: 40 }, { daysAgo: 19, amount: 50 }, { daysAgo: 18, amount: 45 }] }] }));
	await page.goto('/plan');
	const session = (await page.getByTestId('plan-start').getAttribute('href')) ?? '';
	const pages = ['/', '/plan', '/plan/goals', '/plan/thoughts', '/plan/fears', '/plan/tools', '/plan/measures', session];
	for (const width of [320, 360, 390]) {
		await page.setViewportSize({ width, height: 740 });
		for (const url of pages) {
			await page.goto(url);
			await expect(page.locator('main h1, main h2').first()).toBeVisible();
			if (url === '/') {
				// The catalogue below the card is the layout issue's (routine cards at 320 px); the card is ours.
				const right = await page.getByTestId('today-card').evaluate((el) => el.getBoundingClientRect().right);
				expect(right, `the Today card is wider than ${width} px`).toBeLessThanOrEqual(width);
			} else {
				const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
				expect(scroll, `${url} scrolls sideways at ${width} px`).toBeLessThanOrEqual(inner);
			}
			if (width === 360) await expectNoAxeViolations(page);
		}
	}
});

test('the four-weekly questions: a positive PHQ-2 says to talk to a doctor, and each is charted', async ({ page }) => {
	await importPlan(page, planSeedFile({ startedDaysAgo: 1 }));
	await page.goto('/plan');
	await expect(page.getByTestId('measures-due')).toBeVisible();
	await page.goto('/plan/measures');
	const phq = page.getByTestId('measure-phq2');
	await expect(phq).toContainText('No permission required to reproduce, translate, display or distribute');
	await phq.getByRole('group', { name: 'Little interest or pleasure in doing things' }).getByLabel('More than half the days').check();
	await phq.getByRole('group', { name: 'Feeling down, depressed, or hopeless' }).getByLabel('Several days').check();
	await phq.getByRole('button', { name: 'Save answers' }).click();
	await expect(page.getByTestId('measure-result-phq2')).toContainText('Saved: 3 of 6');
	await expect(page.getByTestId('measure-result-phq2')).toContainText('Please talk to your doctor');
	await expect(page.getByTestId('measure-result-phq2')).toContainText('not a diagnosis');
	await expect(phq.getByRole('img')).toHaveAttribute('aria-label', /Week 1 3 score/);

	const rmdq = page.getByTestId('measure-rmdq');
	await rmdq.getByLabel('I walk more slowly than usual because of my back.').check();
	await rmdq.getByLabel('I sleep less well because of my back.').check();
	await rmdq.getByRole('button', { name: 'Save answers' }).click();
	await expect(page.getByTestId('measure-result-rmdq')).toContainText('Saved: 2 of 24');
	await expectNoAxeViolations(page);
	await page.goto('/plan');
	await expect(page.getByTestId('measures-due')).toHaveCount(0);
});
