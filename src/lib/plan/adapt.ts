/**
 * The plan's weekly rules: from what happened in the week just ended, what changes in the
 * next one, and why, in plain words. The thresholds come from plan.yaml (`rules`), so a
 * clinician can change them; each rule has its own unit test.
 *
 * In order, the first that applies wins:
 * 1. a flare (pain rose by `flare.painRise` or more after a session) → a setback week;
 * 2. fewer than `fewerDays.below` of the plan days done → one plan day fewer, same level;
 * 3. `hold.tooHard` "too hard" answers, or pain up by `hold.meanPainRise` on average →
 *    keep the level; at the first level, switch to the gentler routine;
 * 4. at least `advance.daysDone` of the plan days done, more than `advance.aboutRight` of
 *    effort answers "about right" and no rise of `advance.painRise` → a day given back if
 *    one was taken away, otherwise the next level offered (or, at the top, keep going);
 * 5. otherwise keep everything as it is, saying what is still missing.
 */
import type { Effort } from '../progress/records';
import type { PlanRules } from './plan-schema';
import { dayLabel, type DateKey } from './calendar';

export interface WeekEvidence {
	/** Plan days in the week. */
	readonly planned: number;
	/** Plan days done (a day with at least one block played to its end). */
	readonly done: number;
	/** Effort answers at the week's plan-day check-ins. */
	readonly efforts: readonly Effort[];
	/** Pain after minus pain before, for each plan day where both were given. */
	readonly painChanges: readonly number[];
	/** The largest pain rise after any session that week, and when. */
	readonly worstRise: { readonly date: DateKey; readonly rise: number } | null;
}

export interface WeekContext {
	readonly routineTitle: string;
	readonly level: number;
	readonly topLevel: number;
	/** The gentler routine this one gives way to, if plan.yaml names one. */
	readonly gentler: { readonly id: string; readonly title: string } | null;
	/** Plan days the person chose, and how many this week had. */
	readonly chosenDays: number;
	readonly days: number;
	/** The routine sets its own level session by session (graded activity's quota). */
	readonly ownPace?: boolean;
}

export type Decision =
	| { readonly kind: 'start'; readonly reason: string }
	| { readonly kind: 'setback'; readonly reason: string }
	| { readonly kind: 'fewer-days'; readonly days: number; readonly reason: string }
	| { readonly kind: 'more-days'; readonly days: number; readonly reason: string }
	| { readonly kind: 'hold'; readonly reason: string }
	| { readonly kind: 'gentler'; readonly routineId: string; readonly reason: string }
	| { readonly kind: 'offer'; readonly level: number; readonly reason: string }
	| { readonly kind: 'top'; readonly reason: string }
	| { readonly kind: 'keep'; readonly reason: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const points = (n: number) => plural(Math.round(n * 10) / 10, 'point');

function share(done: number, planned: number): number {
	return planned === 0 ? 0 : Math.min(1, done / planned);
}

function mean(xs: readonly number[]): number | null {
	return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The least number of days out of `planned` that reaches `fraction`. */
function daysNeeded(fraction: number, planned: number): number {
	return Math.ceil(fraction * planned - 1e-9);
}

export function decideWeek(e: WeekEvidence, rules: PlanRules, c: WeekContext): Decision {
	const doneText = `${e.done} of ${plural(e.planned, 'plan day')} done last week`;
	const done = share(e.done, e.planned);

	if (e.worstRise && e.worstRise.rise >= rules.flare.painRise) {
		return {
			kind: 'setback',
			reason: `Your back pain rose by ${points(e.worstRise.rise)} after a session on ${dayLabel(e.worstRise.date)}: a flare-up. This is a setback week: calming sessions, gentle movement, and your goals held where they are. Your setback plan is below. Flare-ups settle; the plan picks up again next week.`
		};
	}
	if (done < rules.fewerDays.below) {
		const days = Math.max(rules.fewerDays.minDays, c.days - 1);
		if (days < c.days) {
			return {
				kind: 'fewer-days',
				days,
				reason: `${doneText}, fewer than ${Math.round(rules.fewerDays.below * 100)}%. This week has ${plural(days, 'plan day')} instead of ${c.days}, at the same level, so the plan fits your week. A missed day is not a failure: the plan simply moves on.`
			};
		}
	}
	const tooHard = e.efforts.filter((x) => x === 'too-hard').length;
	const meanRise = mean(e.painChanges);
	const painUp = meanRise !== null && meanRise >= rules.hold.meanPainRise;
	if (tooHard >= rules.hold.tooHard || painUp) {
		const because =
			tooHard >= rules.hold.tooHard
				? `You answered "too hard" ${tooHard === 1 ? 'once' : `${tooHard} times`} last week`
				: `Your pain was on average ${points(meanRise ?? 0)} higher after plan days than before`;
		if (tooHard >= rules.hold.tooHard && c.level <= 1 && c.gentler) {
			return {
				kind: 'gentler',
				routineId: c.gentler.id,
				reason: `${because}, and you are at the first level of ${c.routineTitle}. This week's movement is ${c.gentler.title}, which is gentler. You can change it back in your plan at any time.`
			};
		}
		return { kind: 'hold', reason: `${because}, so you stay at level ${c.level} of ${c.routineTitle} this week.` };
	}

	const aboutRight = e.efforts.filter((x) => x === 'about-right').length;
	const mostlyRight = e.efforts.length > 0 && aboutRight / e.efforts.length > rules.advance.aboutRight;
	const bigRise = e.worstRise !== null && e.worstRise.rise >= rules.advance.painRise;
	const enoughDays = done >= rules.advance.daysDone;
	if (enoughDays && mostlyRight && !bigRise) {
		if (c.days < c.chosenDays) {
			return {
				kind: 'more-days',
				days: c.days + 1,
				reason: `${doneText}, with effort mostly "about right": a plan day comes back, ${plural(c.days + 1, 'plan day')} this week.`
			};
		}
		if (c.ownPace) {
			return {
				kind: 'keep',
				reason: `${doneText}, with effort mostly "about right" and no rise in pain. ${c.routineTitle} raises its own quota session by session, so the plan leaves its level to it.`
			};
		}
		if (c.level >= c.topLevel) {
			return {
				kind: 'top',
				reason: `${doneText}, with effort mostly "about right" and no rise in pain. You are at the top level of ${c.routineTitle}: keep going here.`
			};
		}
		return {
			kind: 'offer',
			level: c.level + 1,
			reason: `${doneText}, with effort mostly "about right" and no rise in pain of ${points(rules.advance.painRise)} or more: level ${c.level + 1} of ${c.routineTitle} is offered. You choose.`
		};
	}

	const missing: string[] = [];
	if (!enoughDays) missing.push(`${daysNeeded(rules.advance.daysDone, e.planned)} of ${e.planned} plan days are needed for the next level`);
	if (e.efforts.length === 0) missing.push('no effort was rated');
	else if (!mostlyRight) missing.push('effort was not mostly "about right"');
	if (bigRise && e.worstRise) missing.push(`pain rose by ${points(e.worstRise.rise)} after a session`);
	return {
		kind: 'keep',
		reason: `${doneText} (${missing.join('; ')}): you stay at level ${c.level} of ${c.routineTitle} this week.`
	};
}
