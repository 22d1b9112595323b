/** Seeding a weekly plan through the import button, and driving a plan day's players. */
import { expect, type Page } from '@playwright/test';

const DAY = 24 * 3600 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar day, as the browser (same machine, same time zone) counts it. */
export function localDay(daysAgo: number): string {
	const d = new Date(Date.now() - daysAgo * DAY);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The weekday (0 = Sunday) of a local day. */
export function localWeekday(daysAgo: number): number {
	return new Date(Date.now() - daysAgo * DAY).getDay();
}

/** Noon on a local day, as an ISO time. */
function noon(daysAgo: number): string {
	const d = new Date(Date.now() - daysAgo * DAY);
	d.setHours(12, 0, 0, 0);
	return d.toISOString();
}

export interface SeedPlan {
	/** Days since week 1 began. */
	startedDaysAgo: number;
	weekdays?: number[];
	/** Plan days already played: how long ago, the movement level and the effort answered. */
	days?: { daysAgo: number; level: number; effort: 'too-easy' | 'about-right' | 'too-hard'; before?: number; after?: number }[];
	goals?: { what: string; unit: string; tries: { daysAgo: number; amount: number }[] }[];
}

/** An export file (format 2) holding a plan, its played days and sessions, and a clear safety check. */
export function planSeedFile(seed: SeedPlan): string {
	const sessions: unknown[] = [];
	const days = (seed.days ?? []).map((d, i) => {
		const id = `seed-session-${pad(i)}-plan`;
		const before = { status: 'answered', pain: d.before ?? 3 };
		const after = { status: 'answered', pain: d.after ?? d.before ?? 3, effort: d.effort, relaxed: null, newLegSymptoms: false, note: '' };
		const at = noon(d.daysAgo);
		const end = new Date(Date.parse(at) + 9 * 60_000).toISOString();
		sessions.push({ id, routineId: 'morning-mobility', level: d.level, startedAt: at, endedAt: end, outcome: 'finished', playedMs: 540_000, plannedMs: 540_000, before, after });
		return {
			id: `seed-planday-${pad(i)}`,
			date: localDay(d.daysAgo),
			startedAt: at,
			endedAt: end,
			blocks: [{ kind: 'movement', routineId: 'morning-mobility', level: d.level, sessionId: id, outcome: 'finished' }],
			lessonId: 'hurt-is-not-harm',
			fearId: null,
			before,
			after: { ...after, relaxed: 'partly' },
			outcome: 'finished'
		};
	});
	const created = noon(seed.startedDaysAgo);
	return JSON.stringify({
		format: 'limber-progress',
		version: 2,
		exportedAt: new Date().toISOString(),
		sessions,
		choices: [],
		safety: [{ id: 'seed-screening-0001', kind: 'screening', at: noon(seed.startedDaysAgo + 1), flagged: [], outcome: 'clear' }],
		settings: null,
		plan: {
			setups: [
				{
					id: 'seed-setup-0001',
					at: created,
					startDate: localDay(seed.startedDaysAgo),
					weekdays: seed.weekdays ?? [1, 3, 5],
					time: '18:00',
					movement: 'morning-mobility',
					dailyStreak: false,
					notify: false
				}
			],
			days,
			goals: (seed.goals ?? []).map((g, i) => ({
				id: `seed-goal-${pad(i)}-0001`,
				createdAt: created,
				updatedAt: created,
				area: 'walking',
				what: g.what,
				unit: g.unit,
				perWeek: 3,
				tries: g.tries.map((t) => ({ date: localDay(t.daysAgo), amount: t.amount })),
				archived: false
			})),
			reviews: [],
			thoughts: [],
			fears: [],
			measures: [],
			tools: []
		}
	});
}

/**
 * Plays the block on screen to its end: starts it, then seeks to its last moments. `hook`
 * names what the block's player exposes (?bench): the live player its media, the
 * relaxation player its track session.
 */
export async function playBlockToEnd(page: Page, hook: 'media' | 'session'): Promise<void> {
	const state = page.getByTestId('session-state');
	await expect(state).toHaveText('Ready', { timeout: 30_000 });
	await page.waitForFunction((key) => key in ((window as unknown as { __limber?: object }).__limber ?? {}), hook);
	await expect(async () => {
		if ((await state.textContent()) === 'Ready') await page.getByRole('button', { name: 'Start', exact: true }).click();
		await expect(state).not.toHaveText('Ready', { timeout: 1000 });
	}).toPass({ timeout: 30_000 });
	await page.evaluate(() => {
		const hook = (window as unknown as {
			__limber: { engine: { seek(ms: number): boolean; timeline: { durationMs: number } }; session?: { seek(ms: number): void } };
		}).__limber;
		const target = hook.engine.timeline.durationMs - 800;
		if (hook.session) hook.session.seek(target);
		else hook.engine.seek(target);
	});
}
