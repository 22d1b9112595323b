/**
 * The downloads' own IndexedDB database (not the progress database: its records are
 * personal data with their own versioning and export). The page writes it; the service
 * worker reads it when a new version installs, to save the pages of each download again.
 *
 * Plain IndexedDB rather than idb (which the progress store uses): one store and three
 * calls, and the home and routine pages that use it would otherwise pull idb into a chunk
 * of its own that the player route (150 KB budget) then loads apart from its store.
 */
import { parseRecord, type DownloadRecord } from './download-record';

export const OFFLINE_DB_NAME = 'limber-offline';
const OFFLINE_DB_VERSION = 1;
const STORE = 'downloads';

export type OfflineConnection = IDBDatabase;

function settled<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
	});
}

function committed(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
	});
}

export function openOfflineDb(): Promise<OfflineConnection> {
	const open = indexedDB.open(OFFLINE_DB_NAME, OFFLINE_DB_VERSION);
	open.onupgradeneeded = () => {
		if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE, { keyPath: 'id' });
	};
	return settled(open);
}

/** Every readable record, oldest first. */
export async function listDownloads(db: OfflineConnection): Promise<DownloadRecord[]> {
	const rows: unknown[] = await settled(db.transaction(STORE, 'readonly').objectStore(STORE).getAll());
	return rows
		.map(parseRecord)
		.filter((r): r is DownloadRecord => r !== null)
		.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
}

export async function putDownload(db: OfflineConnection, rec: DownloadRecord): Promise<void> {
	const tx = db.transaction(STORE, 'readwrite');
	tx.objectStore(STORE).put(rec);
	await committed(tx);
}

export async function deleteDownload(db: OfflineConnection, id: string): Promise<void> {
	const tx = db.transaction(STORE, 'readwrite');
	tx.objectStore(STORE).delete(id);
	await committed(tx);
}
