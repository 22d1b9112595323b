/** What the live pages (console, projector, participant) need from their loads. */
import type { SoundFiles } from '../media/cue-scheduler';
import type { MediaCatalog } from '../routine/schema';
import type { Timeline } from '../routine/timeline';
import type { LiveState } from './protocol';

export interface LivePageData {
	readonly code: string;
	readonly timeline: Timeline;
	readonly exercises: Record<string, { name: string; instructions: string[] }>;
	readonly education: Record<string, { title: string; text: string[] }>;
	readonly videos: MediaCatalog['videos'];
	readonly sounds: SoundFiles;
	/** The lesson's state when the page was rendered. */
	readonly state: LiveState;
}
