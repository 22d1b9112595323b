import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await b.newContext();
const p = await ctx.newPage();
await p.goto('http://127.0.0.1:4819/', { waitUntil: 'networkidle' });
await p.waitForTimeout(3000);
await p.goto('http://127.0.0.1:4819/routines/morning-mobility', { waitUntil: 'networkidle' });
console.log('ok');
await b.close();
