import { planContent, planRoutines } from '$lib/server/plan';
import type { LayoutServerLoad } from './$types';

// The plan's content and the routines it may use; the person's plan is worked out on their device.
export const load: LayoutServerLoad = () => ({ planContent: planContent(), planRoutines: planRoutines() });
