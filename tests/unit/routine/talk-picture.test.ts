import { describe, expect, it } from 'vitest';
import { talkCards, talkPicture } from '../../../src/lib/routine/talk-picture';
import type { MediaCatalog } from '../../../src/lib/routine/schema';

const images: MediaCatalog['images'] = {
	spine: { file: 'images/spine.svg', alt: 'The spine from the side, with discs between the bones.', caption: 'The parts of your back' },
	bare: { file: 'images/bare.svg', alt: 'A plain picture.' }
};

describe('talkPicture', () => {
	it('gives the image file under /media/, its alt text and caption', () => {
		expect(talkPicture({ image: 'spine', title: 'Your back' }, images)).toEqual({ src: '/media/images/spine.svg', alt: images.spine?.alt, caption: 'The parts of your back' });
	});

	it('uses the talk title as caption when the image has none', () => {
		expect(talkPicture({ image: 'bare', title: 'Pacing' }, images)?.caption).toBe('Pacing');
	});

	it('is null without an image, or for an id the catalogue lacks (the stage shows the title card)', () => {
		expect(talkPicture({ title: 'Welcome' }, images)).toBeNull();
		expect(talkPicture({ image: 'constructor', title: 'Odd' }, images)).toBeNull();
	});

	it('talkCards keys every block by id with its title, text and picture', () => {
		const cards = talkCards(
			[
				{ id: 'a', title: 'A', text: ['one'], image: 'spine' },
				{ id: 'b', title: 'B', text: ['two'] }
			],
			images,
			'/m/'
		);
		expect(cards.a?.image?.src).toBe('/m/images/spine.svg');
		expect(cards.b).toEqual({ title: 'B', text: ['two'], image: null });
	});
});
