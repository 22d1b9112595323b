/**
 * The server's tables on SQLite (the default). Every table here has its twin in
 * schema.postgres.ts with the same table, column, key and index names; the unit test
 * tests/unit/server/db/schema-drift.test.ts fails when the two differ. The rest of the
 * server reads these types only (see database.ts), so this file is the one a field is
 * declared in for TypeScript. How to add a table: README.md beside this file.
 *
 * This module exports tables and nothing else: the drift test and db:copy-to-postgres
 * walk its exports.
 */
// Relative, not $lib: drizzle-kit loads this file without SvelteKit's aliases.
import { CHECK_IN_EFFORTS } from '../../classroom/protocol';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LIVE_LESSON_STATUSES } from './values';

/** Facts about this installation itself, e.g. when its database was created. */
export const appMeta = sqliteTable('app_meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

/** Times are integer milliseconds since the Unix epoch (a bigint column on PostgreSQL). */

export const instructors = sqliteTable('instructors', {
	id: text('id').primaryKey(),
	/** Stored trimmed and lower-cased, so "Ana@Clinic.org" and "ana@clinic.org" are one account. */
	email: text('email').notNull().unique(),
	/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking old hashes. */
	passwordHash: text('password_hash').notNull(),
	createdAt: integer('created_at').notNull(),
	/** The first account on a fresh install; administrators invite and remove the others. */
	isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false)
});

/** Single-use, expiring invitations to make a clinician or instructor account. */
export const invites = sqliteTable(
	'invites',
	{
		/** SHA-256 of the link's token, like sessions: the database alone cannot make accounts. */
		id: text('id').primaryKey(),
		createdBy: text('created_by')
			.notNull()
			.references(() => instructors.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull(),
		/** Set once, in the same transaction that makes the account. */
		usedAt: integer('used_at'),
		usedBy: text('used_by')
	},
	(t) => [index('invites_created_by').on(t.createdBy)]
);

/** A clinician's home programme: a routine document handed to patients by its share id. */
export const programmes = sqliteTable(
	'programmes',
	{
		/** The unguessable share id that is also the public link. */
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => instructors.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** The newest row in programme_versions. */
		version: integer('version').notNull(),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull(),
		/** Null while it can be played; a withdrawn link says so plainly. */
		withdrawnAt: integer('withdrawn_at')
	},
	(t) => [index('programmes_owner').on(t.ownerId)]
);

/** Every saved version of a programme, so a patient's level and history keep their meaning. */
export const programmeVersions = sqliteTable(
	'programme_versions',
	{
		programmeId: text('programme_id')
			.notNull()
			.references(() => programmes.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		/** The routine document (the routine format, as JSON). */
		document: text('document').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.programmeId, t.version] })]
);

export const authSessions = sqliteTable(
	'auth_sessions',
	{
		/** SHA-256 of the cookie's token: a stolen database does not hand out sessions. */
		id: text('id').primaryKey(),
		instructorId: text('instructor_id')
			.notNull()
			.references(() => instructors.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at').notNull()
	},
	(t) => [index('auth_sessions_instructor').on(t.instructorId)]
);

export const classes = sqliteTable(
	'classes',
	{
		id: text('id').primaryKey(),
		instructorId: text('instructor_id')
			.notNull()
			.references(() => instructors.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		title: text('title').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('classes_instructor').on(t.instructorId)]
);

export const liveLessons = sqliteTable(
	'live_lessons',
	{
		id: text('id').primaryKey(),
		classId: text('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		/** 1-based position of the lesson in its course. */
		lessonNumber: integer('lesson_number').notNull(),
		/** Unique over all lessons ever, so an old code can never reach a new lesson. */
		code: text('code').notNull().unique(),
		routineId: text('routine_id').notNull(),
		level: integer('level').notNull(),
		/**
		 * The lesson's LiveState: the authoritative copy for every server. Changed only by
		 * changeLessonState(), one transaction per command that also bumps `seq`.
		 */
		status: text('status', { enum: LIVE_LESSON_STATUSES }).notNull(),
		positionMs: integer('position_ms').notNull(),
		anchorServerMs: integer('anchor_server_ms').notNull(),
		seq: integer('seq').notNull(),
		startedAt: integer('started_at').notNull(),
		endedAt: integer('ended_at')
	},
	(t) => [index('live_lessons_class').on(t.classId, t.lessonNumber)]
);

/**
 * Every change of a lesson's state, in seq order: what a server reads when an event was
 * too large to travel in a notification, and how a command sent twice (a retry after a
 * lost answer) is recognised and applied once.
 */
export const lessonEvents = sqliteTable(
	'lesson_events',
	{
		liveLessonId: text('live_lesson_id')
			.notNull()
			.references(() => liveLessons.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		/** The id the console gave the command; the same id twice is the same command. */
		commandId: text('command_id').notNull(),
		/** The LiveState after the change, as JSON. */
		state: text('state').notNull(),
		/** Database clock when it was applied. */
		appliedAt: integer('applied_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.liveLessonId, t.seq] }),
		uniqueIndex('lesson_events_command').on(t.liveLessonId, t.commandId)
	]
);

export const participants = sqliteTable(
	'participants',
	{
		id: text('id').primaryKey(),
		liveLessonId: text('live_lesson_id')
			.notNull()
			.references(() => liveLessons.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** SHA-256 of the participant cookie's token. */
		tokenHash: text('token_hash').notNull().unique(),
		/**
		 * Whether this person has answered the check-in. The answer itself is stored in
		 * check_ins with no link back, so nobody can tell whose answer is whose.
		 */
		checkedIn: integer('checked_in', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [index('participants_lesson').on(t.liveLessonId)]
);

/** Who came to which lesson of a class (a lesson run twice counts a person once). */
export const attendance = sqliteTable(
	'attendance',
	{
		classId: text('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		lessonNumber: integer('lesson_number').notNull(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		joinedAt: integer('joined_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.classId, t.lessonNumber, t.participantId] })]
);

/** Anonymous: no participant, no time; only which lesson it was about. */
export const checkIns = sqliteTable(
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

/**
 * Failure counters of the rate limits (sign-in, join codes), shared by every server so a
 * limit holds however requests are spread. One fixed window per key from its first failure.
 */
export const rateLimits = sqliteTable(
	'rate_limits',
	{
		/** `limiter:` + SHA-256 of what is counted (an email, an address): neither is stored in the clear. */
		key: text('key').primaryKey(),
		failures: integer('failures').notNull(),
		windowEndsAt: integer('window_ends_at').notNull()
	},
	(t) => [index('rate_limits_window').on(t.windowEndsAt)]
);
