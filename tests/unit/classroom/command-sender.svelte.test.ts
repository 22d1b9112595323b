import { describe, expect, it } from 'vitest';
import { CommandSender, commandUrl, DATABASE_LOST_RETRYING, DATABASE_STILL_LOST, type Fetch } from '$lib/classroom/command-sender.svelte';

function fakeFetch(answer: () => Promise<Response>): { fetch: Fetch; calls: { url: string; init: RequestInit }[] } {
	const calls: { url: string; init: RequestInit }[] = [];
	return {
		calls,
		fetch: (url, init) => {
			calls.push({ url, init });
			return answer();
		}
	};
}

describe('CommandSender', () => {
	it('POSTs the command as JSON to the lesson and reports success', async () => {
		const f = fakeFetch(async () => new Response('{}', { status: 200 }));
		const sender = new CommandSender('ACDEFG', f.fetch);
		expect(await sender.send({ type: 'seekToStep', step: 3 })).toBe(true);
		expect(f.calls[0]?.url).toBe(commandUrl('ACDEFG'));
		expect(f.calls[0]?.init.method).toBe('POST');
		expect(JSON.parse(String(f.calls[0]?.init.body))).toEqual({ type: 'seekToStep', step: 3, id: expect.stringMatching(/^[0-9a-f]{32}$/) });
		expect(sender.error).toBeNull();
		expect(sender.pending).toBeNull();
	});

	it('sends one command at a time, so a double press does not skip two steps', async () => {
		let release: (r: Response) => void = () => undefined;
		const f = fakeFetch(() => new Promise<Response>((r) => (release = r)));
		const sender = new CommandSender('ACDEFG', f.fetch);
		const first = sender.send({ type: 'next' });
		expect(sender.pending).toBe('next');
		expect(await sender.send({ type: 'next' })).toBe(false);
		release(new Response('{}'));
		expect(await first).toBe(true);
		expect(f.calls).toHaveLength(1);
	});

	it("shows the server's reason when it refuses, and a plain one when it gives none", async () => {
		const refused = new CommandSender(
			'ACDEFG',
			fakeFetch(async () => Response.json({ message: 'This lesson has ended' }, { status: 409 })).fetch
		);
		expect(await refused.send({ type: 'pause' })).toBe(false);
		expect(refused.error).toBe('This lesson has ended');
		const forbidden = new CommandSender('ACDEFG', fakeFetch(async () => new Response('nope', { status: 403 })).fetch);
		await forbidden.send({ type: 'pause' });
		expect(forbidden.error).toMatch(/Only the instructor/);
		forbidden.dismissError();
		expect(forbidden.error).toBeNull();
	});

	it('says when the server cannot be reached', async () => {
		const sender = new CommandSender('ACDEFG', fakeFetch(async () => Promise.reject(new TypeError('offline'))).fetch);
		expect(await sender.send({ type: 'start' })).toBe(false);
		expect(sender.error).toMatch(/Could not reach the server/);
	});

	it('while the database is away, sends the same command again with the same id, saying so, until it is accepted', async () => {
		const answers = [503, 503, 200];
		const f = fakeFetch(async () => new Response('{}', { status: answers.shift() ?? 200 }));
		const seen: (string | null)[] = [];
		let sender: CommandSender;
		sender = new CommandSender('ACDEFG', f.fetch, {
			sleep: async () => {
				seen.push(sender.error);
			}
		});
		expect(await sender.send({ type: 'next' })).toBe(true);
		expect(seen).toEqual([DATABASE_LOST_RETRYING, DATABASE_LOST_RETRYING]);
		expect(sender.error).toBeNull();
		const ids = f.calls.map((c) => (JSON.parse(String(c.init.body)) as { id: string }).id);
		expect(ids).toHaveLength(3);
		expect(new Set(ids).size).toBe(1);
		// The next command is a new one.
		await sender.send({ type: 'pause' });
		expect((JSON.parse(String(f.calls[3]?.init.body)) as { id: string }).id).not.toBe(ids[0]);
	});

	it('gives up after a while and says the command was not carried out', async () => {
		let now = 0;
		const f = fakeFetch(async () => new Response('{}', { status: 503 }));
		const sender = new CommandSender('ACDEFG', f.fetch, {
			retryForMs: 3_000,
			now: () => now,
			sleep: async (ms) => {
				now += ms;
			}
		});
		expect(await sender.send({ type: 'next' })).toBe(false);
		expect(sender.error).toBe(DATABASE_STILL_LOST);
		expect(f.calls).toHaveLength(4);
		expect(sender.pending).toBeNull();
	});
});
