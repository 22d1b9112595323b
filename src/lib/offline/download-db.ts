/**
 * The downloads' own IndexedDB database (not the progress database: its records are
 * personal data with their own versioning and export). The page writes it; the service
 * worker reads it when a new version installs, to save the pages of each download again.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parseRecord, type DownloadRecord } from './download-record';

export const OFFLINE_DB_NAME = 'limber-offline';
const OFFLINE_DB_VERSION = 1;

interface OfflineSchema extends DBSchema {
	downloads: { key: string; value: DownloadRecord };
}

export type OfflineConnection = IDBPDatabase<OfflineSchema>;

export function openOfflineDb(): Promise<OfflineConnection> {
	return openDB<OfflineSchema>(OFFLINE_DB_NAME, OFFLINE_DB_VERSION, {
		upgrade(db) {
			db.createObjectStore('downloads', { keyPath: 'id' });
		}
	});
}

/** Every readable record, oldest first. */
export async function listDownloads(db: OfflineConnection): Promise<DownloadRecord[]> {
	const rows = await db.getAll('downloads');
	return rows
		.map(parseRecord)
		.filter((r): r is DownloadRecord => r !== null)
		.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
}

export async function putDownload(db: OfflineConnection, rec: DownloadRecord): Promise<void> {
	await db.put('downloads', rec);
}

export async function deleteDownload(db: OfflineConnection, id: string): Promise<void> {
	await db.delete('downloads', id);
}
