/**
 * The pictures for the back-school talks' topics, one idea each, drawn from the talks'
 * own words (src/content/routines/back-school-lesson-*.yaml).
 */
import {
	arrow,
	BLUE,
	BLUE_SOFT,
	BONE,
	circle,
	figure,
	INK,
	line,
	ORANGE,
	RED,
	RED_SOFT,
	rect,
	SOFT,
	standing,
	TEAL,
	TEAL_SOFT,
	text,
	tick,
	W,
	type Picture
} from './draw';

type P = readonly [number, number];

/** Two panels side by side with a heading each. */
function panels(left: { title: string; fill: string; color: string }, right: { title: string; fill: string; color: string }): string {
	return [
		rect(40, 40, 740, 820, left.fill, left.color, 28, 5),
		rect(820, 40, 740, 820, right.fill, right.color, 28, 5),
		text(410, 118, left.title, { size: 50, weight: 700, anchor: 'middle', color: left.color }),
		text(1190, 118, right.title, { size: 50, weight: 700, anchor: 'middle', color: right.color })
	].join('\n');
}

/** A disc between two vertebrae, squeezed (arrows) or not. */
function disc(x: number, y: number, full: boolean): string {
	const parts = [
		rect(x - 110, y - 70, 220, 48, BONE, '#7d6645', 10, 3),
		rect(x - 100, y - 18, 200, full ? 36 : 22, full ? '#a9cdeb' : '#cfdbe4', '#2f6491', 10, 3),
		rect(x - 110, y + (full ? 22 : 8), 220, 48, BONE, '#7d6645', 10, 3)
	];
	if (full) parts.push(arrow([x + 160, y - 90], [x + 160, y - 30], BLUE, 7), arrow([x + 160, y + 110], [x + 160, y + 50], BLUE, 7));
	return parts.join('');
}

const movementHelps: Picture = {
	id: 'bs-movement-helps',
	title: 'Why movement helps',
	caption: 'Moving feeds the discs and keeps muscles strong; long rest makes the back stiffer and more sensitive',
	alt: 'Resting in bed: thin disc, weaker stiffer muscles. Walking: disc squeezed and fed, strong muscles, recovery sooner.',
		desc: 'Two panels. Left, resting a lot: a figure lying in bed; the disc between two vertebrae is thin and pale; muscles weaker and stiffer, the back more sensitive. Right, keeping moving: a walking figure; the disc is plump, squeezed and released with each movement; muscles strong and supple, recovery sooner.',
	body: [
		panels({ title: 'Resting a lot', fill: RED_SOFT, color: RED }, { title: 'Keeping moving', fill: TEAL_SOFT, color: TEAL }),
		// Left: lying in bed.
		rect(110, 330, 600, 60, '#d9cbb5', '#8c7a5e', 12, 3),
		rect(110, 300, 110, 40, '#ffffff', '#8c7a5e', 14, 3),
		figure({ head: [170, 285], neck: [215, 300], hip: [420, 305], arms: [[[300, 312], [370, 310]]], legs: [[[530, 300], [640, 306]]] }),
		disc(410, 500, false),
		text(410, 660, ['Disc less well fed', 'Muscles weaker, stiffer', 'Back more sensitive'], { size: 40, anchor: 'middle' }),
		// Right: walking.
		figure({ head: [1190, 170], neck: [1190, 212], hip: [1190, 330], arms: [[[1150, 270], [1130, 330]], [[1232, 268], [1258, 322]]], legs: [[[1150, 390], [1118, 450]], [[1226, 392], [1262, 446]]] }),
		disc(1150, 560, true),
		text(1190, 700, ['Disc squeezed and fed', 'Muscles strong, supple', 'Recovery sooner'], { size: 40, anchor: 'middle' })
	].join('\n')
};

/** A smoke alarm on the ceiling, sounding (wavy lines) or quiet. */
function alarm(x: number, y: number, sounding: boolean, color: string): string {
	const parts = [line([[x - 110, y - 70], [x + 110, y - 70]], SOFT, 6), `<ellipse cx="${x}" cy="${y - 40}" rx="90" ry="34" fill="#ffffff" stroke="${INK}" stroke-width="5"/>`, circle(x, y - 40, 12, color)];
	if (sounding) {
		for (const k of [1, 2]) {
			parts.push(`<path d="M${x - 120 - 28 * k} ${y - 70 + 20 * k} q-30 40 0 80" fill="none" stroke="${color}" stroke-width="7" stroke-linecap="round"/>`);
			parts.push(`<path d="M${x + 120 + 28 * k} ${y - 70 + 20 * k} q30 40 0 80" fill="none" stroke="${color}" stroke-width="7" stroke-linecap="round"/>`);
		}
	}
	return parts.join('');
}

const hurtNotHarm: Picture = {
	id: 'bs-hurt-not-harm',
	title: 'Pain does not mean damage',
	caption: 'Pain is an alarm: after a strain it can go off too easily, with safe movements',
	alt: 'A smoke alarm going off for toast, real pain but no damage; beside it a dial turned down by regular, gradual activity.',
		desc: 'Two panels about a smoke alarm. Left, an over-sensitive alarm: it goes off for a slice of toast, loud but no fire, like back pain that comes with safe movements, real pain but no damage. Right, the alarm settling: regular, gradual activity turns its sensitivity down, shown as a dial moving from high to normal.',
	body: [
		panels({ title: 'An over-sensitive alarm', fill: RED_SOFT, color: RED }, { title: 'Helping it settle', fill: TEAL_SOFT, color: TEAL }),
		alarm(410, 280, true, RED),
		// Toast under the alarm.
		`<path d="M330 520 q0 -60 80 -60 q80 0 80 60 v110 h-160 z" fill="#e6b870" stroke="#8a5a1a" stroke-width="5"/>`,
		text(410, 720, ['Goes off for toast:', 'real pain, no damage'], { size: 44, weight: 600, anchor: 'middle' }),
		alarm(1190, 280, false, TEAL),
		// A sensitivity dial turned down.
		`<path d="M1040 560 a150 150 0 0 1 300 0" fill="none" stroke="#b7cfc9" stroke-width="26"/>`,
		`<path d="M1040 560 a150 150 0 0 1 75 -130" fill="none" stroke="${TEAL}" stroke-width="26"/>`,
		line([[1190, 560], [1110, 470]], INK, 12),
		circle(1190, 560, 18, INK),
		text(1040, 615, 'calm', { size: 40, anchor: 'middle', color: TEAL, weight: 600 }),
		text(1340, 615, 'alarm', { size: 40, anchor: 'middle', color: RED, weight: 600 }),
		text(1190, 720, ['Regular, gradual activity', 'turns the alarm down'], { size: 44, weight: 600, anchor: 'middle' })
	].join('\n')
};

/** A desk chair seen from the side. */
function chair(x: number, y: number): string {
	return [line([[x - 50, y - 110], [x + 50, y - 110]], SOFT, 12), line([[x - 50, y - 110], [x - 60, y - 240]], SOFT, 12), line([[x, y - 110], [x, y]], SOFT, 10), line([[x - 50, y], [x + 50, y]], SOFT, 10)].join('');
}

function sitter(x: number, y: number): string {
	return figure({ head: [x - 20, y - 300], neck: [x - 25, y - 258], hip: [x - 35, y - 140], arms: [[[x + 15, y - 200], [x + 70, y - 180]]], legs: [[[x + 60, y - 138], [x + 64, y - 20]]], scale: 0.9 });
}

const breakUpSitting: Picture = {
	id: 'bs-break-up-sitting',
	title: 'Break up long spells of sitting',
	caption: 'Get up and move every half hour or so',
	alt: 'A morning timeline: about half an hour of sitting at a desk, then a short break standing or walking, again and again.',
		desc: 'A morning from 9 to 12 as a timeline: blocks of about half an hour of sitting at a desk, each followed by a short break standing or walking, such as taking a phone call standing, fetching a drink or walking over to a colleague.',
	body: [
		text(W / 2, 100, 'Sit for a while, then get up and move', { size: 54, weight: 700, anchor: 'middle' }),
		line([[120, 700], [1480, 700]], SOFT, 8),
		...['9:00', '10:00', '11:00', '12:00'].map((t, i) => `${line([[160 + i * 430, 690], [160 + i * 430, 730]], SOFT, 6)}${text(160 + i * 430, 790, t, { size: 40, anchor: 'middle', color: SOFT })}`),
		...[0, 1, 2, 3, 4, 5].map((k) => {
			const x0 = 160 + k * 215;
			return [rect(x0 + 6, 620, 170, 60, BLUE_SOFT, BLUE, 12, 3), rect(x0 + 180, 620, 30, 60, TEAL, 'none', 8)].join('');
		}),
		sitter(330, 560),
		chair(310, 560),
		standing(820, 560, TEAL),
		text(820, 220, 'phone call standing', { size: 40, anchor: 'middle', color: TEAL }),
		sitter(1090, 560),
		chair(1070, 560),
		figure({ head: [1360, 290], neck: [1360, 330], hip: [1362, 448], arms: [[[1320, 388], [1300, 446]], [[1400, 386], [1430, 440]]], legs: [[[1320, 508], [1290, 560]], [[1396, 510], [1430, 556]]], color: TEAL }),
		text(1360, 220, 'fetch a drink', { size: 40, anchor: 'middle', color: TEAL }),
		rect(420, 830, 40, 34, BLUE_SOFT, BLUE, 6, 3),
		text(475, 862, 'sitting, 30 min', { size: 40 }),
		rect(900, 830, 40, 34, TEAL, 'none', 6),
		text(955, 862, 'up and moving', { size: 40 })
	].join('\n')
};

const standingLong: Picture = {
	id: 'bs-standing',
	title: 'Standing for long',
	caption: 'Shift your weight, rest a foot on a step, work at a comfortable height',
	alt: 'A figure at a worktop, one foot on a low step, working on a raised board; tips to shift weight and raise low work.',
		desc: 'A figure standing at a kitchen worktop with one foot resting on a low step and a raised chopping board, so it does not stoop. Beside it, three tips: shift your weight from foot to foot; rest one foot on a low step and swap feet; raise low work, or kneel or sit for low jobs.',
	body: [
		// Worktop with a raised board.
		rect(420, 420, 330, 40, '#d9cbb5', '#8c7a5e', 6, 3),
		line([[450, 460], [450, 760]], '#8c7a5e', 10),
		line([[720, 460], [720, 760]], '#8c7a5e', 10),
		rect(470, 380, 160, 40, '#e6c48f', '#8a5a1a', 6, 3),
		// Figure facing the worktop, one foot on a step.
		figure({ head: [300, 300], neck: [305, 340], hip: [300, 480], arms: [[[370, 390], [470, 380]]], legs: [[[290, 620], [285, 760]], [[370, 560], [400, 650], [430, 690]]] }),
		rect(360, 690, 150, 70, BONE, '#7d6645', 8, 3),
		line([[100, 762], [760, 762]], SOFT, 6),
		tick(860, 230, 36),
		text(915, 222, ['Shift your weight', 'from foot to foot'], { size: 42 }),
		tick(860, 430, 36),
		text(915, 422, ['Rest one foot on a low step,', 'swap feet now and then'], { size: 42 }),
		tick(860, 630, 36),
		text(915, 622, ['Raise low work; kneel, squat', 'or sit for low jobs'], { size: 42 }),
		text(W / 2, 860, 'After a long spell: a few standing back-bends or a short walk', { size: 40, anchor: 'middle', color: SOFT })
	].join('\n')
};

/** A bed as a long box at height y. */
function bed(x: number, y: number, w = 420): string {
	return [rect(x, y, w, 50, '#d9cbb5', '#8c7a5e', 10, 3), line([[x + 20, y + 50], [x + 20, y + 110]], '#8c7a5e', 10), line([[x + w - 20, y + 50], [x + w - 20, y + 110]], '#8c7a5e', 10)].join('');
}

const gettingUp: Picture = {
	id: 'bs-getting-up',
	title: 'Getting out of bed with a sore back',
	caption: 'Bend your knees, roll onto your side, push up as your legs swing down',
	alt: 'Three steps out of bed: knees bent on the back, rolled onto the side, pushing up with the arms as the legs swing down.',
		desc: 'Three steps of getting out of bed, left to right: 1, lying on the back with knees bent; 2, rolled onto the side facing the edge of the bed, knees together; 3, pushing up with the arms while the legs swing down over the edge, ending sitting on the side of the bed. To lie down, the same in reverse.',
	body: [
		text(W / 2, 100, 'Getting up when your back is sore', { size: 54, weight: 700, anchor: 'middle' }),
		bed(60, 520),
		figure({ head: [110, 490], neck: [150, 500], hip: [310, 500], arms: [[[220, 506], [290, 504]]], legs: [[[360, 420], [430, 500]]] }),
		text(270, 700, ['1  Bend your knees'], { size: 42, weight: 600, anchor: 'middle' }),
		bed(590, 520),
		figure({ head: [640, 480], neck: [680, 492], hip: [830, 492], arms: [[[760, 470], [820, 450]]], legs: [[[900, 440], [950, 500]]] }),
		text(800, 700, ['2  Roll onto your side'], { size: 42, weight: 600, anchor: 'middle' }),
		bed(1120, 520),
		figure({ head: [1360, 330], neck: [1360, 372], hip: [1390, 500], arms: [[[1310, 440], [1290, 512]]], legs: [[[1500, 500], [1520, 630]]] }),
		arrow([1300, 330], [1330, 270], TEAL, 7),
		text(1330, 700, ['3  Push up as your', 'legs swing down'], { size: 42, weight: 600, anchor: 'middle' }),
		text(W / 2, 850, 'To lie down, do the same in reverse', { size: 40, anchor: 'middle', color: SOFT })
	].join('\n')
};

/** A figure bending: feet at (x, 760), trunk at `lean` degrees from upright toward +x. */
function bender(x: number, lean: number, knees = 0): string {
	const hip: P = [x, 500];
	const a = (lean * Math.PI) / 180;
	const neck: P = [hip[0] + 130 * Math.sin(a), hip[1] - 130 * Math.cos(a)];
	const head: P = [hip[0] + 174 * Math.sin(a), hip[1] - 174 * Math.cos(a)];
	const hand: P = [neck[0] + 40 * Math.sin(a) + 10, neck[1] + 120];
	return figure({ head, neck, hip, arms: [[[neck[0] + 10, neck[1] + 60], hand]], legs: [[[x + knees, 630], [x - 10, 760]], [[x + knees + 20, 630], [x + 16, 760]]] });
}

const bendingSafe: Picture = {
	id: 'bs-bending-is-safe',
	title: 'Bending is safe',
	caption: 'Your spine is built to bend forward, backward, sideways and to twist',
	alt: 'Four figures bending forward, backward, sideways and twisting, each with a green tick: the spine is built to bend.',
		desc: 'Four figures, each with a green tick: bending forward to touch the knees, leaning back, bending to the side, and twisting to look behind. Below: avoiding bending keeps the muscles tense and the back stiff; getting used to bending again, a little at a time, helps.',
	body: [
		text(W / 2, 100, 'Your spine is built to bend', { size: 56, weight: 700, anchor: 'middle' }),
		bender(250, 60, 20),
		text(260, 830, 'forward', { size: 42, anchor: 'middle' }),
		tick(260, 210),
		bender(620, -22),
		text(620, 830, 'backward', { size: 42, anchor: 'middle' }),
		tick(620, 210),
		figure({ head: [1000, 330], neck: [990, 372], hip: [960, 500], arms: [[[1040, 400], [1070, 330]], [[950, 430], [930, 560]]], legs: [[[940, 630], [930, 760]], [[985, 630], [995, 760]]] }),
		text(980, 830, 'sideways', { size: 42, anchor: 'middle' }),
		tick(980, 210),
		figure({ head: [1340, 326], neck: [1340, 368], hip: [1340, 500], arms: [[[1290, 410], [1250, 380]], [[1390, 400], [1440, 370]]], legs: [[[1320, 630], [1316, 760]], [[1362, 630], [1366, 760]]] }),
		`<path d="M1260 300 a90 40 0 1 1 160 0" fill="none" stroke="${TEAL}" stroke-width="8" stroke-linecap="round"/>`,
		text(1340, 830, 'twisting', { size: 42, anchor: 'middle' }),
		tick(1340, 210)
	].join('\n')
};

const everydayBending: Picture = {
	id: 'bs-everyday-bending',
	title: 'Bending in everyday jobs',
	caption: 'Mix positions: kneel for low jobs, try the golfer’s lift, use long handles',
	alt: 'Half-kneeling to weed, the golfer’s lift holding a table with one leg swinging back, and a long-handled dustpan.',
		desc: 'Three figures. Half-kneeling to weed a flower bed, one knee on the ground. The golfer’s lift: holding a table with one hand and reaching down to pick up a cup while one leg swings out behind. Standing upright using a long-handled dustpan and brush instead of stooping.',
	body: [
		text(W / 2, 100, 'Mix your positions', { size: 56, weight: 700, anchor: 'middle' }),
		// Half-kneeling gardener.
		figure({ head: [300, 400], neck: [296, 440], hip: [270, 560], arms: [[[330, 500], [380, 620]]], legs: [[[350, 620], [360, 720]], [[230, 700], [160, 720]]] }),
		`<path d="M360 720 q20 -60 40 0 q20 -50 40 0" fill="none" stroke="${TEAL}" stroke-width="8"/>`,
		text(290, 810, ['Kneel or half-kneel', 'for low jobs'], { size: 40, anchor: 'middle' }),
		// Golfer's lift.
		rect(620, 470, 200, 26, '#d9cbb5', '#8c7a5e', 6, 3),
		line([[800, 496], [800, 720]], '#8c7a5e', 10),
		figure({ head: [760, 600], neck: [730, 590], hip: [620, 560], arms: [[[720, 530], [690, 480]], [[750, 650], [770, 700]]], legs: [[[610, 640], [620, 720]], [[520, 520], [440, 480]]] }),
		rect(760, 700, 34, 22, '#ffffff', INK, 4, 3),
		text(700, 810, ['The golfer’s lift', 'for light things'], { size: 40, anchor: 'middle' }),
		// Long-handled tools.
		standing(1200, 720),
		line([[1240, 560], [1340, 720]], ORANGE, 10),
		rect(1320, 700, 80, 24, ORANGE, 'none', 4),
		text(1240, 810, ['Long-handled tools;', 'raise low work'], { size: 40, anchor: 'middle' }),
		line([[100, 722], [1500, 722]], SOFT, 5)
	].join('\n')
};

const whyActive: Picture = {
	id: 'bs-why-active',
	title: 'Why staying active matters',
	caption: 'Any activity you enjoy helps: stronger muscles, better sleep and mood, a calmer pain system',
	alt: 'Walking, swimming, yoga, strengthening, tai chi and cycling around the words “the best activity is one you enjoy”.',
		desc: 'In the middle, the words: the best activity is one you enjoy. Around it, kinds of activity that help: walking, swimming, yoga and stretching, strengthening, tai chi. On the right, what regular activity does: keeps muscles strong and joints supple, improves sleep and mood, helps an over-sensitive pain system settle.',
	body: [
		text(W / 2, 96, 'Exercise of many kinds helps', { size: 56, weight: 700, anchor: 'middle' }),
		circle(470, 480, 165, TEAL_SOFT, TEAL, 6),
		text(470, 465, ['Best is one', 'you enjoy'], { size: 44, weight: 700, anchor: 'middle', color: TEAL }),
		...(
			[
				['walking', 470, 235],
				['swimming', 785, 340],
				['yoga', 785, 640],
				['strengthening', 470, 745],
				['tai chi', 155, 640],
				['cycling', 155, 340]
			] as const
		).map(([t, x, y]) => `${rect(x - 150, y - 48, 300, 72, '#ffffff', TEAL, 36, 4)}${text(x, y + 4, t, { size: 40, anchor: 'middle' })}`),
		rect(960, 200, 600, 560, '#f4f8f7', TEAL, 24, 4),
		text(1260, 270, 'Regular activity', { size: 44, weight: 700, anchor: 'middle' }),
		tick(1020, 360, 30),
		text(1070, 348, ['keeps muscles strong', 'and joints supple'], { size: 40 }),
		tick(1020, 500, 30),
		text(1070, 488, ['improves sleep', 'and mood'], { size: 40 }),
		tick(1020, 640, 30),
		text(1070, 628, ['helps a sensitive pain', 'system settle'], { size: 40 }),
		text(W / 2, 860, 'On days that hurt more, some activity still helps', { size: 40, anchor: 'middle', color: SOFT })
	].join('\n')
};

const pacingPlan: Picture = {
	id: 'bs-pacing-plan',
	title: 'Pacing with a plan',
	caption: 'Start at about 70% of your baseline and go up in small steps fixed in advance',
	alt: 'Bars of minutes walked each week: starting at 7, below a dashed 10-minute baseline, rising a minute a week to a goal.',
		desc: 'A bar chart of minutes walked each week. A dashed line marks the baseline, 10 minutes on an ordinary day. Week 1 starts below it at 7 minutes; each week rises by a small planned step, 8, 9, 10, 11, 12 minutes, toward a goal of 15 minutes marked with a flag. Follow the plan, not the pain.',
	body: (() => {
		const x0 = 180;
		const y0 = 740;
		const unit = 26;
		const parts = [text(W / 2, 96, 'Follow the plan, not the pain', { size: 56, weight: 700, anchor: 'middle' }), line([[x0, 170], [x0, y0], [1460, y0]], SOFT, 6)];
		parts.push(text(120, 460, 'minutes walked', { size: 40, anchor: 'middle', color: SOFT }).replace('<text ', '<text transform="rotate(-90 120 460)" '));
		const weeks = [7, 8, 9, 10, 11, 12, 13, 14, 15];
		weeks.forEach((m, i) => {
			const x = x0 + 40 + i * 135;
			const h = m * unit;
			parts.push(rect(x, y0 - h, 95, h, i === 0 ? ORANGE : TEAL, 'none', 8));
			parts.push(text(x + 47, y0 - h - 14, String(m), { size: 40, weight: 600, anchor: 'middle' }));
			parts.push(text(x + 47, y0 + 50, `wk ${i + 1}`, { size: 40, anchor: 'middle', color: SOFT }));
		});
		const base = y0 - 10 * unit;
		parts.push(line([[x0, base], [1460, base]], BLUE, 5, '16 12'));
		parts.push(text(x0 + 20, base - 20, 'baseline: 10 min', { size: 40, weight: 600, color: BLUE }));
		parts.push(text(x0 + 87, y0 + 96, '70%', { size: 40, weight: 700, anchor: 'middle', color: ORANGE }));
		const gx = x0 + 40 + 8 * 135 + 47;
		parts.push(line([[gx, y0 - 15 * unit - 60], [gx, y0 - 15 * unit - 180]], INK, 6));
		parts.push(`<path d="M${gx} ${y0 - 15 * unit - 180} l70 22 l-70 22 z" fill="${ORANGE}"/>`);
		parts.push(text(gx - 14, y0 - 15 * unit - 190, 'goal', { size: 40, weight: 600, anchor: 'end' }));
		parts.push(text(W / 2, 880, 'The same amount on good days and bad days', { size: 40, anchor: 'middle', color: SOFT }));
		return parts.join('\n');
	})()
};

const flareUps: Picture = {
	id: 'bs-flare-ups',
	title: 'Handling a flare-up',
	caption: 'Flare-ups settle: keep moving but do less, then build up again',
	alt: 'Activity rising in steps, dropping for a flare-up with notes to keep moving but do less, then building up again.',
		desc: 'A line of activity over several weeks rising in steps, then a flare-up: the line drops to a lower level for a few days, with notes: keep moving but do less, slow breathing and relaxation, heat and pain relief advised by a pharmacist or doctor. Then it restarts a step or two lower and builds up again. Flare-ups are common and not a sign of new damage.',
	body: [
		text(W / 2, 96, 'A flare-up is a detour, not a dead end', { size: 54, weight: 700, anchor: 'middle' }),
		line([[120, 160], [120, 640], [1480, 640]], SOFT, 6),
		line(
			[
				[130, 560],
				[260, 560],
				[260, 520],
				[390, 520],
				[390, 480],
				[520, 480],
				[520, 440],
				[600, 440],
				[640, 580],
				[820, 580],
				[840, 520],
				[960, 520],
				[960, 480],
				[1090, 480],
				[1090, 440],
				[1220, 440],
				[1220, 400],
				[1350, 400],
				[1350, 360],
				[1470, 360]
			],
			TEAL,
			12
		),
		rect(560, 560, 300, 60, RED_SOFT, RED, 14, 3),
		text(710, 605, 'flare-up', { size: 40, weight: 700, anchor: 'middle', color: RED }),
		arrow([700, 550], [700, 460], RED, 6),
		text(500, 230, ['Keep moving, but do less', 'Slow breathing and relaxation', 'Heat; pain relief if advised'], { size: 40, anchor: 'middle' }),
		text(1220, 250, ['Back to the plan,', 'a step or two lower'], { size: 40, anchor: 'middle', color: TEAL, weight: 600 }),
		text(800, 700, 'weeks', { size: 40, anchor: 'middle', color: SOFT }),
		text(W / 2, 830, 'Common, and they usually settle within days to weeks', { size: 40, anchor: 'middle', color: SOFT })
	].join('\n')
};

const keepGoing: Picture = {
	id: 'bs-keep-going',
	title: 'Keep going',
	caption: 'Write down your activities, baseline, steps and goal',
	alt: 'A filled-in plan card: walking, baseline 10 minutes, start 7, one minute more a week, goal 30; routines that help.',
		desc: 'A filled-in plan card: activity, walking; baseline, 10 minutes; start, 7 minutes; steps, one minute more each week; goal, 30 minutes by a chosen date. Beside it, routines in Limber that help keep going, and a note to talk to a doctor or physiotherapist if the pain is not improving, and to get help at once for a warning sign.',
	body: [
		text(W / 2, 96, 'My plan after the course', { size: 56, weight: 700, anchor: 'middle' }),
		rect(120, 160, 760, 620, '#fffdf6', '#8c7a5e', 20, 4),
		...(
			[
				['Activity', 'walking'],
				['Baseline', '10 minutes'],
				['Start at', '7 minutes'],
				['Steps', '+1 min a week'],
				['Goal', '30 minutes by …']
			] as const
		).flatMap(([k, v], i) => [text(170, 260 + i * 110, k, { size: 42, weight: 700 }), text(470, 260 + i * 110, v, { size: 42, color: BLUE }), line([[460, 276 + i * 110], [840, 276 + i * 110]], '#d8ccb4', 3)]),
		text(960, 220, 'Routines that help', { size: 44, weight: 700 }),
		text(960, 290, ['Morning mobility', 'Desk break', 'Yoga for back health', 'Pool programme', 'Breathing relaxation'], { size: 40, leading: 1.3 }),
		rect(920, 650, 620, 170, BLUE_SOFT, BLUE, 18, 3),
		text(950, 715, ['Not improving, or worried?', 'See your doctor or physio'], { size: 40 })
	].join('\n')
};

export const TOPIC_PICTURES: readonly Picture[] = [movementHelps, hurtNotHarm, breakUpSitting, standingLong, gettingUp, bendingSafe, everydayBending, whyActive, pacingPlan, flareUps, keepGoing];

