/**
 * The back-school talk pictures: every picture in course.ts, topics.ts and redrawn.ts is written as an
 * SVG to static/media/images/<id>.svg, and the `images:` block of src/content/media.yaml is
 * rewritten with each one's file, alt text and caption (pictures drawn by hand, already in
 * the catalogue, are kept as they are). Pure text: needs no tools.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { mediaCatalog } from '../../../src/lib/routine/schema';
import { describe, replaceBlock } from '../video/videos';
import { COURSE_PICTURES } from './course';
import { REDRAWN_PICTURES } from './redrawn';
import { svg, type Picture } from './draw';
import { TOPIC_PICTURES } from './topics';

export const PICTURES: readonly Picture[] = [...COURSE_PICTURES, ...TOPIC_PICTURES, ...REDRAWN_PICTURES];

interface ImageEntry {
	readonly file: string;
	readonly alt: string;
	readonly caption?: string;
}

export function imagesYaml(entries: Readonly<Record<string, ImageEntry>>): string {
	const lines = [
		'# Pictures for talks and exercises. The talk pictures (bs-… and those after them) are drawn by',
		'# scripts/media/talk-pictures/ (npm run media); the others by hand. alt says what a picture',
		'# shows (screen readers), caption is the line under it on the stage and the handout.',
		'images:'
	];
	for (const [id, e] of Object.entries(entries)) {
		lines.push(`  ${id}:`, `    file: ${e.file}`, `    alt:${describe(e.alt)}`);
		if (e.caption !== undefined) lines.push(`    caption:${describe(e.caption)}`);
	}
	return `${lines.join('\n')}\n`;
}

export function buildTalkPictures(repo: string, log: (line: string) => void): number {
	const dir = join(repo, 'static', 'media', 'images');
	let bytes = 0;
	for (const p of PICTURES) {
		const text = svg(p);
		writeFileSync(join(dir, `${p.id}.svg`), text);
		bytes += Buffer.byteLength(text);
	}
	const catalogFile = join(repo, 'src', 'content', 'media.yaml');
	const before = readFileSync(catalogFile, 'utf8');
	const current = mediaCatalog.parse(parse(before)).images;
	const made = new Set(PICTURES.map((p) => p.id));
	const entries: Record<string, ImageEntry> = {};
	for (const [id, e] of Object.entries(current)) if (!made.has(id)) entries[id] = e;
	for (const p of PICTURES) entries[p.id] = { file: `images/${p.id}.svg`, alt: p.alt, caption: p.caption };
	const after = replaceBlock(before, 'images', imagesYaml(entries));
	// Never write a catalogue the app would reject.
	mediaCatalog.parse(parse(after));
	if (after !== before) writeFileSync(catalogFile, after);
	log(`pictures: ${PICTURES.length} talk pictures, ${(bytes / 1024).toFixed(0)} KB in static/media/images`);
	return PICTURES.length;
}
