/**
 * Filtering the catalogue: which routines fit a category, a level, a session length, a
 * position and the equipment a person has. The filters live in the URL query, so a
 * filtered list can be bookmarked and works as a plain GET form without JavaScript; this
 * module parses that query, writes it back in one canonical form, and does the matching.
 */
import type { RoutineSummary } from './catalogue';
import { CATEGORIES, POSITION_LABELS, POSITIONS, type Category, type Position } from './categories';

/** Bands of session length, in whole minutes as the cards show them ("12 min"). */
export const DURATION_BANDS = [
	{ id: 'up-to-10', label: 'Up to 10 min', over: null, upTo: 10 },
	{ id: '11-20', label: '11 to 20 min', over: 10, upTo: 20 },
	{ id: '21-30', label: '21 to 30 min', over: 20, upTo: 30 },
	{ id: 'over-30', label: 'Over 30 min', over: 30, upTo: null }
] as const satisfies readonly { id: string; label: string; over: number | null; upTo: number | null }[];

export type DurationBand = (typeof DURATION_BANDS)[number];
export type DurationBandId = DurationBand['id'];

/** The equipment filter's value for "routines that need nothing (or only optional items)". */
export const NO_EQUIPMENT = 'none';

export interface EquipmentOption {
	/** URL value: lowercase words joined by hyphens. */
	readonly id: string;
	readonly label: string;
}

/**
 * Equipment in routine files is free text ("Yoga mat or carpeted floor", "Strap or
 * towel"), so items are sorted into a few kinds a person recognises by the words they
 * contain. An item that matches no kind becomes an option of its own, so new content
 * always shows up in the filter.
 */
const EQUIPMENT_KINDS: readonly (EquipmentOption & { readonly words: readonly string[] })[] = [
	{ id: 'mat', label: 'Mat or rug', words: ['mat', 'rug', 'carpet', 'carpeted'] },
	{ id: 'cushion', label: 'Cushion, pillow or blanket', words: ['cushion', 'pillow', 'blanket'] },
	{ id: 'chair', label: 'Chair, sofa or bed', words: ['chair', 'sofa', 'bed'] },
	{ id: 'wall', label: 'Wall', words: ['wall'] },
	{ id: 'strap', label: 'Strap, belt or towel', words: ['strap', 'belt', 'towel'] },
	{ id: 'block', label: 'Yoga block', words: ['block'] },
	{ id: 'step', label: 'Step or box', words: ['step', 'box'] },
	{ id: 'pool', label: 'Swimming pool', words: ['pool', 'poolside'] },
	{ id: 'float', label: 'Float or kickboard', words: ['float', 'kickboard'] },
	{ id: 'screen', label: 'Projector or screen', words: ['projector', 'screen'] }
];

const OPTIONAL = /\(optional\b/i;

/** Words of an item, lowercased, plural "s" dropped ("Cushions" → "cushion"). */
function wordsOf(item: string): Set<string> {
	const words = item.toLowerCase().match(/[a-z]+/g) ?? [];
	return new Set(words.flatMap((w) => (w.length > 3 && w.endsWith('s') ? [w, w.slice(0, -1)] : [w])));
}

/** "A pair of water shoes (optional, for grip)" → "Pair of water shoes". */
function bareItem(item: string): string {
	const bare = item
		.replace(/\s*\(.*?\)\s*/g, ' ')
		.trim()
		.replace(/^(a|an|the)\s+/i, '');
	return bare.charAt(0).toUpperCase() + bare.slice(1);
}

function slug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** The filter options one equipment item counts under. */
export function equipmentKindsOf(item: string): EquipmentOption[] {
	const words = wordsOf(item);
	const kinds = EQUIPMENT_KINDS.filter((k) => k.words.some((w) => words.has(w))).map(({ id, label }) => ({ id, label }));
	if (kinds.length > 0) return kinds;
	const label = bareItem(item);
	const id = slug(label);
	return id ? [{ id: `item-${id}`, label }] : [];
}

/** True when everything the routine lists is marked optional (or it lists nothing). */
export function needsNoEquipment(summary: Pick<RoutineSummary, 'equipment'>): boolean {
	return summary.equipment.every((item) => OPTIONAL.test(item));
}

/** Every equipment option any routine uses, sorted by label. */
export function equipmentOptions(summaries: readonly Pick<RoutineSummary, 'equipment'>[]): EquipmentOption[] {
	const byId = new Map<string, EquipmentOption>();
	for (const item of summaries.flatMap((s) => s.equipment)) {
		for (const kind of equipmentKindsOf(item)) if (!byId.has(kind.id)) byId.set(kind.id, kind);
	}
	return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** What the filter form offers, derived from the routines there are. */
export interface FilterOptions {
	readonly categories: readonly Category[];
	readonly levels: readonly number[];
	readonly positions: readonly { readonly id: Position; readonly label: string }[];
	readonly durations: readonly DurationBand[];
	readonly equipment: readonly EquipmentOption[];
}

export function filterOptions(summaries: readonly RoutineSummary[]): FilterOptions {
	const maxLevel = Math.max(0, ...summaries.map((s) => s.levels.length));
	return {
		categories: CATEGORIES,
		levels: Array.from({ length: maxLevel }, (_, i) => i + 1),
		positions: POSITIONS.map((id) => ({ id, label: POSITION_LABELS[id] })),
		durations: DURATION_BANDS,
		equipment: equipmentOptions(summaries)
	};
}

export interface CatalogueFilters {
	readonly category: Category | null;
	/** Routines that have this level. */
	readonly level: number | null;
	/** Routines with a level of this length (the chosen level, if one is chosen). */
	readonly duration: DurationBandId | null;
	/** Routines with an exercise in any of these positions; empty = any. */
	readonly positions: readonly Position[];
	/** NO_EQUIPMENT, or an EquipmentOption id the routine uses. */
	readonly equipment: string | null;
}

export const NO_FILTERS: CatalogueFilters = { category: null, level: null, duration: null, positions: [], equipment: null };

/**
 * Reads filters from a URL query (or form data). Values the options do not offer are
 * dropped rather than matching nothing: an old bookmark shows more, not an empty page.
 */
export function parseFilters(params: URLSearchParams, options: FilterOptions): CatalogueFilters {
	const one = (name: string): string | null => {
		const v = params.get(name)?.trim();
		return v ? v : null;
	};
	const category = one('category');
	const level = Number(one('level'));
	const duration = one('duration');
	const equipment = one('equipment');
	const asked = new Set(params.getAll('position'));
	return {
		category: options.categories.find((c) => c === category) ?? null,
		level: options.levels.includes(level) ? level : null,
		duration: options.durations.find((b) => b.id === duration)?.id ?? null,
		positions: options.positions.filter((p) => asked.has(p.id)).map((p) => p.id),
		equipment:
			equipment === NO_EQUIPMENT || options.equipment.some((e) => e.id === equipment) ? equipment : null
	};
}

/** The canonical query for a set of filters: fixed order, nothing for "any". */
export function filtersToParams(filters: CatalogueFilters): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.category) params.set('category', filters.category);
	if (filters.level !== null) params.set('level', String(filters.level));
	if (filters.duration) params.set('duration', filters.duration);
	for (const p of POSITIONS) if (filters.positions.includes(p)) params.append('position', p);
	if (filters.equipment) params.set('equipment', filters.equipment);
	return params;
}

export function isFiltered(filters: CatalogueFilters): boolean {
	return filtersToParams(filters).toString() !== '';
}

/** Whole minutes as formatDuration shows them, so "10 min" on a card is in "Up to 10 min". */
export function shownMinutes(ms: number): number {
	return Math.round(Math.round(ms / 1000) / 60);
}

export function inBand(ms: number, band: DurationBandId): boolean {
	const b = DURATION_BANDS.find((x) => x.id === band);
	if (!b) return false;
	const m = shownMinutes(ms);
	return (b.over === null || m > b.over) && (b.upTo === null || m <= b.upTo);
}

/**
 * The levels of a routine that satisfy the level and duration filters: the chosen level
 * (if it has it), or all levels, narrowed to those whose length falls in the band.
 */
export function matchingLevels(summary: RoutineSummary, filters: CatalogueFilters): number[] {
	return summary.levels
		.filter((l) => filters.level === null || l.level === filters.level)
		.filter((l) => filters.duration === null || inBand(l.durationMs, filters.duration))
		.map((l) => l.level);
}

function usesEquipment(summary: RoutineSummary, id: string): boolean {
	if (id === NO_EQUIPMENT) return needsNoEquipment(summary);
	return summary.equipment.some((item) => equipmentKindsOf(item).some((k) => k.id === id));
}

export function matches(summary: RoutineSummary, filters: CatalogueFilters): boolean {
	if (filters.category && summary.category !== filters.category) return false;
	if (filters.positions.length > 0 && !filters.positions.some((p) => summary.positions.includes(p))) return false;
	if (filters.equipment && !usesEquipment(summary, filters.equipment)) return false;
	return matchingLevels(summary, filters).length > 0;
}

export function filterRoutines<T extends RoutineSummary>(summaries: readonly T[], filters: CatalogueFilters): T[] {
	return summaries.filter((s) => matches(s, filters));
}

/** "5 routines", or with filters "1 routine matches" / "No routines match these filters". */
export function countText(count: number, filtered: boolean): string {
	if (count === 0) return filtered ? 'No routines match these filters' : 'No routines yet';
	const noun = count === 1 ? 'routine' : 'routines';
	if (!filtered) return `${count} ${noun}`;
	return `${count} ${noun} ${count === 1 ? 'matches' : 'match'}`;
}
