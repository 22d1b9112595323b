import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import InstructorConsole from '$lib/components/classroom/InstructorConsole.svelte';
import { ClassClient } from '$lib/classroom/class-client.svelte';
import { commandUrl } from '$lib/classroom/command-sender.svelte';
import type { LiveState } from '$lib/classroom/protocol';
import { ManualClock } from '$lib/playback/clock';
import { sampleTimeline } from '../../playback/timeline-builder';
import { FakeEventSource } from '../../classroom/fake-event-source';

const T0 = 1_763_900_000_000;

async function setup(fetchAnswer: () => Response = () => Response.json({})) {
	const server = new ManualClock(T0);
	const source = new FakeEventSource('');
	const client = new ClassClient({
		code: 'ACDEFG',
		timeline: sampleTimeline(),
		localClock: { now: () => server.now() - 5_000 },
		openEvents: () => source,
		readServerTime: async () => server.now()
	});
	const calls: { url: string; body: unknown }[] = [];
	vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
		calls.push({ url, body: JSON.parse(String(init.body)) });
		return fetchAnswer();
	});
	client.connect();
	await client.resample(1);
	source.open();
	render(InstructorConsole, { client, code: 'ACDEFG' });
	const state = (over: Partial<LiveState>): LiveState => ({
		lessonId: 'l',
		code: 'ACDEFG',
		routineId: 'sample',
		level: 1,
		status: 'waiting',
		positionMs: 0,
		anchorServerMs: server.now() - 1,
		seq: 1,
		...over
	});
	return { server, source, client, calls, state };
}

afterEach(() => {
	cleanup();
	vi.unstubAllGlobals();
});

describe('InstructorConsole', () => {
	it('lists the plan and marks the step the class is on', async () => {
		const { source, client, state } = await setup();
		source.emit('state', state({ status: 'paused', positionMs: 66_000, seq: 2 }));
		client.tick();
		await tick();
		await vi.waitFor(() => expect(document.querySelector('[aria-current="step"]')?.textContent).toContain('Pelvic tilt'));
		expect(screen.getByTestId('console-step').textContent).toContain('Step 3 of 4: Pelvic tilt');
		expect(screen.getAllByTestId('plan-step')).toHaveLength(4);
		expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
	});

	it('sends a jump to the chosen step and a pause as commands', async () => {
		const { source, client, calls, state } = await setup();
		source.emit('state', state({ status: 'playing', positionMs: 1_000, seq: 2 }));
		client.tick();
		await tick();
		await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy());
		await fireEvent.click(screen.getAllByTestId('plan-step')[2] as HTMLElement);
		await vi.waitFor(() => expect(calls).toHaveLength(1));
		await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
		await vi.waitFor(() => expect(calls).toHaveLength(2));
		expect(calls).toEqual([
			{ url: commandUrl('ACDEFG'), body: { type: 'seekToStep', step: 2, id: expect.any(String) } },
			{ url: commandUrl('ACDEFG'), body: { type: 'pause', id: expect.any(String) } }
		]);
	});

	it('shows who has joined and which of them are connected', async () => {
		const { source } = await setup();
		source.emit('roster', [
			{ id: 'a', name: 'Ana', connected: true },
			{ id: 'b', name: 'Bo', connected: false }
		]);
		await tick();
		const roster = screen.getByTestId('roster');
		expect(roster.textContent).toContain('Ana');
		expect(roster.textContent).toMatch(/Bo\s*\(not connected\)/);
		expect(screen.getByRole('heading', { name: /Joined \(1 connected of 2\)/ })).toBeTruthy();
	});

	it('says plainly when the server refuses a command', async () => {
		const { source, client, state } = await setup(() => Response.json({ message: 'This lesson has ended' }, { status: 409 }));
		source.emit('state', state({ status: 'waiting', seq: 2 }));
		client.tick();
		await tick();
		await vi.waitFor(() => expect(screen.getByTestId('console-status').textContent).toContain('Not started'));
		await fireEvent.click(screen.getByRole('button', { name: 'Start lesson' }));
		expect(await screen.findByTestId('command-error')).toBeTruthy();
		expect(screen.getByRole('alert').textContent).toContain('This lesson has ended');
	});

	it('asks before ending the lesson for everyone', async () => {
		const { calls } = await setup();
		await fireEvent.click(screen.getByRole('button', { name: 'End lesson' }));
		expect(calls).toHaveLength(0);
		await fireEvent.click(screen.getByRole('button', { name: 'Yes, end lesson' }));
		await vi.waitFor(() => expect(calls).toEqual([{ url: commandUrl('ACDEFG'), body: { type: 'end', id: expect.any(String) } }]));
	});
});
