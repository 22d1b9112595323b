/**
 * What plan.yaml names must exist: the routines of each block, the lesson cards of each
 * skill, and the back-school blocks the fear ladder points to. Pure, like the routine
 * reference checks, so the validator, the build and the tests share it.
 */
import { problemAt } from '../routine/parse';
import type { Problem, FieldPath } from '../routine/problems';
import type { Located } from '../routine/references';
import type { Routine } from '../routine/schema';
import { didYouMean } from '../routine/suggest';
import type { PlanContent } from './plan-schema';

export function checkPlanReferences(
	plan: Located<PlanContent>,
	routines: readonly Located<Routine>[],
	invalidRoutineIds: ReadonlySet<string> = new Set()
): Problem[] {
	const problems: Problem[] = [];
	const byId = new Map(routines.map((r) => [r.value.id, r.value]));
	const known = [...byId.keys()];
	const routineAt = (path: FieldPath, routineId: string, target: 'key' | 'value' = 'value'): Routine | undefined => {
		const found = byId.get(routineId);
		if (!found && !invalidRoutineIds.has(routineId)) {
			problems.push(problemAt(plan, path, `no routine has the id "${routineId}"${didYouMean(routineId, known)}`, target));
		}
		return found;
	};
	const v = plan.value;
	v.movement.routines.forEach((r, i) => routineAt(['movement', 'routines', i], r));
	for (const [from, to] of Object.entries(v.movement.gentler)) {
		routineAt(['movement', 'gentler', from], from, 'key');
		routineAt(['movement', 'gentler', from], to);
	}
	routineAt(['movement', 'setback'], v.movement.setback);
	v.calming.rotation.forEach((r, i) => {
		const found = routineAt(['calming', 'rotation', i], r);
		if (found && found.category !== 'relaxation') {
			problems.push(problemAt(plan, ['calming', 'rotation', i], `"${r}" is a ${found.category} routine; calming blocks must be relaxation routines`));
		}
	});
	v.calming.setback.forEach((r, i) => routineAt(['calming', 'setback', i], r));

	const lessonIds = new Set<string>();
	v.lessons.forEach((l, i) => {
		if (lessonIds.has(l.id)) problems.push(problemAt(plan, ['lessons', i, 'id'], `lesson id "${l.id}" is used twice; ids must be unique`));
		lessonIds.add(l.id);
	});
	v.skills.forEach((s, i) => {
		for (const list of ['lessons', 'deepened'] as const) {
			s[list].forEach((id, j) => {
				if (!lessonIds.has(id)) {
					problems.push(problemAt(plan, ['skills', i, list, j], `no lesson card has the id "${id}"${didYouMean(id, [...lessonIds])}`));
				}
			});
		}
	});
	const lessonRef = (path: FieldPath, f: { routine: string; education: string }) => {
		const routine = routineAt([...path, 'routine'], f.routine);
		if (routine && !routine.education.some((b) => b.id === f.education)) {
			const ids = routine.education.map((b) => b.id);
			problems.push(problemAt(plan, [...path, 'education'], `routine "${f.routine}" has no education block "${f.education}"${didYouMean(f.education, ids)}`));
		}
	};
	v.fearLessons.forEach((f, i) => lessonRef(['fearLessons', i], f));
	lessonRef(['fearFallback'], v.fearFallback);
	if (v.days.minMinutes > v.days.maxMinutes) {
		problems.push(problemAt(plan, ['days', 'minMinutes'], `must not be more than days.maxMinutes (${v.days.maxMinutes})`));
	}
	if (new Set(v.days.weekdays).size !== v.days.weekdays.length) problems.push(problemAt(plan, ['days', 'weekdays'], 'a weekday is listed twice'));
	return problems;
}
