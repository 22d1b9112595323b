/**
 * The programme builder's state: the draft, the last refused edit's message, and what follows
 * from the draft (the routine document, its problems, each level's length). Every edit goes
 * through the pure functions in edit.ts and is written to the device at once.
 */
import { emptyDraft, type Dose, type Draft, type RuleKind } from './draft';
import { DraftStore } from './draft-store';
import * as edit from './edit';
import type { LibraryEducation, LibraryExercise } from './library';
import { levelDurations, type LevelPreview } from './preview';
import { buildProgramme, DRAFT_ROUTINE_ID, type Built, type FieldProblem } from './to-routine';
import type { Category } from '../routine/categories';
import type { MediaCatalog } from '../routine/schema';

export class ProgrammeBuilder {
	#draft = $state.raw<Draft>(emptyDraft());
	#message = $state<string | null>(null);
	readonly #store: DraftStore;
	readonly #catalog: MediaCatalog | undefined;
	readonly #built = $derived.by<Built>(() => buildProgramme(this.#draft, DRAFT_ROUTINE_ID, this.#catalog));
	readonly #durations = $derived<LevelPreview[]>(this.#built.routine ? levelDurations(this.#built.routine) : []);

	/**
	 * `saved` is the server's copy; a draft on the device wins over it, since it is newer typing.
	 * `catalog`, the install's media, lets the preview report a clip the install lacks.
	 */
	constructor(store: DraftStore, saved: Draft | null = null, catalog?: MediaCatalog) {
		this.#store = store;
		this.#catalog = catalog;
		this.#draft = store.load() ?? saved ?? emptyDraft();
	}

	get draft(): Draft {
		return this.#draft;
	}
	get message(): string | null {
		return this.#message;
	}
	get built(): Built {
		return this.#built;
	}
	get problems(): readonly FieldProblem[] {
		return this.#built.problems;
	}
	get durations(): readonly LevelPreview[] {
		return this.#durations;
	}

	problemsAt(field: string): FieldProblem[] {
		return this.#built.problems.filter((p) => p.field === field);
	}

	#set(next: Draft): void {
		this.#draft = next;
		this.#message = null;
		this.#store.save(next);
	}

	#apply(result: edit.EditResult): boolean {
		if (!result.ok) {
			this.#message = result.message;
			return false;
		}
		this.#set(result.draft);
		return true;
	}

	addExercise(from: LibraryExercise): boolean {
		return this.#apply(edit.addExercise(this.#draft, from));
	}
	addEducation(from: LibraryEducation): boolean {
		return this.#apply(edit.addEducation(this.#draft, from));
	}
	remove(index: number): void {
		this.#set(edit.removeItem(this.#draft, index));
	}
	move(index: number, by: -1 | 1): void {
		this.#set(edit.moveItem(this.#draft, index, by));
	}
	setDose(index: number, level: number, field: edit.DoseField, value: number | null): void {
		this.#set(edit.setDose(this.#draft, index, level, field, value));
	}
	setInLevel(index: number, level: number, on: boolean): void {
		this.#set(edit.setInLevel(this.#draft, index, level, on));
	}
	setPerSide(index: number, on: boolean): void {
		this.#set(edit.setPerSide(this.#draft, index, on));
	}
	setFirstSide(index: number, level: number, side: Dose['firstSide']): void {
		this.#set(edit.setFirstSide(this.#draft, index, level, side));
	}
	setPhaseSeconds(index: number, level: number, phase: number, seconds: number): void {
		this.#set(edit.setPhaseSeconds(this.#draft, index, level, phase, seconds));
	}
	setExerciseText(index: number, field: 'note' | 'intensity', value: string): void {
		this.#set(edit.setExerciseText(this.#draft, index, field, value));
	}
	setEducationSeconds(index: number, seconds: number): void {
		this.#set(edit.setEducationSeconds(this.#draft, index, seconds));
	}
	addLevel(): boolean {
		return this.#apply(edit.addLevel(this.#draft));
	}
	removeLevel(level: number): boolean {
		return this.#apply(edit.removeLevel(this.#draft, level));
	}
	renameLevel(level: number, name: string): void {
		this.#set(edit.renameLevel(this.#draft, level, name));
	}
	setRule(rule: RuleKind): void {
		this.#set(edit.setRule(this.#draft, rule));
	}
	setRuleSetting(field: edit.RuleSetting, value: number): void {
		this.#set(edit.setRuleSetting(this.#draft, field, value));
	}
	setProgressionDescription(value: string): void {
		this.#set(edit.setProgressionDescription(this.#draft, value));
	}
	setText(field: edit.DraftText, value: string): void {
		this.#set(edit.setText(this.#draft, field, value));
	}
	setCategory(category: Category): void {
		this.#set(edit.setCategory(this.#draft, category));
	}
	setFrequency(sessionsPerWeek: number, weeks: number | null): void {
		this.#set(edit.setFrequency(this.#draft, sessionsPerWeek, weeks));
	}
	setStartingLevel(level: number): void {
		this.#set(edit.setStartingLevel(this.#draft, level));
	}
	addSafetyLine(list: edit.SafetyList, line: string): boolean {
		return this.#apply(edit.addSafetyLine(this.#draft, list, line));
	}
	setSafetyLine(list: edit.SafetyList, index: number, line: string): void {
		this.#set(edit.setSafetyLine(this.#draft, list, index, line));
	}
	removeSafetyLine(list: edit.SafetyList, index: number): void {
		this.#set(edit.removeSafetyLine(this.#draft, list, index));
	}
	/** An imported file or the server's copy replaces the draft wholesale. */
	replace(draft: Draft): void {
		this.#set(draft);
	}
	/** After a save the server holds it; the device's copy would only shadow later versions. */
	saved(): void {
		this.#store.clear();
	}
}
