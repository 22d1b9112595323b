/**
 * Everything the sleep timer needs in a player, as one module a player can load on its
 * own: the exercise player offers the timer only for relaxation sessions played live, so
 * exercise sessions do not carry it (the player route's budget is 150 KB gzip).
 */
import { SleepControl } from '$lib/media/sleep-control.svelte';
import { SleepSettings } from '$lib/media/sleep-settings.svelte';
import SleepTimerSettings from './SleepTimerSettings.svelte';
import SleepTimerStatus from './SleepTimerStatus.svelte';

export { SleepTimerSettings, SleepTimerStatus };

export function sleepControl(storage: Storage | null): SleepControl {
	return new SleepControl(new SleepSettings(storage));
}
