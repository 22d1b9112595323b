import { describe, expect, it } from 'vitest';
import { askToSetUpAgain, SET_UP_AGAIN } from '../../../src/lib/offline/set-up-again';

/** A worker in control that answers the way the service worker does, after `delayMs`, or never. */
function controller(answer: boolean | null, delayMs = 0) {
	const asked: unknown[] = [];
	return {
		asked,
		container: {
			controller: {
				postMessage(message: unknown, transfer: Transferable[]) {
					asked.push(message);
					const port = transfer[0] as MessagePort;
					if (answer !== null) setTimeout(() => port.postMessage({ ok: answer }), delayMs);
				}
			} as Pick<ServiceWorker, 'postMessage'>
		}
	};
}

describe('askToSetUpAgain', () => {
	it('asks the worker in control and resolves with its answer', async () => {
		const yes = controller(true, 10);
		expect(await askToSetUpAgain(yes.container)).toBe(true);
		expect(yes.asked).toEqual([{ type: SET_UP_AGAIN }]);
		expect(await askToSetUpAgain(controller(false).container)).toBe(false);
	});

	it('is false at once with no worker in control (the first visit, or the browser removed the worker too)', async () => {
		expect(await askToSetUpAgain(null)).toBe(false);
		expect(await askToSetUpAgain({ controller: null })).toBe(false);
	});

	it('gives up after its timeout when the worker never answers', async () => {
		const t0 = Date.now();
		expect(await askToSetUpAgain(controller(null).container, 50)).toBe(false);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
	});
});
