/**
 * Web addresses: checking one a user typed or linked, naming a dataset after it, and downloading
 * it with a message for each way that can fail.
 */
import { msg, type Message } from '../model/messages';
import { ImportError } from './import-error';

/** "https://example.org/data/events.json" (or .jsonl, .ndjson) → "events" (the dataset's first name). */
export function nameOfUrl(url: string): string {
	const u = new URL(url);
	const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
	return decodeURIComponent(last).replace(/\.(json|jsonl|ndjson)$/i, '') || u.hostname;
}

/** Checks an address a user typed or linked; the message says what is wrong. */
export function checkUrl(
	text: string,
	base?: string
): { ok: true; url: string } | { ok: false; error: Message } {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, error: msg('download.noAddress') };
	let url: URL;
	try {
		url = new URL(trimmed, base);
	} catch {
		return { ok: false, error: msg('download.notAddress', { text: trimmed }) };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return { ok: false, error: msg('download.notHttp', { text: trimmed }) };
	}
	return { ok: true, url: url.href };
}

/** A download under way: its body, to read as a stream, and its size when the server says it. */
export interface Download {
	body: ReadableStream<Uint8Array>;
	size?: number;
}

/**
 * Starts downloading a URL, with a message for each way that can fail before the body: the
 * network or CORS, an HTTP status, a web page. `readInput` reads the body (with `webPage` as its
 * `markup`: a body that starts with `<` is a page whatever the server calls it).
 */
export async function openUrl(url: string, fetcher: typeof fetch = fetch): Promise<Download> {
	const host = new URL(url).host;
	let response: Response;
	try {
		// Nothing about the user goes with the request: no cookies, no page it came from.
		response = await fetcher(url, {
			credentials: 'omit',
			referrerPolicy: 'no-referrer',
			redirect: 'follow'
		});
	} catch {
		throw new ImportError(msg('download.unreachable', { host }));
	}
	if (!response.ok) {
		const { status, statusText } = response;
		throw new ImportError(msg('download.status', { status, statusText, url }));
	}
	const type = response.headers.get('content-type') ?? '';
	if (/html/i.test(type)) {
		await response.body?.cancel();
		throw new ImportError(webPage(url));
	}
	const length = Number(response.headers.get('content-length') ?? NaN);
	return {
		body: response.body ?? new Blob([]).stream(),
		...(Number.isFinite(length) ? { size: length } : {})
	};
}

/** What a page where JSON was expected is said to be. */
export const webPage = (url: string): Message => msg('download.webPage', { url });
