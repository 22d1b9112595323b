import { describe, expect, it } from 'vitest';
import { COMMAND_LEAD_MS, type LiveCommand, type LiveState } from '$lib/classroom/protocol';
import { applyCommand, blockStartAt } from '$lib/server/classroom/apply-command';
import type { Timeline } from '$lib/routine/timeline';
import { buildTimeline } from '../../playback/timeline-builder';

/**
 * Steps: 0 "Tilt" 0–10 s; 1 "Hug" 10–40 s as two sets (work 10–20, rest 20–25 in set 1;
 * work 25–40 in set 2); 2 "Talk" 40–60 s. Total 60 s.
 */
function classTimeline(): Timeline {
	const t = buildTimeline(
		[
			{ title: 'Tilt', segments: [{ kind: 'work', ms: 10_000 }] },
			{
				title: 'Hug',
				segments: [
					{ kind: 'work', ms: 10_000 },
					{ kind: 'rest', ms: 5_000 },
					{ kind: 'work', ms: 15_000 }
				]
			},
			{ title: 'Talk', kind: 'education', segments: [{ kind: 'education', ms: 20_000 }] }
		],
		{ sessionEndCue: false }
	);
	const sets = [1, 1, 1, 2, 1];
	return { ...t, segments: t.segments.map((s, i) => ({ ...s, set: sets[i] ?? 1, setCount: s.stepIndex === 1 ? 2 : 1 })) };
}

const timeline = classTimeline();
const NOW = 1_000_000;
const AT = NOW + COMMAND_LEAD_MS;

function state(status: LiveState['status'], positionMs: number, anchorServerMs = NOW): LiveState {
	return { lessonId: 'l1', code: 'ACDEFG', routineId: 'r', level: 1, status, positionMs, anchorServerMs, seq: 7 };
}

type Row = [label: string, before: LiveState, command: LiveCommand, status: LiveState['status'], positionMs: number];

describe('applyCommand: changes land at serverNow + COMMAND_LEAD_MS with seq + 1', () => {
	const rows: Row[] = [
		['start from waiting plays from the chosen position', state('waiting', 0), { type: 'start' }, 'playing', 0],
		['start from waiting after a jump begins at that step', state('waiting', 10_000), { type: 'start' }, 'playing', 10_000],
		// Playing at 5 s anchored at NOW: at the effect instant the class is at 5.3 s.
		['pause freezes the position at the anchor instant', state('playing', 5_000), { type: 'pause' }, 'paused', 5_000 + COMMAND_LEAD_MS],
		['resume continues from where it froze', state('paused', 7_000, NOW - 60_000), { type: 'resume' }, 'playing', 7_000],
		['next lands on the next step start', state('playing', 3_000), { type: 'next' }, 'playing', 10_000],
		['next while paused stays paused', state('paused', 12_000), { type: 'next' }, 'paused', 40_000],
		['previous early in a step goes to the step before', state('playing', 11_000), { type: 'previous' }, 'playing', 0],
		['previous late in a step restarts it', state('paused', 30_000), { type: 'previous' }, 'paused', 10_000],
		['previous in the first step restarts it', state('paused', 1_000), { type: 'previous' }, 'paused', 0],
		['seekToStep lands on that step start', state('playing', 1_000), { type: 'seekToStep', step: 2 }, 'playing', 40_000],
		['restartBlock in set 2 goes to set 2 start', state('playing', 30_000), { type: 'restartBlock' }, 'playing', 25_000],
		['restartBlock in the rest after set 1 goes to set 1 start', state('paused', 22_000), { type: 'restartBlock' }, 'paused', 10_000],
		['restartBlock in a one-part step goes to the step start', state('playing', 50_000), { type: 'restartBlock' }, 'playing', 40_000],
		['end freezes where the class is', state('playing', 20_000), { type: 'end' }, 'ended', 20_000 + COMMAND_LEAD_MS],
		['end while waiting ends at 0', state('waiting', 0), { type: 'end' }, 'ended', 0]
	];
	it.each(rows)('%s', (_label, before, command, status, positionMs) => {
		const result = applyCommand(before, command, timeline, NOW);
		expect(result.kind).toBe('changed');
		if (result.kind !== 'changed') return;
		expect(result.state).toEqual({ ...before, status, positionMs, anchorServerMs: AT, seq: before.seq + 1 });
	});
});

describe('applyCommand: nothing to do is not an error and keeps seq', () => {
	const rows: [string, LiveState, LiveCommand][] = [
		['start while playing', state('playing', 3_000), { type: 'start' }],
		['pause while paused', state('paused', 3_000), { type: 'pause' }],
		['pause while waiting', state('waiting', 0), { type: 'pause' }],
		['resume while playing', state('playing', 3_000), { type: 'resume' }],
		['next on the last step', state('playing', 45_000), { type: 'next' }]
	];
	it.each(rows)('%s', (_label, before, command) => {
		expect(applyCommand(before, command, timeline, NOW)).toEqual({ kind: 'unchanged', state: before });
	});
});

describe('applyCommand: refusals', () => {
	it.each<LiveCommand>([{ type: 'start' }, { type: 'resume' }, { type: 'next' }, { type: 'end' }, { type: 'seekToStep', step: 0 }])(
		'refuses %o after the lesson ended',
		(command) => {
			const result = applyCommand(state('ended', 5_000), command, timeline, NOW);
			expect(result).toMatchObject({ kind: 'refused', reason: 'ended' });
		}
	);
	it.each([-1, 3, 1.5, Number.NaN])('refuses seekToStep %s with the valid range in the message', (step) => {
		const result = applyCommand(state('playing', 0), { type: 'seekToStep', step }, timeline, NOW);
		expect(result).toMatchObject({ kind: 'refused', reason: 'invalid' });
		if (result.kind === 'refused') expect(result.message).toContain('0 to 2');
	});
});

describe('applyCommand past the end of the routine', () => {
	it('pauses at the routine end, not beyond it', () => {
		const result = applyCommand(state('playing', 59_000, NOW - 10_000), { type: 'pause' }, timeline, NOW);
		expect(result).toMatchObject({ kind: 'changed', state: { status: 'paused', positionMs: 60_000 } });
	});
	it('previous after the end goes back within the last step', () => {
		const result = applyCommand(state('playing', 70_000), { type: 'previous' }, timeline, NOW);
		expect(result).toMatchObject({ kind: 'changed', state: { positionMs: 40_000 } });
	});
});

describe('blockStartAt', () => {
	it.each([
		[0, 0],
		[9_999, 0],
		[10_000, 10_000],
		[24_999, 10_000],
		[25_000, 25_000],
		[39_999, 25_000],
		[60_000, 40_000]
	])('at %i ms the block starts at %i ms', (position, start) => {
		expect(blockStartAt(timeline, position)).toBe(start);
	});
});
