/**
 * What kind of media an address points to, read from the address alone: the page never fetches
 * it to find out (an analyst's browser does not contact a stranger's server on its own). Pure.
 */

export const MEDIA_KINDS = ['image', 'video', 'audio', 'tweet', 'map', 'document', 'link'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

const IMAGE = /\.(jpe?g|png|gif|webp|avif|svg|bmp)$/i;
const VIDEO = /\.(mp4|webm|ogv|mov|m4v)$/i;
const AUDIO = /\.(mp3|ogg|oga|wav|m4a|flac)$/i;
const DOCUMENT = /\.(pdf|docx?|odt|rtf|xlsx?|ods|csv|pptx?|odp|txt)$/i;

/** The host of an address without `www.`, lower case; empty when it is not an address. */
function parts(url: string): { host: string; path: string } {
	try {
		const u = new URL(url);
		return { host: u.hostname.toLowerCase().replace(/^www\./, ''), path: u.pathname };
	} catch {
		return { host: '', path: '' };
	}
}

const isHost = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * The kind of media at an address: an image file, a YouTube or Vimeo video (or a video file),
 * audio (SoundCloud or an audio file), a tweet, a map (Google Maps, OpenStreetMap), a document
 * (PDF, office files, Google Docs, DocumentCloud), else a link.
 */
export function mediaKind(url: string): MediaKind {
	const { host, path } = parts(url);
	if (!host) return 'link';
	if (isHost(host, 'youtube.com') || host === 'youtu.be' || isHost(host, 'youtube-nocookie.com'))
		return 'video';
	if (isHost(host, 'vimeo.com') || isHost(host, 'dailymotion.com')) return 'video';
	if ((isHost(host, 'twitter.com') || host === 'x.com') && /\/status(es)?\/\d+/.test(path))
		return 'tweet';
	if (
		((isHost(host, 'google.com') || /^maps\.google\./.test(host)) && /^\/maps\b/.test(path)) ||
		/^maps\.google\./.test(host) ||
		host === 'maps.app.goo.gl' ||
		(host === 'goo.gl' && path.startsWith('/maps')) ||
		isHost(host, 'openstreetmap.org')
	)
		return 'map';
	if (isHost(host, 'soundcloud.com') || AUDIO.test(path)) return 'audio';
	if (IMAGE.test(path)) return 'image';
	if (VIDEO.test(path)) return 'video';
	if (
		DOCUMENT.test(path) ||
		host === 'docs.google.com' ||
		isHost(host, 'documentcloud.org') ||
		host === 'drive.google.com'
	)
		return 'document';
	return 'link';
}

/** The host an address points to ("upload.wikimedia.org"), for "Load image from …". */
export function mediaHost(url: string): string {
	try {
		return new URL(url).hostname;
	} catch {
		return url;
	}
}
