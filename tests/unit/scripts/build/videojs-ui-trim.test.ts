import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { trimVideojsUi, UNUSED_COMPONENTS, videojsUiTrim } from '../../../../scripts/build/videojs-ui-trim';

const require = createRequire(import.meta.url);
const corePath = path.join(path.dirname(require.resolve('video.js/package.json')), 'core.es.js');
const coreBuild = readFileSync(corePath, 'utf8');

const registrations = (code: string) =>
	[...code.matchAll(/^Component\.registerComponent\('(\w+)', \1\);$/gm)].map((m) => m[1]);

describe('trimVideojsUi on a small module', () => {
	const source = [
		"class Component {}",
		"class Spinner extends Component {}",
		"Spinner.prototype.controlText_ = 'Loading';",
		"Spinner.prototype.options_ = {",
		"  children: ['a', 'b']",
		"};",
		"Component.registerComponent('Spinner', Spinner);",
		"class Loader extends Component {}",
		"Loader.prototype.kind = 'media';",
		"Component.registerComponent('Loader', Loader);",
		"function later() { Loader.prototype.x = 1; }",
		"export { Component, later };"
	].join('\n');

	it('removes the named component’s registration and top-level prototype defaults', () => {
		const { code } = trimVideojsUi(source, ['Spinner']);
		expect(code).not.toContain("registerComponent('Spinner'");
		expect(code).not.toContain("Spinner.prototype.controlText_");
		expect(code).not.toContain('children:');
	});

	it('keeps other components and anything inside a function', () => {
		const { code } = trimVideojsUi(source, ['Spinner']);
		expect(code).toContain("Component.registerComponent('Loader', Loader);");
		expect(code).toContain("Loader.prototype.kind = 'media';");
		expect(code).toContain('function later() { Loader.prototype.x = 1; }');
		expect(() => parse(code, { ecmaVersion: 'latest', sourceType: 'module' })).not.toThrow();
	});

	it('refuses to remove a component that kept code still uses', () => {
		const usesIt = source.replace('Loader.prototype.x = 1;', 'return new Spinner();');
		expect(() => trimVideojsUi(usesIt, ['Spinner'])).toThrow(/uses Spinner outside its own UI/);
	});

	it('does not count a local variable of the same name as a use', () => {
		const shadows = source.replace('Loader.prototype.x = 1;', "const Spinner = lookUp('Spinner'); Spinner.prototype.x = 1;");
		expect(() => trimVideojsUi(shadows, ['Spinner'])).not.toThrow();
	});

	it('fails, naming it, when a component is not registered any more', () => {
		expect(() => trimVideojsUi(source, ['Spinner', 'ControlBar'])).toThrow(/no longer registers ControlBar/);
	});
});

describe('trimVideojsUi on the installed video.js core build', () => {
	const { code } = trimVideojsUi(coreBuild);

	it('unregisters every UI component Limber does not use', () => {
		const left = registrations(code);
		for (const name of UNUSED_COMPONENTS) expect(left).not.toContain(name);
	});

	it('keeps what a player with only the media loader needs', () => {
		const left = registrations(code);
		for (const name of ['Component', 'Tech', 'MediaLoader', 'Player', 'ModalDialog']) expect(left).toContain(name);
		expect(code).toMatch(/Tech\.registerTech\('Html5', Html5\)/);
	});

	it('leaves a module that still parses', () => {
		expect(() => parse(code, { ecmaVersion: 'latest', sourceType: 'module' })).not.toThrow();
	});
});

const stub = (name: string) => path.resolve('src/lib/media/vendor', `${name}.ts`);

/** video.js's core build bundled and minified for the browser as the app's build does, with or without the trim. */
async function bundledCore(trim: boolean): Promise<string> {
	const dir = mkdtempSync(path.join(tmpdir(), 'limber-vjs-'));
	const entry = path.join(dir, 'entry.js');
	writeFileSync(entry, `import videojs from ${JSON.stringify(corePath)};\nexport const make = (el) => videojs(el, { children: ['mediaLoader'] });\n`);
	try {
		const result = await build({
			configFile: false,
			logLevel: 'silent',
			root: process.cwd(),
			plugins: trim ? [videojsUiTrim()] : [],
			// The app's own stand-ins for the text-track code (vite.config.ts), as in the real build.
			resolve: { alias: [{ find: /^videojs-vtt\.js$/, replacement: stub('no-vtt') }, { find: /^@videojs\/xhr$/, replacement: stub('no-xhr') }] },
			build: { write: false, minify: true, lib: { entry, formats: ['es'], fileName: 'out' } }
		});
		const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
		return outputs.map((o) => (o.type === 'chunk' ? o.code : '')).join('');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('the trimmed core build, bundled', () => {
	it('drops the UI classes and their markup, keeping the player and the HTML5 tech', async () => {
		const [full, trimmed] = await Promise.all([bundledCore(false), bundledCore(true)]);
		for (const cls of ['vjs-big-play-button', 'vjs-play-control', 'vjs-volume-panel', 'vjs-menu-button']) {
			expect(full).toContain(cls);
			expect(trimmed).not.toContain(cls);
		}
		expect(trimmed).toContain('vjs-tech');
		expect(trimmed).toContain('Html5');
		// gzip bytes, the figure the route budget counts: the UI is about a quarter of the library.
		const gz = (s: string) => gzipSync(s, { level: 9 }).length;
		expect(gz(trimmed)).toBeLessThan(gz(full) * 0.85);
	}, 60_000);
});
