/** What the figures were measured on: they mean little without it. */
import { cpus, loadavg, release, totalmem } from 'node:os';
import type { Browser } from '@playwright/test';
import { chromiumPath } from './chromium';

export interface Environment {
	readonly date: string;
	readonly node: string;
	readonly chromium: string;
	readonly chromium_path: string;
	readonly cpu_count: number;
	readonly cpu_model: string;
	readonly memory_gb: number;
	readonly os: string;
	readonly load_average_1m: number;
}

export function environment(browser: Pick<Browser, 'version'>): Environment {
	const cpu = cpus();
	return {
		date: new Date().toISOString(),
		node: process.version,
		chromium: browser.version(),
		chromium_path: chromiumPath(),
		cpu_count: cpu.length,
		cpu_model: cpu[0]?.model ?? 'unknown',
		memory_gb: Math.round(totalmem() / 2 ** 30),
		os: `${process.platform} ${release()}`,
		load_average_1m: Math.round((loadavg()[0] ?? 0) * 100) / 100
	};
}
