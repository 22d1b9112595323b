/**
 * The server's tables on PostgreSQL (`DATABASE_URL=postgres://…`): the twin of
 * schema.sqlite.ts, table for table and column for column (the drift test checks it).
 * Times are `bigint` here (milliseconds since the epoch do not fit PostgreSQL's 32-bit
 * integer), read as JavaScript numbers; flags are real booleans.
 */
// Relative, not $lib: drizzle-kit loads this file without SvelteKit's aliases.
import { CHECK_IN_EFFORTS } from '../../classroom/protocol';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { LIVE_LESSON_STATUSES } from './values';

const ms = (name: string) => bigint(name, { mode: 'number' });

export const appMeta = pgTable('app_meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

export const instructors = pgTable('instructors', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	passwordHash: text('password_hash').notNull(),
	createdAt: ms('created_at').notNull(),
	isAdmin: boolean('is_admin').notNull().default(false)
});

export const invites = pgTable(
	'invites',
	{
		id: text('id').primaryKey(),
		createdBy: text('created_by')
			.notNull()
			.references(() => instructors.id, { onDelete: 'cascade' }),
		createdAt: ms('created_at').notNull(),
		expiresAt: ms('expires_at').notNull(),
		usedAt: ms('used_at'),
		usedBy: text('used_by')
	},
	(t) => [index('invites_created_by').on(t.createdBy)]
);

export const programmes = pgTable(
	'programmes',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => instructors.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		version: integer('version').notNull(),
		createdAt: ms('created_at').notNull(),
		updatedAt: ms('updated_at').notNull(),
		withdrawnAt: ms('withdrawn_at')
	},
	(t) => [index('programmes_owner').on(t.ownerId)]
);

export const programmeVersions = pgTable(
	'programme_versions',
	{
		programmeId: text('programme_id')
			.notNull()
			.references(() => programmes.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		document: text('document').notNull(),
		createdAt: ms('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.programmeId, t.version] })]
);

export const authSessions = pgTable(
	'auth_sessions',
	{
		id: text('id').primaryKey(),
		instructorId: text('instructor_id')
			.notNull()
			.references(() => instructors.id, { onDelete: 'cascade' }),
		expiresAt: ms('expires_at').notNull()
	},
	(t) => [index('auth_sessions_instructor').on(t.instructorId)]
);

export const classes = pgTable(
	'classes',
	{
		id: text('id').primaryKey(),
		instructorId: text('instructor_id')
			.notNull()
			.references(() => instructors.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		title: text('title').notNull(),
		createdAt: ms('created_at').notNull()
	},
	(t) => [index('classes_instructor').on(t.instructorId)]
);

export const liveLessons = pgTable(
	'live_lessons',
	{
		id: text('id').primaryKey(),
		classId: text('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		lessonNumber: integer('lesson_number').notNull(),
		code: text('code').notNull().unique(),
		routineId: text('routine_id').notNull(),
		level: integer('level').notNull(),
		status: text('status', { enum: LIVE_LESSON_STATUSES }).notNull(),
		positionMs: ms('position_ms').notNull(),
		anchorServerMs: ms('anchor_server_ms').notNull(),
		seq: integer('seq').notNull(),
		startedAt: ms('started_at').notNull(),
		endedAt: ms('ended_at')
	},
	(t) => [index('live_lessons_class').on(t.classId, t.lessonNumber)]
);

export const lessonEvents = pgTable(
	'lesson_events',
	{
		liveLessonId: text('live_lesson_id')
			.notNull()
			.references(() => liveLessons.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		commandId: text('command_id').notNull(),
		state: text('state').notNull(),
		appliedAt: ms('applied_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.liveLessonId, t.seq] }),
		uniqueIndex('lesson_events_command').on(t.liveLessonId, t.commandId)
	]
);

export const participants = pgTable(
	'participants',
	{
		id: text('id').primaryKey(),
		liveLessonId: text('live_lesson_id')
			.notNull()
			.references(() => liveLessons.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		checkedIn: boolean('checked_in').notNull().default(false)
	},
	(t) => [index('participants_lesson').on(t.liveLessonId)]
);

export const attendance = pgTable(
	'attendance',
	{
		classId: text('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		lessonNumber: integer('lesson_number').notNull(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		joinedAt: ms('joined_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.classId, t.lessonNumber, t.participantId] })]
);

export const checkIns = pgTable(
	'check_ins',
	{
		id: text('id').primaryKey(),
		liveLessonId: text('live_lesson_id')
			.notNull()
			.references(() => liveLessons.id, { onDelete: 'cascade' }),
		pain: integer('pain').notNull(),
		effort: text('effort', { enum: CHECK_IN_EFFORTS }).notNull()
	},
	(t) => [index('check_ins_lesson').on(t.liveLessonId)]
);

export const rateLimits = pgTable(
	'rate_limits',
	{
		key: text('key').primaryKey(),
		failures: integer('failures').notNull(),
		windowEndsAt: ms('window_ends_at').notNull()
	},
	(t) => [index('rate_limits_window').on(t.windowEndsAt)]
);
