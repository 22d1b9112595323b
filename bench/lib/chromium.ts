/**
 * Debian's Chromium, launched the way the e2e tests do (playwright.config.ts), optionally
 * without the flags Playwright adds to stop background throttling (for hidden runs).
 */
import { chromium, type Browser } from '@playwright/test';

/** Playwright's defaults that would switch off Chromium's hidden-page throttling. */
export const BACKGROUND_THROTTLING_OFF_FLAGS = [
	'--disable-background-timer-throttling',
	'--disable-renderer-backgrounding',
	'--disable-backgrounding-occluded-windows'
] as const;

export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export interface LaunchOptions {
	/** Keep Chromium's own background throttling switched on. */
	readonly backgroundThrottling?: boolean;
}

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
	// Chromium's sandbox refuses to start as root (containers, CI images).
	const root = process.getuid?.() === 0;
	return chromium.launch({
		executablePath: chromiumPath(),
		// The bench starts audio without a real gesture and reads it at the output.
		args: ['--autoplay-policy=no-user-gesture-required', ...(root ? ['--no-sandbox'] : [])],
		ignoreDefaultArgs: options.backgroundThrottling ? [...BACKGROUND_THROTTLING_OFF_FLAGS] : undefined
	});
}
