/**
 * The server's tables. Only column types that exist in both SQLite and PostgreSQL
 * (text, integer) are used, so moving to drizzle's pg-core later is a rename of
 * builders, not a redesign.
 */
// Relative, not $lib: drizzle-kit loads this file without SvelteKit's aliases.
import { CHECK_IN_EFFORTS } from '../../classroom/protocol';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
	createdAt: integer('created_at').notNull()
});

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

export const liveLessonStatuses = ['waiting', 'playing', 'paused', 'ended'] as const;

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
		status: text('status', { enum: liveLessonStatuses }).notNull(),
		/** The last LiveState, so a restarted server resumes the lesson where it was. */
		positionMs: integer('position_ms').notNull(),
		anchorServerMs: integer('anchor_server_ms').notNull(),
		seq: integer('seq').notNull(),
		startedAt: integer('started_at').notNull(),
		endedAt: integer('ended_at')
	},
	(t) => [index('live_lessons_class').on(t.classId, t.lessonNumber)]
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
