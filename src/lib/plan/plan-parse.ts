/** plan.yaml text → validated plan content, problems placed at their line (like routines). */
import { parseWith, type ContentFile, type Parsed } from '../routine/parse';
import { planContent, type PlanContent } from './plan-schema';

export const parsePlanContent = (f: ContentFile): Parsed<PlanContent> => parseWith(planContent, f);
