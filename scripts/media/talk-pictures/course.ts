/**
 * The pictures that open and close each back-school lesson: where the lesson sits in the
 * course, and the lesson's points to take home.
 */
import { circle, H, INK, line, rect, SOFT, TEAL, TEAL_SOFT, text, tick, W, type Picture } from './draw';

const LESSONS = [
	['How your back', 'works'],
	['Sitting, standing', 'and lying'],
	['Bending and', 'lifting'],
	['Staying active', 'and pacing']
] as const;

/** The four lessons in a row, this one highlighted, and the talk–practice rhythm below. */
function courseMap(n: number, today: readonly string[]): string {
	const parts: string[] = [text(W / 2, 92, `Back school: lesson ${n} of 4`, { size: 56, weight: 700, anchor: 'middle' })];
	const gap = 380;
	const x0 = W / 2 - gap * 1.5;
	parts.push(line([[x0, 250], [x0 + gap * 3, 250]], '#b9c9c4', 12));
	LESSONS.forEach((title, i) => {
		const x = x0 + gap * i;
		const on = i + 1 === n;
		const done = i + 1 < n;
		parts.push(circle(x, 250, on ? 78 : 62, on ? TEAL : done ? TEAL_SOFT : '#ffffff', TEAL, 8));
		parts.push(text(x, 250 + (on ? 26 : 22), String(i + 1), { size: on ? 76 : 60, weight: 700, anchor: 'middle', color: on ? '#ffffff' : TEAL }));
		parts.push(text(x, 390, [...title], { size: 40, weight: on ? 700 : 400, anchor: 'middle', color: on ? INK : SOFT }));
	});
	parts.push(rect(200, 520, W - 400, 300, '#f4f8f7', TEAL, 24, 4));
	parts.push(text(W / 2, 590, 'Today', { size: 44, weight: 700, anchor: 'middle', color: TEAL }));
	parts.push(text(W / 2, 660, [...today], { size: 42, anchor: 'middle' }));
	parts.push(text(W / 2, 870, 'Short talks, each followed by a few minutes of practice', { size: 40, anchor: 'middle', color: SOFT }));
	return parts.join('\n');
}

/** A card of ticked points. */
function checklist(heading: string, points: readonly (readonly string[])[]): string {
	const parts: string[] = [text(W / 2, 100, heading, { size: 58, weight: 700, anchor: 'middle' })];
	const top = 190;
	const step = (H - top - 40) / points.length;
	points.forEach((lines, i) => {
		const y = top + step * i + step / 2;
		parts.push(rect(150, y - step / 2 + 10, W - 300, step - 20, i % 2 === 0 ? '#f4f8f7' : '#ffffff', '#cfe0db', 20, 3));
		parts.push(tick(240, y, 40));
		parts.push(text(320, y + (lines.length === 1 ? 15 : -12), [...lines], { size: 42, leading: 1.2 }));
	});
	return parts.join('\n');
}

export const COURSE_PICTURES: readonly Picture[] = [
	{
		id: 'bs-welcome-1',
		title: 'Back school, lesson 1 of 4',
		caption: 'Lesson 1: how your back works, why movement helps, what pain means',
		alt: 'The four back-school lessons in a row with lesson 1 highlighted: how your back works, why movement helps and what pain means.',
		desc: 'The four lessons of back school in a row, lesson 1 highlighted: how your back works; then sitting, standing and lying; bending and lifting; staying active and pacing. Today: how your back works, why movement helps it, and what back pain does and does not mean.',
		body: courseMap(1, ['How your back works, why movement helps it,', 'and what back pain does and does not mean'])
	},
	{
		id: 'bs-welcome-2',
		title: 'Back school, lesson 2 of 4',
		caption: 'Lesson 2: sitting, standing, lying down and getting up',
		alt: 'The four back-school lessons with lesson 2 highlighted: sitting, standing, lying down and getting up.',
		desc: 'The four lessons of back school in a row, lesson 2 highlighted, lesson 1 done. Today: the positions we spend our days in, sitting and standing, and lying down and getting up again.',
		body: courseMap(2, ['The positions we spend our days in: sitting and', 'standing, lying down and getting up again'])
	},
	{
		id: 'bs-welcome-3',
		title: 'Back school, lesson 3 of 4',
		caption: 'Lesson 3: bending and lifting',
		alt: 'The four back-school lessons with lesson 3 highlighted: bending and lifting.',
		desc: 'The four lessons of back school in a row, lesson 3 highlighted, lessons 1 and 2 done. Today: bending and lifting, two things many people start to avoid and two things the back is made for.',
		body: courseMap(3, ['Bending and lifting: two things many people avoid,', 'and two things the back is made for'])
	},
	{
		id: 'bs-welcome-4',
		title: 'Back school, lesson 4 of 4',
		caption: 'Lesson 4: staying active, pacing and flare-ups',
		alt: 'The four back-school lessons with the last, lesson 4, highlighted: staying active, pacing and flare-ups.',
		desc: 'The four lessons of back school in a row, the last one, lesson 4, highlighted and the first three done. Today: building activity up with a plan, handling flare-ups, and keeping going after the course.',
		body: courseMap(4, ['Building activity up with a plan, handling', 'flare-ups, and keeping going after the course'])
	},
	{
		id: 'bs-take-home-1',
		title: 'To take home from lesson 1',
		caption: 'To take home: move every day; hurt does not mean harm',
		alt: 'Ticked list: practise the three movements daily; keep active; hurt does not mean harm; get help for a warning sign.',
		desc: 'Four ticked points: practise pelvic tilts, knee to chest and standing back-bends once or twice a day; keep active and change position often; in ordinary back pain, hurt does not mean harm; get help at once for a warning sign on the stop list.',
		body: checklist('To take home', [
			['Practise pelvic tilts, knee to chest and', 'standing back-bends once or twice a day'],
			['Keep active and change position often'],
			['In ordinary back pain, hurt does not mean harm'],
			['Get help at once for a warning sign on the stop list']
		])
	},
	{
		id: 'bs-take-home-2',
		title: 'To take home from lesson 2',
		caption: 'To take home: break up sitting every half hour',
		alt: 'Ticked list: move every half hour; seated tilts and twist; back-bends and hip stretch when you stand; next, bending and lifting.',
		desc: 'Three ticked points: get up and move about every half hour or so; seated pelvic tilts and the seated twist while you sit; standing back-bends and the hip stretch when you stand up. Next lesson: bending and lifting.',
		body: checklist('To take home', [
			['Get up and move about every half hour or so'],
			['While you sit: seated pelvic tilts', 'and the seated twist'],
			['When you stand up: standing back-bends', 'and the hip stretch'],
			['Next lesson: bending and lifting']
		])
	},
	{
		id: 'bs-take-home-3',
		title: 'To take home from lesson 3',
		caption: 'To take home: bending is safe; bring it back gradually',
		alt: 'Ticked list: bending is safe, bring it back gradually; keep loads close and turn with your feet; practise cat–camel and squats.',
		desc: 'Four ticked points: bending is safe, bring it back gradually starting with light things; keep loads close, plan the lift and turn with your feet; practise cat–camel and squats to a chair once or twice a day; next lesson: staying active and pacing.',
		body: checklist('To take home', [
			['Bending is safe: bring it back gradually,', 'starting with light things'],
			['Keep loads close, plan the lift,', 'turn with your feet'],
			['Practise cat–camel and squats to a chair', 'once or twice a day'],
			['Next lesson: staying active and pacing']
		])
	}
];

