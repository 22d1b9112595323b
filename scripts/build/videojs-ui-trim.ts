/**
 * A Vite plugin that leaves video.js's own user interface out of the client build.
 *
 * Limber's stage draws every control, caption and status itself and gives video.js only
 * its media loader (`children: ['mediaLoader']` in src/lib/media/videojs-surface.ts). The
 * core build still defines and registers about sixty UI components (control bar, menus,
 * sliders, caption settings, spinner, big play button) as side effects of loading, so the
 * bundler has to keep them: about a tenth of the player route's 150 KB budget. Removing
 * each one's registration and the prototype defaults assigned to it at the top level
 * leaves nothing that refers to the class, and tree-shaking drops it.
 *
 * Only those statements go, found in the parsed module, never code inside a function: a
 * player asking for a removed component by name gets video.js's own "not found" path,
 * which Limber never takes. If a video.js update renames or moves one, the build fails
 * here, naming it, rather than quietly growing.
 */
import { parse } from 'acorn';
import type { Expression, ModuleDeclaration, Node, Program, Statement, Super } from 'acorn';
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/** video.js UI components Limber never creates (it builds players with the media loader only). */
export const UNUSED_COMPONENTS: readonly string[] = [
	'ClickableComponent', 'PosterImage', 'TextTrackDisplay', 'LoadingSpinner', 'Button', 'BigPlayButton',
	'CloseButton', 'PlayToggle', 'TimeDisplay', 'CurrentTimeDisplay', 'DurationDisplay', 'TimeDivider',
	'RemainingTimeDisplay', 'LiveDisplay', 'SeekToLive', 'Slider', 'LoadProgressBar', 'TimeTooltip',
	'PlayProgressBar', 'MouseTimeDisplay', 'SeekBar', 'ProgressControl', 'PictureInPictureToggle',
	'FullscreenToggle', 'VolumeLevel', 'VolumeLevelTooltip', 'MouseVolumeLevelDisplay', 'VolumeBar',
	'VolumeControl', 'MuteToggle', 'VolumePanel', 'SkipForward', 'SkipBackward', 'Menu', 'MenuButton',
	'TrackButton', 'MenuItem', 'TextTrackMenuItem', 'OffTextTrackMenuItem', 'TextTrackButton',
	'ChaptersTrackMenuItem', 'ChaptersButton', 'DescriptionsButton', 'SubtitlesButton',
	'CaptionSettingsMenuItem', 'CaptionsButton', 'SubsCapsMenuItem', 'SubsCapsButton', 'AudioTrackMenuItem',
	'AudioTrackButton', 'PlaybackRateMenuItem', 'PlaybackRateMenuButton', 'Spacer', 'CustomControlSpacer',
	'ControlBar', 'ErrorDisplay', 'TextTrackSelect', 'TextTrackFieldset', 'TextTrackSettingsColors',
	'TextTrackSettingsFont', 'TrackSettingsControls', 'TextTrackSettings', 'ResizeManager', 'LiveTracker',
	'TitleBar', 'TransientButton'
];

/** The video.js module this applies to: the core build Limber imports. */
const CORE_MODULE = /[\\/]node_modules[\\/]video\.js[\\/]core\.es\.js$/;

/** `X` of `X.a.b`, or null when the expression is not a property path of a name. */
function pathRoot(node: Expression | Super): string | null {
	let target = node;
	while (target.type === 'MemberExpression') target = target.object;
	return target.type === 'Identifier' ? target.name : null;
}

/**
 * Whether a top-level statement only sets up one of `names`: `X.prototype.a = …`,
 * `X.prototype.options_.children.push(…)`, or a bare `if (…) { … }` of only such lines
 * (video.js adds a tooltip child that way on desktops).
 */
function setsUpOnly(statement: Statement | ModuleDeclaration, names: ReadonlySet<string>): boolean {
	if (statement.type === 'IfStatement') {
		const body = statement.consequent.type === 'BlockStatement' ? statement.consequent.body : [statement.consequent];
		return statement.alternate == null && body.length > 0 && body.every((s) => setsUpOnly(s, names));
	}
	if (statement.type !== 'ExpressionStatement') return false;
	const expr = statement.expression;
	if (expr.type === 'AssignmentExpression') return names.has(pathRoot(expr.left as Expression) ?? '');
	if (expr.type === 'CallExpression' && expr.callee.type === 'MemberExpression') {
		return names.has(pathRoot(expr.callee.object) ?? '') && expr.arguments.every((a) => a.type === 'Literal');
	}
	return false;
}

/**
 * Names used as variables anywhere under `node` (not property names or object keys), and
 * the names it declares with `const`/`let`/`var` (video.js's hotkeys declare a local
 * `PlayToggle` looked up by name, which is not the class).
 */
function variablesRead(node: unknown, out: Set<string>, declared: Set<string>): void {
	if (typeof node !== 'object' || node === null) return;
	if (Array.isArray(node)) {
		for (const child of node) variablesRead(child, out, declared);
		return;
	}
	const n = node as { type?: string; name?: string; computed?: boolean; id?: { type?: string; name?: string } };
	if (n.type === 'VariableDeclarator' && n.id?.type === 'Identifier' && typeof n.id.name === 'string') declared.add(n.id.name);
	if (n.type === 'Identifier' && typeof n.name === 'string') {
		out.add(n.name);
		return;
	}
	for (const [field, child] of Object.entries(n)) {
		if (field === 'property' && n.type === 'MemberExpression' && !n.computed) continue;
		if (field === 'key' && (n.type === 'Property' || n.type === 'MethodDefinition' || n.type === 'PropertyDefinition') && !n.computed) continue;
		variablesRead(child, out, declared);
	}
}

/** The name registered by `Component.registerComponent('X', X)`, or null. */
function registeredName(expr: Expression): string | null {
	if (expr.type !== 'CallExpression' || expr.callee.type !== 'MemberExpression') return null;
	const { object, property } = expr.callee;
	if (object.type !== 'Identifier' || property.type !== 'Identifier' || property.name !== 'registerComponent') return null;
	const [label, value] = expr.arguments;
	if (label?.type !== 'Literal' || typeof label.value !== 'string') return null;
	return value?.type === 'Identifier' && value.name === label.value ? label.value : null;
}

/** Removes the registrations and top-level prototype assignments of `names`; throws if one is not registered. */
export function trimVideojsUi(code: string, names: readonly string[] = UNUSED_COMPONENTS): { code: string; map: ReturnType<MagicString['generateMap']> } {
	const wanted = new Set(names);
	const program: Program = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
	const out = new MagicString(code);
	const registered = new Set<string>();
	const remove = (node: Node) => out.remove(node.start, node.end);
	const stillRead = new Set<string>();
	for (const statement of program.body) {
		const name = statement.type === 'ExpressionStatement' ? registeredName(statement.expression) : null;
		if (name !== null && wanted.has(name)) {
			registered.add(name);
			remove(statement);
		} else if (setsUpOnly(statement, wanted)) {
			remove(statement);
		} else if (!(statement.type === 'ClassDeclaration' && wanted.has(statement.id.name))) {
			const reads = new Set<string>();
			const declared = new Set<string>();
			variablesRead(statement, reads, declared);
			for (const r of reads) if (!declared.has(r)) stillRead.add(r);
		}
	}
	const missing = names.filter((n) => !registered.has(n));
	if (missing.length > 0) {
		throw new Error(
			`video.js's core build no longer registers ${missing.join(', ')} as scripts/build/videojs-ui-trim.ts ` +
				'expects: check the new version and update the list.'
		);
	}
	// A component still used by kept code would stay in the bundle without the defaults
	// removed above and break at run time: refuse rather than build that.
	const used = names.filter((n) => stillRead.has(n));
	if (used.length > 0) {
		throw new Error(`video.js's core build uses ${used.join(', ')} outside its own UI: scripts/build/videojs-ui-trim.ts must keep them.`);
	}
	return { code: out.toString(), map: out.generateMap({ hires: true }) };
}

export function videojsUiTrim(): Plugin {
	return {
		name: 'limber-videojs-ui-trim',
		apply: 'build',
		transform(code, id) {
			if (!CORE_MODULE.test(id.split('?')[0] ?? id)) return null;
			return trimVideojsUi(code);
		}
	};
}
