import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { speechPriority } from '../../../src/lib/media/voice-queue';
import { compile } from '../../../src/lib/routine/compile';
import { routineArb } from '../routine/arbitraries';
import { seededRandom } from '../playback/timeline-builder';
import { manifest, ORIGIN_MS, recordsFor, schedulerHarness } from './scheduler-harness';

describe('CueScheduler on compiled routines', () => {
	it('every sound once at its time; every spoken cue placed once, high priority never dropped; speech never overlaps', () => {
		fc.assert(
			fc.property(routineArb, fc.integer(), (routine, seed) => {
				const t = compile(routine, 1);
				const spoken = t.cues.filter((c) => speechPriority(c.kind) !== null);
				// Long enough that speech often collides: about 60 ms a character.
				const durations: Record<string, number> = {};
				for (const c of spoken) durations[c.text] = 300 + c.text.length * 60;
				const voices = manifest(durations);
				const h = schedulerHarness(t, { voices });
				h.engine.start();
				h.scheduler.tick();
				const rand = seededRandom(seed);
				while (h.engine.state !== 'finished') h.step(1 + Math.floor(rand() * 100));

				for (const c of t.cues) {
					const due = (ORIGIN_MS + c.atMs) / 1000;
					const sound = recordsFor(h.records, c.id, 'sound');
					expect(sound).toHaveLength(c.sound === null ? 0 : 1);
					for (const r of sound) {
						expect(r.dropped).toBeUndefined();
						expect(r.dueAudioSec).toBeCloseTo(due, 9);
						if (c.atMs > 0) expect(r.scheduledAudioSec).toBeCloseTo(due, 9);
					}
					const voice = recordsFor(h.records, c.id, 'voice');
					const priority = speechPriority(c.kind);
					expect(voice).toHaveLength(priority === null ? 0 : 1);
					for (const r of voice) {
						if (priority === 'high') expect(r.dropped).toBeUndefined();
						if (!r.dropped) expect(r.scheduledAudioSec ?? -1).toBeGreaterThanOrEqual(r.dueAudioSec - 1e-9);
					}
				}

				const lengthOf = new Map(Object.values(voices.voices).map((v) => [`voice:${v.files[0]}`, v.durationMs / 1000]));
				const spans = h.port
					.heard('voice')
					.map((p) => {
						const end = p.whenSec + (lengthOf.get(p.key) ?? 0);
						return [p.whenSec, Math.min(end, p.stoppedAtSec ?? end)] as const;
					})
					.sort((a, b) => a[0] - b[0]);
				for (let i = 1; i < spans.length; i++) {
					expect(spans[i]?.[0] ?? 0).toBeGreaterThanOrEqual((spans[i - 1]?.[1] ?? 0) - 1e-9);
				}
			}),
			{ numRuns: 40 }
		);
	});
});
