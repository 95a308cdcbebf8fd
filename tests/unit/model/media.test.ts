import { describe, expect, it } from 'vitest';
import { mediaHost, mediaKind } from '$lib/model/media';

describe('the kind of media an address points to', () => {
	it('reads it from the address alone', () => {
		const kinds = {
			'https://upload.wikimedia.org/wikipedia/commons/a/a4/Ada.jpg': 'image',
			'https://example.org/p.PNG?size=large': 'image',
			'https://www.youtube.com/watch?v=aPweFhhXFvY': 'video',
			'https://youtu.be/fSrO91XO1Ck': 'video',
			'https://vimeo.com/304869290': 'video',
			'https://example.org/clip.mp4': 'video',
			'https://soundcloud.com/obamawhitehouse/grace-hopper': 'audio',
			'https://twitter.com/Blavity/status/851872780949889024': 'tweet',
			'https://x.com/someone/status/1': 'tweet',
			'https://twitter.com/Blavity': 'link',
			'https://www.google.com/maps/place/University+of+Pennsylvania/@39.95,-75.19,17z': 'map',
			'https://www.openstreetmap.org/#map=12/55.75/37.62': 'map',
			'https://example.org/report.pdf': 'document',
			'https://docs.google.com/document/d/abc/edit': 'document',
			'https://en.wikipedia.org/wiki/Reduction_(recursion_theory)': 'link',
			'not an address': 'link'
		};
		for (const [url, kind] of Object.entries(kinds)) expect(mediaKind(url), url).toBe(kind);
	});

	it('names the host a button would load from', () => {
		expect(mediaHost('https://example.org/photo.jpg')).toBe('example.org');
		expect(mediaHost('https://upload.wikimedia.org/x.jpg')).toBe('upload.wikimedia.org');
	});
});
