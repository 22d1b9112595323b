/**
 * One real session of the relaxation player (session track in an <audio> element), in
 * Chromium with its background throttling on and the page hidden (emulated policy), start
 * to finish. Returns raw samples of the element's position against performance.now(), the
 * timeline's cues and the engine's cue events, for analyse-track.ts.
 */
import type { Browser } from '@playwright/test';
import { NAME_SHIM, pageScript } from '../lib/page-script';
import { HIDDEN_POLICY } from '../sync/config';
import { answerSafetyCheck } from '../lib/safety-check';

export interface PositionSample {
	/** performance.now() in the page, ms. */
	readonly perfMs: number;
	/** The element's currentTime, s. */
	readonly trackSec: number;
	readonly paused: boolean;
	readonly state: string;
}

export interface TrackCue {
	readonly id: string;
	readonly atMs: number;
	readonly kind: string;
}

export interface CueEventSeen {
	readonly id: string;
	readonly atMs: number;
	/** performance.now() when the page's engine reported it (caption and lock screen update). */
	readonly perfMs: number;
	readonly lateMs: number;
}

export interface TrackRun {
	readonly label: string;
	readonly durationMs: number;
	readonly hiddenForMs: number;
	readonly cues: readonly TrackCue[];
	readonly samples: readonly PositionSample[];
	readonly cueEvents: readonly CueEventSeen[];
	/** Pauses of the element the bench did not ask for (it would be a missed stretch of audio). */
	readonly unexpectedPauses: number;
	readonly finished: boolean;
	readonly pageErrors: readonly string[];
}

export interface TrackRunOptions {
	readonly label: string;
	readonly baseUrl: string;
	readonly routine: { readonly id: string; readonly level: number };
	readonly hideAfterMs: number;
	/** How often the bench reads the element's position. */
	readonly sampleMs: number;
	readonly log: (msg: string) => void;
}

interface PageGlobals {
	__limber?: {
		engine: { state: string; timeline: { durationMs: number; cues: TrackCue[] }; on(t: 'cue', h: (e: { cue: TrackCue; lateMs: number }) => void): () => void };
		track: HTMLAudioElement;
	};
	__benchHidden?: { hide(): void; hiddenForMs(): number };
	__benchCueEvents?: CueEventSeen[];
	__benchPauses?: number;
}

export async function runTrack(browser: Browser, opts: TrackRunOptions): Promise<TrackRun> {
	const context = await browser.newContext();
	await context.addInitScript({ content: NAME_SHIM });
	await context.addInitScript({ content: `localStorage.setItem('limber.volume.v1', ${JSON.stringify(JSON.stringify({ voice: 1, sounds: 1, ambience: 0, muted: false }))});` });
	await context.addInitScript({ content: pageScript('hidden-policy.ts', HIDDEN_POLICY) });
	const page = await context.newPage();
	const pageErrors: string[] = [];
	page.on('pageerror', (e) => pageErrors.push(e.message));
	try {
		await page.goto(`${opts.baseUrl}/play/${opts.routine.id}?level=${opts.routine.level}&bench`);
		await answerSafetyCheck(page);
		await page.waitForFunction(() => Boolean((window as unknown as PageGlobals).__limber?.track));
		await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
		const timeline = await page.evaluate(() => {
			const w = window as unknown as PageGlobals;
			const l = w.__limber;
			if (!l) throw new Error('no bench hook');
			w.__benchCueEvents = [];
			w.__benchPauses = 0;
			l.engine.on('cue', (e) => w.__benchCueEvents?.push({ id: e.cue.id, atMs: e.cue.atMs, perfMs: performance.now(), lateMs: e.lateMs }));
			l.track.addEventListener('pause', () => {
				if (!l.track.ended) w.__benchPauses = (w.__benchPauses ?? 0) + 1;
			});
			return { durationMs: l.engine.timeline.durationMs, cues: l.engine.timeline.cues.map((c) => ({ id: c.id, atMs: c.atMs, kind: c.kind })) };
		});
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		opts.log(`${opts.label}: started, ${Math.round(timeline.durationMs / 1000)} s session`);
		const samples: PositionSample[] = [];
		const startedAt = Date.now();
		const deadline = startedAt + timeline.durationMs + 60_000;
		let hidden = false;
		let finished = false;
		let lastLog = 0;
		while (Date.now() < deadline) {
			const elapsed = Date.now() - startedAt;
			if (!hidden && elapsed >= opts.hideAfterMs) {
				await page.evaluate(() => (window as unknown as PageGlobals).__benchHidden?.hide());
				hidden = true;
				opts.log(`${opts.label}: page hidden (emulated policy)`);
			}
			const s = await page.evaluate(() => {
				const l = (window as unknown as PageGlobals).__limber;
				return { perfMs: performance.now(), trackSec: l?.track.currentTime ?? 0, paused: l?.track.paused ?? true, state: l?.engine.state ?? 'none' };
			});
			samples.push(s);
			if (s.state === 'finished' || s.state === 'stopped') {
				finished = s.state === 'finished';
				break;
			}
			if (elapsed - lastLog >= 60_000) {
				lastLog = elapsed;
				opts.log(`${opts.label}: ${Math.round(s.trackSec)} s of ${Math.round(timeline.durationMs / 1000)} s, ${s.state}`);
			}
			await page.waitForTimeout(opts.sampleMs);
		}
		const tail = await page.evaluate(() => {
			const w = window as unknown as PageGlobals;
			return { hiddenForMs: w.__benchHidden?.hiddenForMs() ?? 0, cueEvents: w.__benchCueEvents ?? [], pauses: w.__benchPauses ?? 0 };
		});
		opts.log(`${opts.label}: ${finished ? 'finished' : 'did not finish'}, hidden ${Math.round(tail.hiddenForMs / 1000)} s`);
		return {
			label: opts.label,
			durationMs: timeline.durationMs,
			hiddenForMs: tail.hiddenForMs,
			cues: timeline.cues,
			samples,
			cueEvents: tail.cueEvents,
			unexpectedPauses: tail.pauses,
			finished,
			pageErrors
		};
	} finally {
		await context.close();
	}
}
