import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveState } from '$lib/classroom/protocol';
import { createInstructor } from '$lib/server/auth/accounts';
import type { BusHandlers, LiveBus } from '$lib/server/bus/bus';
import type { BusMessage } from '$lib/server/bus/messages';
import { createClass } from '$lib/server/classroom/classes';
import { LiveHub } from '$lib/server/classroom/hub';
import { changeLessonState } from '$lib/server/classroom/lesson-state';
import { addParticipant, insertLiveLesson, stateOf, type LiveLessonRow } from '$lib/server/classroom/lessons';
import { LiveSync } from '$lib/server/classroom/live-sync';
import { buildTimeline } from '../../playback/timeline-builder';
import { tempDatabase, TEST_DIALECTS, type TempDatabase } from '../db/temp-database';

/** A bus that records what this server sends and lets the test say what the others send. */
class FakeBus implements LiveBus {
	readonly kind = 'postgres' as const;
	readonly instanceId = 'me';
	listening = true;
	readonly sent: BusMessage[] = [];
	async start(_handlers: BusHandlers): Promise<void> {}
	async announce(): Promise<void> {}
	async broadcast(message: BusMessage): Promise<void> {
		this.sent.push(message);
	}
	async close(): Promise<void> {}
}

const timeline = buildTimeline([{ title: 'Tilt', segments: [{ kind: 'work', ms: 10_000 }] }]);

describe.each(TEST_DIALECTS)('LiveSync on %s', (dialect) => {
	let database: TempDatabase;
	let lesson: LiveLessonRow;
	let hub: LiveHub;
	let bus: FakeBus;
	let sync: LiveSync;
	let now: number;
	const applied: LiveState[] = [];

	beforeEach(async () => {
		database = await tempDatabase(dialect);
		const created = await createInstructor(database, 'ana@clinic.org', 'long enough pw');
		if (!created.ok) throw new Error(created.message);
		const klass = await createClass(database, { instructorId: created.instructor.id, courseId: 'back-school', title: 'T' });
		lesson = await insertLiveLesson(database, { classId: klass.id, lessonNumber: 1, code: 'ACDEFG', routineId: 'r', level: 1 });
		applied.length = 0;
		now = 1_000;
		hub = new LiveHub({ rosterDelayMs: 0, onPresence: (code, id, online) => sync.presenceChanged(code, id, online) });
		hub.open({ lesson, state: stateOf(lesson), timeline, instructorId: created.instructor.id, participants: [] });
		bus = new FakeBus();
		sync = new LiveSync(
			hub,
			bus,
			database,
			(state) => {
				applied.push(state);
				hub.publish(state);
			},
			{ presenceDelayMs: 10, instanceTimeoutMs: 5_000, now: () => now }
		);
	});
	afterEach(async () => {
		sync.stop();
		hub.drop(lesson.code);
		await database.dispose();
	});

	it('applies the states, joins and presence other servers announce', () => {
		const state = { ...stateOf(lesson), status: 'playing' as const, seq: 1 };
		sync.message({ t: 'state', from: 'b', state });
		expect(hub.room(lesson.code)?.state).toEqual(state);
		sync.message({ t: 'joined', from: 'b', code: lesson.code, id: 'p1', name: 'Ana' });
		sync.message({ t: 'presence', from: 'b', code: lesson.code, on: ['p1'], off: [], reset: false });
		expect(hub.roster(lesson.code)).toEqual([{ id: 'p1', name: 'Ana', connected: true }]);
	});

	it('reads a state sent by reference from the lesson’s events', async () => {
		await changeLessonState(database, lesson.id, 'cmd-1', (s, at) => ({ kind: 'changed', state: { ...s, status: 'paused', anchorServerMs: at, seq: 1 } }), async () => undefined);
		sync.message({ t: 'state-ref', from: 'b', lessonId: lesson.id, code: lesson.code, seq: 1 });
		await vi.waitFor(() => expect(applied.map((s) => s.status)).toEqual(['paused']));
	});

	it('after a reconnect re-reads every held lesson and roster, then swaps presence lists with the others', async () => {
		await changeLessonState(database, lesson.id, 'cmd-1', (s, at) => ({ kind: 'changed', state: { ...s, status: 'playing', anchorServerMs: at, seq: 1 } }), async () => undefined);
		await addParticipant(database, lesson, 'Bo', 'hash-bo');
		hub.connect(lesson.code, { role: 'participant', participantId: 'local-p' }, null);
		await sync.resync();
		expect(hub.room(lesson.code)?.state).toMatchObject({ status: 'playing', seq: 1 });
		expect(hub.roster(lesson.code).map((p) => p.name)).toContain('Bo');
		expect(bus.sent).toContainEqual({ t: 'hello', from: 'me' });
		expect(bus.sent).toContainEqual({ t: 'presence', from: 'me', code: lesson.code, on: ['local-p'], off: [], reset: true });
	});

	it('announces this server’s presence changes in one message per lesson, and answers a hello with its whole list', async () => {
		const a = hub.connect(lesson.code, { role: 'participant', participantId: 'p1' }, null);
		hub.connect(lesson.code, { role: 'participant', participantId: 'p2' }, null);
		await a.cancel();
		await vi.waitFor(() => expect(bus.sent.filter((m) => m.t === 'presence')).toHaveLength(1));
		expect(bus.sent[0]).toMatchObject({ t: 'presence', on: ['p2'], off: ['p1'], reset: false });
		sync.message({ t: 'hello', from: 'c' });
		await vi.waitFor(() => expect(bus.sent.at(-1)).toMatchObject({ t: 'presence', on: ['p2'], reset: true }));
	});

	it('stops counting the participants of a server gone silent, but not while this server hears nobody', () => {
		vi.useFakeTimers();
		try {
			sync.start();
			sync.message({ t: 'joined', from: 'b', code: lesson.code, id: 'p1', name: 'Ana' });
			sync.message({ t: 'presence', from: 'b', code: lesson.code, on: ['p1'], off: [], reset: false });
			bus.listening = false;
			now += 6_000;
			vi.advanceTimersByTime(2_000);
			expect(hub.roster(lesson.code)[0]?.connected).toBe(true);
			bus.listening = true;
			vi.advanceTimersByTime(2_000);
			expect(hub.roster(lesson.code)[0]?.connected).toBe(false);
		} finally {
			vi.useRealTimers();
		}
	});
});
