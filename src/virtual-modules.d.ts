declare module 'virtual:limber/media-files' {
	/** Every file under static/media at build time: path → [content hash, bytes]. */
	const files: Record<string, readonly [string, number]>;
	export default files;
}
