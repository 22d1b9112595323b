/**
 * Where a routine's pages are. A programme plays under the routine id `programme-<hex>`, the
 * hex being its share id's 16 bytes, so the pages a session links back to (the routine's page,
 * "Repeat", the history) can find the share link from the routine id alone.
 */
const PROGRAMME_ID = /^programme-([0-9a-f]{32})$/;

/** The share id (base64url of the 16 bytes) for a programme's routine id, or null for a shipped routine. */
export function shareIdOf(routineId: string): string | null {
	const m = PROGRAMME_ID.exec(routineId);
	if (!m?.[1]) return null;
	const hex = m[1];
	let binary = '';
	for (let i = 0; i < hex.length; i += 2) binary += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function routinePath(routineId: string): string {
	const share = shareIdOf(routineId);
	return share ? `/p/${share}` : `/routines/${routineId}`;
}

/** The player's address without the level (a form's action). */
export function playBase(routineId: string): string {
	const share = shareIdOf(routineId);
	return share ? `/p/${share}/play` : `/play/${routineId}`;
}

export function playPath(routineId: string, level: number): string {
	return `${playBase(routineId)}?level=${level}`;
}
