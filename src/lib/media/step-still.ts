/**
 * The still picture for a segment: its clip's poster, or, in a segment without a clip (a
 * count-in, a rest), the poster of the next clip, so the person sees what comes next. A
 * talk (education) has none: the stage shows the talk's own picture or its title, never an
 * unrelated exercise pose.
 */
import type { MediaCatalog } from '../routine/schema';
import type { Timeline } from '../routine/timeline';

export function stillFor(timeline: Timeline, segmentIndex: number, videos: MediaCatalog['videos'], baseUrl = '/media/'): string | null {
	const segments = timeline.segments;
	if (segments[segmentIndex]?.kind === 'education') return null;
	const shown = segments[segmentIndex]?.video ?? segments.slice(segmentIndex + 1).find((s) => s.video)?.video;
	const clip = shown && Object.hasOwn(videos, shown.clip) ? videos[shown.clip] : undefined;
	return clip?.poster ? `${baseUrl}${clip.poster}` : null;
}
