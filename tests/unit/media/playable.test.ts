import { describe, expect, it } from 'vitest';
import { extensionOf, isRelativeMediaPath, withoutQuery } from '../../../src/lib/media/media-path';
import { filesToTry, mimeOf } from '../../../src/lib/media/playable';

describe('media paths with content hashes', () => {
	it('read the format past the query', () => {
		expect(extensionOf('video/a.WebM?v=0123456789ab')).toBe('webm');
		expect(extensionOf('voice/ab12.m4a')).toBe('m4a');
		expect(extensionOf('video.d/noext')).toBe('');
		expect(withoutQuery('a/b.webm?v=1#t=2')).toBe('a/b.webm');
		expect(mimeOf('sounds/t.m4a?v=abcdef', 'audio')).toBe('audio/mp4; codecs=mp4a.40.2');
		expect(mimeOf('video/a.webm?v=abcdef', 'video')).toBe('video/webm');
		expect(filesToTry(['a.webm?v=111111', 'a.m4a?v=222222'], (m) => m.startsWith('audio/mp4'))).toEqual(['a.m4a?v=222222', 'a.webm?v=111111']);
	});

	it('accept only a content hash as query', () => {
		expect(isRelativeMediaPath('voice/ab12.webm?v=0123456789ab')).toBe(true);
		expect(isRelativeMediaPath('voice/ab12.webm?x=1')).toBe(false);
		expect(isRelativeMediaPath('voice/../x.webm')).toBe(false);
		expect(isRelativeMediaPath('/etc/x.webm')).toBe(false);
	});
});
