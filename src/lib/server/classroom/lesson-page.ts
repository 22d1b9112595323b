/**
 * What the live pages load: the lesson's timeline and what the screen shows of it
 * (exercise names and how-to, education texts, media), and where the class is now.
 */
import { error } from '@sveltejs/kit';
import type { LiveState } from '$lib/classroom/protocol';
import type { MediaCatalog, Routine } from '$lib/routine/schema';
import type { TalkCard } from '$lib/routine/talk-picture';
import type { Timeline } from '$lib/routine/timeline';
import { eq } from 'drizzle-orm';
import { educationFor, findRoutine, mediaFor, timelineFor } from '../content';
import { getDatabase } from '../db';
import { classes } from '../db/schema';
import { normalizeJoinCode } from './join-code';
import { stateOf, type LiveLessonRow } from './lessons';
import { findCourse, findLesson, hub, type Lookup } from './live';

export interface LessonPage {
	readonly code: string;
	readonly lessonTitle: string;
	readonly lessonNumber: number;
	readonly timeline: Timeline;
	readonly exercises: Record<string, Pick<Routine['exercises'][number], 'name' | 'instructions' | 'sided'>>;
	readonly education: Record<string, TalkCard>;
	readonly videos: MediaCatalog['videos'];
	readonly sounds: MediaCatalog['sounds'];
	/** The state now; the page then follows `GET /api/live/[code]/events`. */
	readonly state: LiveState;
}

/** The lesson behind a code in a page URL, or a 404 a person can act on. */
export async function lessonForPage(codeParam: string): Promise<Exclude<Lookup, { kind: 'missing' }>> {
	const code = normalizeJoinCode(codeParam);
	const found = code ? await findLesson(code) : ({ kind: 'missing' } as const);
	if (found.kind === 'missing') error(404, 'No live lesson has this code. Check the code on the projector and try again.');
	return found;
}

export async function lessonPage(found: Exclude<Lookup, { kind: 'missing' }>): Promise<LessonPage> {
	const lesson: LiveLessonRow = found.lesson;
	const routine = findRoutine(lesson.routineId);
	if (!routine) error(500, 'This lesson plays a routine that is no longer available');
	const timeline = timelineFor(routine, lesson.level);
	const exercises = Object.fromEntries(
		routine.exercises.map((e) => [e.id, { name: e.name, instructions: e.instructions, sided: e.sided }])
	);
	const education = educationFor(routine);
	const { db } = await getDatabase();
	const [klass] = await db.select({ courseId: classes.courseId }).from(classes).where(eq(classes.id, lesson.classId));
	const lessonTitle = (klass && findCourse(klass.courseId)?.lessons[lesson.lessonNumber - 1]?.title) ?? timeline.title;
	const state = (found.room ?? hub.room(lesson.code))?.state ?? stateOf(lesson);
	return {
		code: lesson.code,
		lessonTitle,
		lessonNumber: lesson.lessonNumber,
		timeline,
		exercises,
		education,
		...mediaFor(timeline),
		state
	};
}
