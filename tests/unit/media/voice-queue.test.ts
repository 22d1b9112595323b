import { describe, expect, it } from 'vitest';
import {
	placeSpeech,
	speechPriority,
	VOICE_RULES,
	type ScheduledSpeech,
	type SpeechPlacement,
	type SpeechRequest
} from '../../../src/lib/media/voice-queue';
import type { CueKind } from '../../../src/lib/routine/timeline';

const { gapSec, fadeSec, minFadeSec } = VOICE_RULES;

/** A 2 s utterance from 10 s to 12 s is "in front" in most rows. */
const front: ScheduledSpeech = { id: 'a', startSec: 10, endSec: 12 };
const req = (over: Partial<SpeechRequest>): SpeechRequest => ({
	dueSec: 11,
	durationSec: 1,
	priority: 'low',
	latestStartSec: 100,
	nowSec: 10.9,
	...over
});

interface Row {
	readonly name: string;
	readonly request: SpeechRequest;
	readonly scheduled: readonly ScheduledSpeech[];
	readonly expected: SpeechPlacement;
}

const rows: Row[] = [
	{
		name: 'nothing in front: on time',
		request: req({ dueSec: 11 }),
		scheduled: [],
		expected: { action: 'play', startSec: 11, reason: 'clear', cuts: [] }
	},
	{
		name: 'speech that has ended by the due time does not count',
		request: req({ dueSec: 12 }),
		scheduled: [front],
		expected: { action: 'play', startSec: 12, reason: 'clear', cuts: [] }
	},
	{
		name: 'small delay: queued a breath after the speech in front',
		request: req({ dueSec: 11 }),
		scheduled: [front],
		expected: { action: 'play', startSec: 12 + gapSec, reason: 'queued', cuts: [] }
	},
	{
		name: 'queued behind the last of several (including one already queued)',
		request: req({ dueSec: 11.5 }),
		scheduled: [front, { id: 'b', startSec: 12.15, endSec: 12.6 }],
		expected: { action: 'play', startSec: 12.6 + gapSec, reason: 'queued', cuts: [] }
	},
	{
		name: 'delay exactly at the limit still queues',
		request: req({ dueSec: 12 + gapSec - VOICE_RULES.maxQueueDelaySec }),
		scheduled: [front],
		expected: { action: 'play', startSec: 12 + gapSec, reason: 'queued', cuts: [] }
	},
	{
		name: 'low priority, delay too long: dropped',
		request: req({ dueSec: 10.2, priority: 'low' }),
		scheduled: [front],
		expected: { action: 'drop', reason: 'voice-busy' }
	},
	{
		name: 'low priority, small delay but past its segment end: dropped',
		request: req({ dueSec: 11, priority: 'low', latestStartSec: 12 }),
		scheduled: [front],
		expected: { action: 'drop', reason: 'voice-busy' }
	},
	{
		name: 'high priority, small delay inside its segment: queued, not interrupting',
		request: req({ dueSec: 11, priority: 'high' }),
		scheduled: [front],
		expected: { action: 'play', startSec: 12 + gapSec, reason: 'queued', cuts: [] }
	},
	{
		name: 'high priority, delay too long: on time, the speech in front fades out just before it',
		request: req({ dueSec: 10.2, priority: 'high', nowSec: 10.05 }),
		scheduled: [front],
		expected: { action: 'play', startSec: 10.2, reason: 'interrupts', cuts: [{ id: 'a', endSec: 10.2, fadeSec }] }
	},
	{
		name: 'high priority past its segment end: interrupts instead of queueing',
		request: req({ dueSec: 11, priority: 'high', latestStartSec: 11.5, nowSec: 10.5 }),
		scheduled: [front],
		expected: { action: 'play', startSec: 11, reason: 'interrupts', cuts: [{ id: 'a', endSec: 11, fadeSec }] }
	},
	{
		name: 'high priority cancels speech queued behind the one it cuts',
		request: req({ dueSec: 10.2, priority: 'high', nowSec: 10 }),
		scheduled: [front, { id: 'b', startSec: 12.15, endSec: 13 }],
		expected: {
			action: 'play',
			startSec: 10.2,
			reason: 'interrupts',
			cuts: [
				{ id: 'a', endSec: 10.2, fadeSec },
				{ id: 'b', endSec: 12.15, fadeSec: 0 }
			]
		}
	},
	{
		name: 'high priority already late: starts once a minimal fade fits, not in the past',
		request: req({ dueSec: 10.2, priority: 'high', nowSec: 10.5 }),
		scheduled: [front],
		expected: { action: 'play', startSec: 10.5 + minFadeSec, reason: 'interrupts', cuts: [{ id: 'a', endSec: 10.5 + minFadeSec, fadeSec: minFadeSec }] }
	},
	{
		name: 'high priority with little time before it: on time, with a shorter fade starting now',
		request: req({ dueSec: 10.2, priority: 'high', nowSec: 10.15 }),
		scheduled: [front],
		expected: { action: 'play', startSec: 10.2, reason: 'interrupts', cuts: [{ id: 'a', endSec: 10.2, fadeSec: 0.05 }] }
	},
	{
		name: 'the fade never starts before the speech it fades',
		request: req({ dueSec: 10.25, priority: 'high', nowSec: 10 }),
		scheduled: [{ id: 'a', startSec: 10.2, endSec: 12 }],
		expected: { action: 'play', startSec: 10.25, reason: 'interrupts', cuts: [{ id: 'a', endSec: 10.25, fadeSec: 0.05 }] }
	}
];

describe('placeSpeech (the voice-queue rule)', () => {
	it.each(rows)('$name', ({ request, scheduled, expected }) => {
		const got = placeSpeech(request, scheduled);
		if (expected.action === 'drop' || got.action === 'drop') {
			expect(got).toEqual(expected);
			return;
		}
		expect(got.action).toBe('play');
		expect(got.reason).toBe(expected.reason);
		expect(got.startSec).toBeCloseTo(expected.startSec, 9);
		expect(got.cuts.length).toBe(expected.cuts.length);
		got.cuts.forEach((c, i) => {
			const e = expected.cuts[i];
			expect(c.id).toBe(e?.id);
			expect(c.endSec).toBeCloseTo(e?.endSec ?? Number.NaN, 9);
			expect(c.fadeSec).toBeCloseTo(e?.fadeSec ?? Number.NaN, 9);
		});
	});

	it('never returns a start before the due time or overlapping what it does not cut', () => {
		for (const due of [9, 10, 10.5, 11, 11.9, 12, 13]) {
			for (const priority of ['low', 'high'] as const) {
				const got = placeSpeech(req({ dueSec: due, priority, nowSec: Math.min(due, 10) }), [front]);
				if (got.action === 'drop') continue;
				expect(got.startSec).toBeGreaterThanOrEqual(due);
				const frontEnd = got.cuts.find((c) => c.id === 'a')?.endSec ?? front.endSec;
				if (frontEnd > front.startSec) expect(frontEnd).toBeLessThanOrEqual(got.startSec);
			}
		}
	});
});

describe('speechPriority', () => {
	const table: [CueKind, 'high' | 'low' | null][] = [
		['countdown', null],
		['halfway', 'low'],
		['breathe', 'low'],
		['prompt', 'low'],
		['step-end', 'low'],
		['step-start', 'high'],
		['switch-sides', 'high'],
		['phase', 'high'],
		['next-up', 'high'],
		['rest', 'high'],
		['count-in', 'high'],
		['session-end', 'high'],
		['education', 'high']
	];
	it.each(table)('%s → %s', (kind, priority) => {
		expect(speechPriority(kind)).toBe(priority);
	});
});
