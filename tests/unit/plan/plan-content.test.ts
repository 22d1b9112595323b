import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentFile } from '../../../src/lib/routine/content-set';
import { ROOT } from '../content/shipped';

function shippedFiles(): ContentFile[] {
	const out: ContentFile[] = [];
	const walk = (dir: string) => {
		for (const e of readdirSync(ROOT + dir, { withFileTypes: true })) {
			const rel = `${dir}/${e.name}`;
			if (e.isDirectory()) walk(rel);
			else if (rel.endsWith('.yaml')) out.push({ file: rel, text: readFileSync(ROOT + rel, 'utf8') });
		}
	};
	walk('src/content');
	return out;
}

describe('plan.yaml', () => {
	it('the shipped plan is valid and every routine, lesson and back-school block it names exists', () => {
		const set = checkContent(shippedFiles(), () => true);
		expect(set.problems).toEqual([]);
		expect(set.plan?.skills.map((s) => s.id)).toEqual([
			'hurt-not-harm',
			'pacing-and-goals',
			'thoughts',
			'fear-ladder',
			'sleep-and-relaxation',
			'setback-plan'
		]);
	});

	it('a wrong name is reported at its line with a suggestion', () => {
		const files = shippedFiles().map((f) =>
			f.file === 'src/content/plan.yaml' ? { ...f, text: f.text.replace('setback: desk-break', 'setback: desk-brake') } : f
		);
		const text = files.find((f) => f.file === 'src/content/plan.yaml')?.text ?? '';
		const line = text.split('\n').findIndex((l) => l.includes('desk-brake')) + 1;
		const problems = checkContent(files, () => true).problems;
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'src/content/plan.yaml', line, path: 'movement.setback' });
		expect(problems[0]?.message).toContain('did you mean "desk-break"');
	});

	it('a threshold out of range is refused with its field', () => {
		const files = shippedFiles().map((f) =>
			f.file === 'src/content/plan.yaml' ? { ...f, text: f.text.replace('daysDone: 0.8', 'daysDone: 8') } : f
		);
		const problems = checkContent(files, () => true).problems;
		expect(problems.map((p) => p.path)).toEqual(['rules.advance.daysDone']);
	});

	it('a lesson card a skill names must exist', () => {
		const files = shippedFiles().map((f) =>
			f.file === 'src/content/plan.yaml' ? { ...f, text: f.text.replace('lessons: [hurt-is-not-harm,', 'lessons: [hurt-is-no-harm,') } : f
		);
		const [p] = checkContent(files, () => true).problems;
		expect(p?.message).toBe('no lesson card has the id "hurt-is-no-harm"; did you mean "hurt-is-not-harm"?');
	});
});
