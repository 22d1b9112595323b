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
	/** The element's own `ended` flag: it played through to the end of its media. */
	readonly ended: boolean;
	readonly state: string;
}

export interface TrackCue {
	readonly id: string;
	readonly atMs: number;
	readonly kind: string;
	readonly text: string;
}

export interface CueEventSeen {
	readonly id: string;
	readonly atMs: number;
	/** performance.now() when the page's engine reported it (caption and lock screen update). */
	readonly perfMs: number;
	readonly lateMs: number;
}

/** What became of the element at the end: it played to its end, or its media was taken away (the player removed). */
export interface ElementEndEvent {
	readonly type: 'ended' | 'emptied';
	readonly perfMs: number;
	/** The element's position then, s ('emptied' reads 0: the media is already gone). */
	readonly trackSec: number;
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
	/** The track's own length (the element's duration), longer than the timeline by its closing words and tail; null if unknown. */
	readonly trackDurationMs: number | null;
	readonly endEvents: readonly ElementEndEvent[];
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

/**
 * After the engine finishes, how long past the rest of the track reading goes on at most,
 * for an element that neither ends nor pauses.
 */
const PLAY_OUT_MARGIN_MS = 5000;

interface PageGlobals {
	__limber?: {
		engine: { state: string; timeline: { durationMs: number; cues: TrackCue[] }; on(t: 'cue', h: (e: { cue: TrackCue; lateMs: number }) => void): () => void };
		track: HTMLAudioElement;
	};
	__benchHidden?: { hide(): void; hiddenForMs(): number };
	__benchCueEvents?: CueEventSeen[];
	__benchPauses?: number;
	__benchEndEvents?: ElementEndEvent[];
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
			w.__benchEndEvents = [];
			// Removing the player clears the element's source, which drops its queued 'pause'
			// event: 'emptied' is what shows that it was taken away.
			for (const type of ['ended', 'emptied'] as const) {
				l.track.addEventListener(type, () => w.__benchEndEvents?.push({ type, perfMs: performance.now(), trackSec: l.track.currentTime }));
			}
			return { durationMs: l.engine.timeline.durationMs, cues: l.engine.timeline.cues.map((c) => ({ id: c.id, atMs: c.atMs, kind: c.kind, text: c.text })) };
		});
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		opts.log(`${opts.label}: started, ${Math.round(timeline.durationMs / 1000)} s session`);
		const samples: PositionSample[] = [];
		const startedAt = Date.now();
		const deadline = startedAt + timeline.durationMs + 60_000;
		let hidden = false;
		let finished = false;
		let trackDurationMs: number | null = null;
		/** Once the engine has finished: reading goes on until the track stops, or this wall time. */
		let playOutDeadline: number | null = null;
		let lastLog = 0;
		while (Date.now() < deadline) {
			const elapsed = Date.now() - startedAt;
			if (!hidden && elapsed >= opts.hideAfterMs) {
				await page.evaluate(() => (window as unknown as PageGlobals).__benchHidden?.hide());
				hidden = true;
				opts.log(`${opts.label}: page hidden (emulated policy)`);
			}
			const { durationSec, ...s } = await page.evaluate(() => {
				const l = (window as unknown as PageGlobals).__limber;
				return {
					perfMs: performance.now(),
					trackSec: l?.track.currentTime ?? 0,
					paused: l?.track.paused ?? true,
					ended: l?.track.ended ?? false,
					state: l?.engine.state ?? 'none',
					durationSec: l?.track.duration ?? Number.NaN
				};
			});
			samples.push(s);
			if (s.state === 'stopped') break;
			// The last cue is due at the timeline's end, where the engine finishes, and the track
			// goes on with its words: keep reading until the element stops, so the rows show
			// whether it played through that cue and how far, rather than the engine's word.
			if (s.state === 'finished') {
				if (!finished) {
					finished = true;
					trackDurationMs = Number.isFinite(durationSec) ? durationSec * 1000 : null;
					const leftMs = trackDurationMs === null ? 0 : Math.max(0, trackDurationMs - s.trackSec * 1000);
					playOutDeadline = Date.now() + leftMs + PLAY_OUT_MARGIN_MS;
				}
				if (s.paused || s.ended || Date.now() >= (playOutDeadline ?? 0)) break;
			}
			if (elapsed - lastLog >= 60_000) {
				lastLog = elapsed;
				opts.log(`${opts.label}: ${Math.round(s.trackSec)} s of ${Math.round(timeline.durationMs / 1000)} s, ${s.state}`);
			}
			await page.waitForTimeout(opts.sampleMs);
		}
		const tail = await page.evaluate(() => {
			const w = window as unknown as PageGlobals;
			return { hiddenForMs: w.__benchHidden?.hiddenForMs() ?? 0, cueEvents: w.__benchCueEvents ?? [], pauses: w.__benchPauses ?? 0, endEvents: w.__benchEndEvents ?? [] };
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
			trackDurationMs,
			endEvents: tail.endEvents,
			pageErrors
		};
	} finally {
		await context.close();
	}
}
