import { error } from '@sveltejs/kit';
import { findRoutine } from '$lib/server/content';
import { educationBlock, planContent, planRoutines } from '$lib/server/plan';
import { playerData } from '$lib/server/player-data';
import type { PageServerLoad } from './$types';

/**
 * One plan day, as the Today card links to it: `?movement=ID&ml=LEVEL&calming=ID&cl=LEVEL
 * &lesson=ID[&fear=ID&fl=ROUTINE.EDUCATION]`. The device chose the blocks from the person's
 * records; the server checks them against the plan and sends what each player needs.
 */
export const load: PageServerLoad = ({ url }) => {
	const q = url.searchParams;
	const allowed = planRoutines();
	const block = (kind: 'movement' | 'calming', idParam: string, levelParam: string) => {
		const id = q.get(idParam) ?? '';
		const routine = allowed[id] ? findRoutine(id) : undefined;
		if (!routine) error(404, `This plan day's ${kind} routine is not part of the plan. Go back to My plan and start again.`);
		const level = Number(q.get(levelParam) ?? routine.startingLevel.level);
		if (!Number.isInteger(level) || level < 1 || level > routine.levels.length) error(404, `${routine.title} has levels 1 to ${routine.levels.length}`);
		return { kind, routineId: id, title: routine.title, level, levelName: routine.levels[level - 1]?.name ?? '', player: playerData(routine, level, false) };
	};
	const blocks = [block('movement', 'movement', 'ml'), block('calming', 'calming', 'cl')];
	const content = planContent();
	const lesson = content.lessons.find((l) => l.id === q.get('lesson')) ?? null;
	const [flRoutine, flEducation] = (q.get('fl') ?? '').split('.');
	const fearLesson = flRoutine && flEducation ? educationBlock(flRoutine, flEducation) : null;
	return { blocks, lesson, fearId: q.get('fear'), fearLesson };
};
