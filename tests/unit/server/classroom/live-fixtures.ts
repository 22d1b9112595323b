/** One waiting lesson of a one-step routine, as the hub's tests hold it: its state and its row. */
import type { LiveState } from '$lib/classroom/protocol';
import type { LiveLessonRow } from '$lib/server/classroom/lessons';
import { buildTimeline } from '../../playback/timeline-builder';

export const timeline = buildTimeline([{ title: 'Tilt', segments: [{ kind: 'work', ms: 10_000 }] }]);

export const state: LiveState = {
	lessonId: 'l1',
	code: 'ACDEFG',
	routineId: 'r',
	level: 1,
	status: 'waiting',
	positionMs: 0,
	anchorServerMs: 1_000,
	seq: 3
};

export const lesson: LiveLessonRow = {
	id: 'l1',
	classId: 'c1',
	lessonNumber: 1,
	code: state.code,
	routineId: 'r',
	level: 1,
	status: 'waiting',
	positionMs: 0,
	anchorServerMs: 1_000,
	seq: 3,
	startedAt: 1_000,
	endedAt: null
};
