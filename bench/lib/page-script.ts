/**
 * Turns a page script (bench/page/*.ts) into JavaScript a browser can run.
 *
 * Why not page.evaluate(fn): tsx compiles the bench with esbuild's keepNames, which wraps
 * inner functions in `__name(...)` calls that do not exist in the page. The page scripts
 * are instead type-checked with the rest of the bench and only stripped of types here
 * (TypeScript's transpileModule, no bundling: they import types only).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const pageDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'page');

function transpile(name: string): string {
	const source = readFileSync(path.join(pageDir, name), 'utf8');
	const out = ts.transpileModule(source, {
		compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
		fileName: name
	});
	// Type-only imports vanish; what remains of the module syntax is an empty export.
	return out.outputText.replace(/^export \{\};?\s*$/m, '');
}

/** The AudioWorklet module, as source text (loaded in the page from a Blob URL). */
export function workletModule(name: string): string {
	return transpile(name);
}

/**
 * A classic script: the page script in a function scope (so it adds nothing to the page's
 * globals but what it assigns to window on purpose), with BENCH_CONFIG bound to `config`.
 */
export function pageScript(name: string, config: unknown = null): string {
	return `(() => {\nconst BENCH_CONFIG = ${JSON.stringify(config)};\n${transpile(name)}\n})();\n`;
}

/**
 * Harmless if unused: should an evaluate callback ever carry esbuild's `__name` wrapper,
 * the page has a stand-in instead of a ReferenceError.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';
