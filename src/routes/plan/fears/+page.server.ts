import { educationBlock, planContent } from '$lib/server/plan';
import type { PageServerLoad } from './$types';

// The titles of the back-school blocks the fear ladder can point to (plan.yaml fearLessons).
export const load: PageServerLoad = () => {
	const plan = planContent();
	const lessons: Record<string, { routineTitle: string; title: string }> = {};
	for (const ref of [...plan.fearLessons, plan.fearFallback]) {
		const block = educationBlock(ref.routine, ref.education);
		if (block) lessons[`${ref.routine}.${ref.education}`] = { routineTitle: block.routineTitle, title: block.title };
	}
	return { lessons };
};
