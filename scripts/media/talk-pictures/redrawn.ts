/**
 * The five talk pictures first drawn by hand at 900 wide (spine parts, posture variety,
 * sitting and standing, lifting close, pacing), redrawn on the stage's 1600 × 900 with a few
 * large labels: the drawing is the hand one's shapes, scaled up as a group (its strokes
 * grow with it, to about the line figures' 16), and the words are new, each at least 40
 * units, names of parts bold. The ids are the hand pictures' own, so the talks that show
 * them need no change.
 */
import { INK, SOFT, TEAL, text, W, type Picture } from './draw';

const FIGURE = '#2f6491';
const THING = '#8a8a8a';
const ARROW = '#c46a1b';
const BONE_FILL = '#efe4cc';
const BONE_LINE = '#7d6645';

/** The hand drawing's shapes, in its own 900-wide units, moved and scaled onto the canvas. */
function scaled(tx: number, ty: number, s: number, shapes: string): string {
	return `<g transform="translate(${tx} ${ty}) scale(${s})">${shapes}</g>`;
}

const body = (d: string) => `<path d="${d}" fill="none" stroke="${FIGURE}" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/>`;
const head = (x: number, y: number) => `<circle cx="${x}" cy="${y}" r="22" fill="${FIGURE}"/>`;
const thing = (d: string, extra = '') => `<path d="${d}" fill="none" stroke="${THING}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"${extra}/>`;
const arrowPath = (d: string, extra = '') => `<path d="${d}" fill="none" stroke="${ARROW}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"${extra}/>`;

/** A name in bold with a short note under it: one label. */
function label(x: number, y: number, name: string, note: string, anchor: 'start' | 'middle' | 'end' = 'middle', size = 46): string {
	return [text(x, y, name, { size, weight: 700, anchor }), text(x, y + 50, note, { size: 40, anchor, color: SOFT })].join('');
}

/** A leader line from a label to the point it names, with a dot on the point. */
function leader(from: readonly [number, number], to: readonly [number, number]): string {
	return `<path d="M${from[0]} ${from[1]} L${to[0]} ${to[1]}" stroke="${INK}" stroke-width="4" fill="none"/><circle cx="${to[0]}" cy="${to[1]}" r="9" fill="${INK}"/>`;
}

// The spine, in the hand drawing's units (vertebrae 190–310 wide, y 44–486).
const SPINE_SCALE = 1.7;
const SPINE_X = 218;
const SPINE_Y = 40;
/** A point of the hand drawing, on the canvas. */
const onSpine = (x: number, y: number): [number, number] => [Math.round(SPINE_X + x * SPINE_SCALE), Math.round(SPINE_Y + y * SPINE_SCALE)];

function spine(): string {
	const bone = `fill="${BONE_FILL}" stroke="${BONE_LINE}" stroke-width="2"`;
	const parts: string[] = [`<path d="M438 44 Q470 36 490 48 L494 392 Q470 412 440 396 Z" fill="#e8a2a2" fill-opacity="0.55" stroke="#b04a4a" stroke-width="2"/>`];
	for (let i = 0; i < 5; i++) {
		const y = 50 + i * 70;
		if (i < 4) parts.push(`<rect x="342" y="${y + 38}" width="22" height="42" rx="6" ${bone}/>`);
		parts.push(`<path d="M310 ${y + 8} H344 L362 ${y + 4} L422 ${y + 14} Q432 ${y + 26} 422 ${y + 38} L362 ${y + 44} L344 ${y + 34} H310 Z" ${bone}/>`);
		parts.push(`<rect x="190" y="${y}" width="120" height="52" rx="10" ${bone}/>`);
		parts.push(`<rect x="194" y="${y + 54}" width="112" height="${i === 4 ? 16 : 14}" rx="7" fill="#a9cdeb" stroke="#2f6491" stroke-width="2"/>`);
		if (i < 4) {
			parts.push(`<circle cx="353" cy="${y + 59}" r="9" fill="#ffffff" stroke="${BONE_LINE}" stroke-width="2"/>`);
			parts.push(`<path d="M326 ${y + 54} q-6 20 -30 34" fill="none" stroke="#d9a400" stroke-width="6" stroke-linecap="round"/>`);
			parts.push(`<circle cx="326" cy="${y + 54}" r="7" fill="#f5c518" stroke="#9a7400" stroke-width="1.5"/>`);
		}
	}
	parts.push(`<path d="M192 402 H312 L352 404 Q346 440 318 472 Q280 486 250 470 Q214 446 192 402 Z" ${bone}/>`);
	return scaled(SPINE_X, SPINE_Y, SPINE_SCALE, parts.join(''));
}

const spineParts: Picture = {
	id: 'spine-parts',
	title: 'The parts of the lower back, seen from the side',
	caption: 'The parts of your lower back, seen from the side',
	alt: 'Lower back from the side: vertebrae stacked on the sacrum with a disc between each pair, facet joints at the back, nerve roots leaving between the bones, muscles behind.',
	desc: 'The lower back seen from the side, the front on the left. Five blocks of bone (vertebrae) stacked on the sacrum, with a disc, a tough springy pad, between each pair. Behind each vertebra an arch of bone meets the next one at a small facet joint, which guides movement. Nerve roots leave the spine through the gaps between the bones. Muscles run down the back of the spine, holding it up and moving it. The sacrum joins the spine to the pelvis.',
	body: [
		spine(),
		// Which way the drawing faces, for a reader who sees it only (the caption does not say).
		text(onSpine(250, 0)[0], 60, 'front', { size: 40, anchor: 'middle', color: SOFT }),
		text(onSpine(466, 0)[0], 60, 'back', { size: 40, anchor: 'middle', color: SOFT }),
		// Front, on the left: the parts that carry the weight.
		leader([500, 150], onSpine(226, 76)),
		label(480, 142, 'Vertebra', 'a block of bone', 'end'),
		leader([500, 360], onSpine(226, 181)),
		label(480, 352, 'Disc', 'a tough, springy pad', 'end'),
		leader([500, 790], onSpine(236, 440)),
		label(480, 782, 'Sacrum', 'joins spine to pelvis', 'end'),
		// Back, on the right: the parts that guide and move it.
		leader([1100, 220], onSpine(480, 112)),
		label(1120, 212, 'Muscles', 'hold it up, move it', 'start'),
		leader([1100, 480], onSpine(362, 249)),
		label(1120, 472, 'Facet joint', 'guides movement', 'start'),
		leader([1100, 700], onSpine(318, 334)),
		label(1120, 692, 'Nerve root', 'leaves between bones', 'start')
	].join('\n')
};

const postureVariety: Picture = {
	id: 'posture-variety',
	title: 'Change position through the day',
	caption: 'The best posture is the next one: keep changing position',
	alt: 'Four figures joined by arrows, sitting on a chair, standing, walking and lying on the back with knees bent: moving between positions matters more than any one of them.',
	desc: 'Four simple figures, sitting on a chair, standing, walking and lying on the back with knees bent, joined by arrows: no single position is the right one; moving between them is what helps.',
	body: [
		text(W / 2, 100, 'No single right posture', { size: 56, weight: 700, anchor: 'middle' }),
		scaled(
			-9,
			140,
			1.7,
			[
				thing('M72 272 V204 M62 204 H142 M132 204 V272 M72 204 V112'),
				head(96, 74),
				body('M96 100 L98 192 L160 192 L160 272 M97 120 L136 166'),
				head(330, 60),
				body('M330 86 V182 M330 182 L314 272 M330 182 L346 272 M330 106 L306 170 M330 106 L354 170'),
				head(552, 60),
				body('M552 86 L556 182 M556 182 L532 226 L520 270 M556 182 L578 224 L600 262 M554 106 L584 158 M554 106 L526 154'),
				thing('M670 276 H890'),
				head(694, 242),
				body('M718 252 H800 L836 204 L868 262 M740 254 L786 264'),
				arrowPath('M196 160 H256 M244 148 L258 160 L244 172'),
				arrowPath('M404 160 H464 M452 148 L466 160 L452 172'),
				arrowPath('M628 160 H688 M676 148 L690 160 L676 172')
			].join('')
		),
		...(
			[
				['Sitting', 178],
				['Standing', 552],
				['Walking', 943],
				['Lying down', 1317]
			] as const
		).map(([t, x]) => text(x, 720, t, { size: 48, weight: 700, anchor: 'middle' })),
		text(W / 2, 840, 'Moving between them is what helps', { size: 44, anchor: 'middle', color: TEAL, weight: 700 })
	].join('\n')
};

/** A panel with a bold heading. */
function panel(x: number, heading: string): string {
	return `<rect x="${x}" y="40" width="740" height="820" rx="28" fill="#f4f8f7" stroke="${TEAL}" stroke-width="5"/>${text(x + 370, 118, heading, { size: 50, weight: 700, anchor: 'middle' })}`;
}

const sittingStanding: Picture = {
	id: 'sitting-standing',
	title: 'Sitting and standing for long spells',
	caption: 'Sit supported and get up often; stand with a foot on a step',
	alt: 'Left: sitting at a desk, back against the chair with a small cushion, feet flat, screen at eye height, a clock to get up every half hour. Right: standing at a worktop with one foot on a low step.',
	desc: 'Left: a person sitting at a desk from the side, back against the chair with a small cushion at the small of the back, feet flat, screen at eye height, and a clock reminding them to get up and move every half hour or so. Right: a person standing at a worktop with one foot resting on a low step, shifting weight from foot to foot.',
	body: [
		panel(40, 'Sitting'),
		panel(820, 'Standing'),
		scaled(
			27,
			105,
			1.7,
			[
				thing('M30 300 H420'),
				thing('M70 300 V212 M60 212 H150 M140 212 V300 M70 212 V116'),
				'<rect x="76" y="170" width="16" height="34" rx="7" fill="#c9b48a"/>',
				head(104, 76),
				body('M102 102 L100 200 L176 200 L182 294 L206 294 M101 124 L128 176 L186 168'),
				thing('M170 166 H330 M318 166 V300'),
				thing('M262 70 V140 M262 140 L262 166 M250 166 H290'),
				arrowPath('M130 74 H240', ' stroke-dasharray="4 10"'),
				`<circle cx="372" cy="70" r="26" fill="none" stroke="${THING}" stroke-width="6"/>`,
				thing('M372 70 V54 M372 70 L384 78'),
				arrowPath('M340 112 C 360 130, 388 130, 404 110 M396 106 L405 110 L402 120')
			].join('')
		),
		scaled(
			// The right half's middle (680) on the right panel's (1190).
			34,
			105,
			1.7,
			[
				thing('M480 300 H880'),
				thing('M690 176 H860 M848 176 V300'),
				`<rect x="650" y="264" width="70" height="36" fill="none" stroke="${THING}" stroke-width="6"/>`,
				head(600, 66),
				body('M600 92 V186 M600 186 L592 294 L614 294 M600 186 L650 218 L664 258 L684 258 M600 112 L640 160 L700 168'),
				arrowPath('M548 316 H656 M558 308 L546 316 L558 324 M646 308 L658 316 L646 324')
			].join('')
		),
		text(410, 740, ['Back supported,', 'up every half hour'], { size: 42, anchor: 'middle' }),
		text(1190, 740, ['One foot on a step,', 'shift your weight'], { size: 42, anchor: 'middle' })
	].join('\n')
};

const box = (x: number, y: number) => `<rect x="${x}" y="${y}" width="56" height="50" rx="4" fill="#c9b48a" stroke="#8a7d68" stroke-width="4"/>`;

const liftingClose: Picture = {
	id: 'lifting-close',
	title: 'Carrying and lifting: keep the load close',
	caption: 'Hold loads close to the body, and turn with your feet',
	alt: 'Three figures: a box held close to the waist, easier for the back; the same box at arm’s length, much harder work; and turning by stepping round with the feet, not twisting.',
	desc: 'Three figures. Left: a box held against the waist, marked easier. Middle: the same box held out at arm’s length, marked much harder work for the back. Right: a person turning by stepping round with their feet while holding a box close, instead of twisting at the waist.',
	body: [
		scaled(
			35,
			105,
			1.7,
			[
				thing('M30 290 H870'),
				head(130, 64),
				body('M130 90 V186 M130 186 L118 284 M130 186 L144 284 M130 110 L152 150 L168 168'),
				box(150, 140),
				`<path d="M210 60 L222 74 L246 44" fill="none" stroke="${TEAL}" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>`,
				head(400, 64),
				body('M400 90 L392 186 M392 186 L384 284 M392 186 L408 284 M398 110 L460 132 L516 138'),
				box(512, 114),
				'<path d="M540 44 L568 72 M568 44 L540 72" fill="none" stroke="#c0392b" stroke-width="7" stroke-linecap="round"/>',
				arrowPath('M412 214 H540 M528 204 L542 214 L528 224', ' stroke-dasharray="6 8"'),
				head(740, 64),
				body('M740 90 V186 M740 186 L726 284 M740 186 L756 284 M740 110 L762 150 L778 168'),
				box(760, 140),
				'<ellipse cx="690" cy="300" rx="14" ry="7" fill="#c9b48a" stroke="#8a7d68" stroke-width="4"/>',
				'<ellipse cx="800" cy="300" rx="14" ry="7" fill="#c9b48a" stroke="#8a7d68" stroke-width="4"/>',
				arrowPath('M672 250 C 700 226, 780 226, 808 250 M796 240 L810 252 L794 258')
			].join('')
		),
		label(290, 740, 'Close to your waist', 'easier for your back', 'middle', 44),
		label(800, 740, 'At arm’s length', 'much harder work', 'middle', 44),
		label(1310, 740, 'Turn with your feet', 'step round, don’t twist', 'middle', 44)
	].join('\n')
};

const axis = (d: string) => `<path d="${d}" fill="none" stroke="${THING}" stroke-width="4" stroke-linecap="round"/>`;

const pacing: Picture = {
	id: 'pacing',
	title: 'Boom and bust, or pacing',
	caption: 'Boom and bust, or pacing: start lower and go up in small planned steps',
	alt: 'Two graphs of activity over weeks: boom and bust, with spikes and crashes drifting lower; pacing, starting below what you can do now and rising in small steps to a goal.',
	desc: 'Two graphs of activity over the weeks. Left, boom and bust: tall spikes of overdoing it on good days followed by crashes, drifting lower over time. Right, pacing: a start a little below what can be managed now (a dashed line), then small planned steps rising steadily toward a goal flag.',
	body: [
		text(400, 110, 'Boom and bust', { size: 52, weight: 700, anchor: 'middle', color: '#a8321f' }),
		text(1200, 110, 'Pacing', { size: 52, weight: 700, anchor: 'middle', color: TEAL }),
		scaled(
			-37,
			124,
			1.9,
			[
				axis('M50 40 V270 H410'),
				'<path d="M60 200 L80 200 L100 80 L118 240 L150 240 L166 210 L182 100 L200 250 L236 250 L250 220 L266 130 L284 258 L320 258 L334 232 L350 156 L366 262 L400 262" fill="none" stroke="#c0392b" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>'
			].join('')
		),
		scaled(
			-73,
			124,
			1.9,
			[
				axis('M490 40 V270 H850'),
				'<path d="M496 200 H846" fill="none" stroke="#2f6491" stroke-width="3" stroke-dasharray="8 8"/>',
				`<path d="M500 228 H540 V214 H580 V200 H620 V186 H660 V172 H700 V158 H740 V144 H780 V130 H820" fill="none" stroke="${TEAL}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>`,
				axis('M824 128 V64'),
				`<path d="M826 64 L862 76 L826 88 Z" fill="${ARROW}"/>`
			].join('')
		),
		text(1530, 570, 'what you can do now', { size: 40, anchor: 'end', color: '#2f6491', weight: 600 }),
		text(1470, 280, 'goal', { size: 40, anchor: 'end', weight: 600 }),
		text(400, 740, ['Overdo it on good days,', 'then crash'], { size: 42, anchor: 'middle' }),
		text(1200, 740, ['Start lower, go up', 'in small planned steps'], { size: 42, anchor: 'middle' })
	].join('\n')
};

export const REDRAWN_PICTURES: readonly Picture[] = [spineParts, postureVariety, sittingStanding, liftingClose, pacing];
