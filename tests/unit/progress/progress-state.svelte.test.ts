import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../../src/lib/progress/device-store';
import { ProgressState } from '../../../src/lib/progress/progress-state.svelte';
import { session } from './fixtures';

describe('ProgressState', () => {
	it('mirrors the store and follows writes from another connection', async () => {
		const name = `state-${Math.random().toString(36).slice(2)}`;
		const state = new ProgressState(new ProgressStore(name));
		await expect.poll(() => state.loaded).toBe(true);
		expect(state.safety.state).toBe('unscreened');
		expect(state.settings.showStreaks).toBe(true);

		const other = new ProgressStore(name);
		await other.addSafety({ id: 'screen-0001', kind: 'screening', at: '2026-03-01T09:00:00.000Z', flagged: ['fever'], outcome: 'see-doctor' });
		await other.addSession(session({ routineId: 'desk-break' }));
		await expect.poll(() => state.sessions.length).toBe(1);
		expect(state.safety.state).toBe('see-doctor');
		expect(state.sessionsFor('desk-break')).toHaveLength(1);
		expect(state.sessionsFor('morning-mobility')).toHaveLength(0);

		const s = session({ routineId: 'desk-break', after: 'skip' });
		await state.saveSession(s);
		await state.saveSession({ ...s, after: { status: 'answered', pain: 1, effort: null, relaxed: null, newLegSymptoms: false, note: '' } });
		await expect.poll(() => state.sessions.find((x) => x.id === s.id)?.after.status).toBe('answered');
		expect(state.sessions).toHaveLength(2);
		state.destroy();
		other.close();
	});
});
