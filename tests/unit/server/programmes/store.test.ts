import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInstructor } from '$lib/server/auth/accounts';
import {
	createProgramme,
	listProgrammes,
	programmeByShareId,
	programmeForOwner,
	saveVersion,
	withdrawProgramme
} from '$lib/server/programmes/store';
import { isShareId, newShareId, routineIdFor } from '$lib/server/programmes/share-id';
import { buildProgramme } from '$lib/programme/to-routine';
import { setText } from '$lib/programme/edit';
import type { Routine } from '$lib/routine/schema';
import { fourExerciseDraft } from '../../programme/builder-fixtures';
import { tempDatabase, TEST_DIALECTS, type TempDatabase } from '../db/temp-database';

function routineTitled(title: string): Routine {
	const routine = buildProgramme(setText(fourExerciseDraft(), 'title', title)).routine;
	if (!routine) throw new Error('fixture programme does not build');
	return routine;
}

describe('share ids', () => {
	it('are 128 random bits in base64url, and map to a valid routine id', () => {
		const ids = Array.from({ length: 200 }, newShareId);
		expect(new Set(ids).size).toBe(200);
		for (const id of ids) expect(isShareId(id)).toBe(true);
		expect(Buffer.from(ids[0] ?? '', 'base64url')).toHaveLength(16);
		expect(routineIdFor(ids[0] ?? '')).toMatch(/^programme-[0-9a-f]{32}$/);
		expect(isShareId('../etc/passwd')).toBe(false);
		expect(isShareId('1')).toBe(false);
	});
});

describe.each(TEST_DIALECTS)('programmes on %s', (dialect) => {
	let database: TempDatabase;
	let ana: string;
	let bo: string;
	beforeEach(async () => {
		database = await tempDatabase(dialect);
		const a = await createInstructor(database, 'ana@clinic.org', 'long enough pw');
		const b = await createInstructor(database, 'bo@clinic.org', 'long enough pw');
		if (!a.ok || !b.ok) throw new Error('accounts');
		ana = a.instructor.id;
		bo = b.instructor.id;
	});
	afterEach(() => database.dispose());

	it('creates a programme anyone can open by its link, playing under its own routine id', async () => {
		const row = await createProgramme(database, ana, routineTitled('Back care'), 1000);
		expect(isShareId(row.id)).toBe(true);
		const opened = await programmeByShareId(database, row.id);
		expect(opened).toMatchObject({ id: row.id, ownerId: ana, title: 'Back care', version: 1, withdrawnAt: null });
		expect(opened?.routine.id).toBe(routineIdFor(row.id));
		expect(opened?.routine.levels).toHaveLength(2);
		expect(await programmeByShareId(database, newShareId())).toBeNull();
		expect(await programmeByShareId(database, 'not a share id')).toBeNull();
	});

	it('keeps every version and serves the newest', async () => {
		const row = await createProgramme(database, ana, routineTitled('Back care'), 1000);
		const saved = await saveVersion(database, ana, row.id, routineTitled('Back care, week 3'), 2000);
		expect(saved).toMatchObject({ ok: true, programme: { version: 2, title: 'Back care, week 3', updatedAt: 2000 } });
		const newest = await programmeByShareId(database, row.id);
		expect(newest?.routine.title).toBe('Back care, week 3');
		// The same routine id in every version: a patient's device keeps their level and history.
		expect(newest?.routine.id).toBe(routineIdFor(row.id));
		const versions = await database.db.select().from(database.tables.programmeVersions);
		expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
	});

	it('gives six saves sent at once six versions, none refused', async () => {
		const row = await createProgramme(database, ana, routineTitled('Back care'), 1000);
		const saves = await Promise.all(
			[1, 2, 3, 4, 5, 6].map((n) => saveVersion(database, ana, row.id, routineTitled(`Back care, take ${n}`), 2000 + n))
		);
		expect(saves.every((s) => s.ok)).toBe(true);
		const given = saves.map((s) => (s.ok ? s.programme.version : 0)).sort((a, b) => a - b);
		expect(given).toEqual([2, 3, 4, 5, 6, 7]);
		const versions = await database.db.select().from(database.tables.programmeVersions);
		expect(versions.map((v) => v.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect((await programmeByShareId(database, row.id))?.version).toBe(7);
	});

	it('lets only the owner list, open for editing, save and withdraw', async () => {
		const row = await createProgramme(database, ana, routineTitled('Back care'), 1000);
		await createProgramme(database, ana, routineTitled('Hips'), 3000);
		expect((await listProgrammes(database, ana)).map((p) => p.title)).toEqual(['Hips', 'Back care']);
		expect(await listProgrammes(database, bo)).toEqual([]);
		expect(await programmeForOwner(database, bo, row.id)).toMatchObject({ ok: false, status: 403 });
		expect(await saveVersion(database, bo, row.id, routineTitled('Mine now'))).toMatchObject({ ok: false, status: 403 });
		expect(await withdrawProgramme(database, bo, row.id)).toMatchObject({ ok: false, status: 403 });
		expect(await saveVersion(database, ana, newShareId(), routineTitled('x'))).toMatchObject({ ok: false, status: 404 });
		expect((await programmeByShareId(database, row.id))?.title).toBe('Back care');
		expect((await programmeByShareId(database, row.id))?.withdrawnAt).toBeNull();
	});

	it('withdraws: the link still answers, saying when', async () => {
		const row = await createProgramme(database, ana, routineTitled('Back care'), 1000);
		expect(await withdrawProgramme(database, ana, row.id, 5000)).toMatchObject({ ok: true, programme: { withdrawnAt: 5000 } });
		expect((await programmeByShareId(database, row.id))?.withdrawnAt).toBe(5000);
		expect(await withdrawProgramme(database, ana, row.id, 6000)).toMatchObject({ ok: true, programme: { withdrawnAt: 5000 } });
	});
});
