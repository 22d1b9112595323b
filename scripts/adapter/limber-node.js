// @ts-check
/**
 * adapter-node, with Limber's own server entry. adapter-node builds the app as usual
 * (build/handler.js and the rest); then:
 *
 * - the client build moves from build/client to build/public, where adapter-node's
 *   handler does not look, so its static server (sirv, which lists files once at start and
 *   crashes the process when one of them is gone) stays off, and ours serves them instead;
 * - the server bundle's source maps are chained through to src/ (chain-source-maps.js);
 * - src/lib/server/http/start.ts is bundled into build/limber-server.js, and
 *   build/index.js becomes a small entry that starts it with adapter-node's handler.
 *
 * `node build` runs it, as before.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import nodeAdapter from '@sveltejs/adapter-node';
import { chainSourceMaps } from './chain-source-maps.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const ENTRY = `// Written by scripts/adapter/limber-node.js.
import { fileURLToPath } from 'node:url';
import { handler } from './handler.js';
import { start } from './limber-server.js';

start({ handler, staticDir: fileURLToPath(new URL('./public', import.meta.url)) });
`;

/**
 * @param {{ out?: string }} [options]
 * @returns {import('@sveltejs/kit').Adapter}
 */
export default function limberNode(options = {}) {
	const out = options.out ?? 'build';
	const inner = nodeAdapter({ out });
	return {
		...inner,
		name: 'limber-node',
		async adapt(builder) {
			await inner.adapt(builder);
			builder.log.minor(`Pointed ${chainSourceMaps(path.join(out, 'server'))} server source maps at src/`);
			builder.log.minor('Installing Limber server entry');
			renameSync(path.join(out, 'client'), path.join(out, 'public'));
			await build({
				entryPoints: [path.join(ROOT, 'src/lib/server/http/start.ts')],
				outfile: path.join(out, 'limber-server.js'),
				bundle: true,
				platform: 'node',
				target: 'node20',
				format: 'esm',
				// Runtime dependencies (send, compression, …) come from node_modules, as the app's do.
				packages: 'external',
				sourcemap: true,
				logLevel: 'warning'
			});
			rmSync(path.join(out, 'index.js.map'), { force: true });
			writeFileSync(path.join(out, 'index.js'), ENTRY);
		}
	};
}
