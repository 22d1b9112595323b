/** Driving a session to its check-in, and seeding history through the import button. */
import { expect, type Page } from '@playwright/test';

export async function openSession(page: Page, routine: string, level = 1): Promise<void> {
	// ?bench exposes the engine, so a test can jump to the last seconds instead of waiting.
	await page.goto(`/play/${routine}?level=${level}&bench`);
	// The live player exposes its media; the relaxation player its track session.
	await page.waitForFunction(() => {
		const hook = (window as unknown as { __limber?: object }).__limber ?? {};
		return 'media' in hook || 'session' in hook;
	});
	await expect(page.getByTestId('session-state')).toHaveText('Ready');
}

export async function painBefore(page: Page, pain: number): Promise<void> {
	await page.getByTestId('before-check-in').getByRole('radio', { name: String(pain), exact: true }).check();
}

export async function start(page: Page): Promise<void> {
	const state = page.getByTestId('session-state');
	await expect(async () => {
		if ((await state.textContent()) === 'Ready') await page.getByRole('button', { name: 'Start', exact: true }).click();
		await expect(state).not.toHaveText('Ready', { timeout: 1000 });
	}).toPass({ timeout: 30_000 });
}

/** Starts (if needed) and plays the session's last moments, so it ends as a finished session. */
export async function playToEnd(page: Page): Promise<void> {
	await start(page);
	await page.evaluate(() => {
		const hook = (window as unknown as {
			__limber: { engine: { seek(ms: number): boolean; timeline: { durationMs: number } }; session?: { seek(ms: number): void } };
		}).__limber;
		const target = hook.engine.timeline.durationMs - 800;
		// On a session track the track leads: seek it, and the engine follows.
		if (hook.session) hook.session.seek(target);
		else hook.engine.seek(target);
	});
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible({ timeout: 30_000 });
}

export interface SeedSession {
	routineId: string;
	level: number;
	daysAgo: number;
	before: number;
	after: number;
	effort?: 'too-easy' | 'about-right' | 'too-hard';
	outcome?: 'finished' | 'stopped';
	playedMin?: number;
}

/** An export file as Limber writes it, with sessions on earlier days. */
export function seedFile(sessions: SeedSession[], safety = true): string {
	const now = Date.now();
	const day = 24 * 3600 * 1000;
	return JSON.stringify({
		format: 'limber-progress',
		version: 1,
		exportedAt: new Date(now).toISOString(),
		sessions: sessions.map((s, i) => {
			const startedAt = new Date(now - s.daysAgo * day);
			const played = (s.playedMin ?? 7) * 60_000;
			return {
				id: `seed-session-${String(i).padStart(4, '0')}-${s.routineId}`,
				routineId: s.routineId,
				level: s.level,
				startedAt: startedAt.toISOString(),
				endedAt: new Date(startedAt.getTime() + played).toISOString(),
				outcome: s.outcome ?? 'finished',
				playedMs: played,
				plannedMs: played,
				before: { status: 'answered', pain: s.before },
				after: { status: 'answered', pain: s.after, effort: s.effort ?? 'about-right', relaxed: null, newLegSymptoms: false, note: '' }
			};
		}),
		choices: [],
		safety: safety
			? [{ id: 'seed-screening-0001', kind: 'screening', at: new Date(now - 30 * day).toISOString(), flagged: [], outcome: 'clear' }]
			: [],
		settings: null
	});
}

/** Imports through the history page's button, as a person would. */
export async function importText(page: Page, text: string, name = 'limber-progress.json'): Promise<void> {
	if (!page.url().endsWith('/history')) await page.goto('/history');
	await expect(page.getByTestId('import')).toBeAttached();
	await expect(page.getByRole('heading', { name: 'Keep a copy' })).toBeVisible();
	await page.getByTestId('import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}
