/**
 * Web addresses: checking one a user typed or linked, naming a dataset after it, and downloading
 * it with a message for each way that can fail.
 */
import { msg, type Message } from '../model/messages';
import { ImportError, readText } from './read';

/** "https://example.org/data/events.json" → "events" (the dataset's first name). */
export function nameOfUrl(url: string): string {
	const u = new URL(url);
	const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
	return decodeURIComponent(last).replace(/\.json$/i, '') || u.hostname;
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

/** Downloads a URL's text, with a message for each way it can fail. */
export async function fetchText(
	url: string,
	onProgress?: (done: number, total?: number) => void,
	fetcher: typeof fetch = fetch
): Promise<string> {
	const host = new URL(url).host;
	let response: Response;
	try {
		response = await fetcher(url, { credentials: 'omit', redirect: 'follow' });
	} catch {
		throw new ImportError(msg('download.unreachable', { host }));
	}
	if (!response.ok) {
		const { status, statusText } = response;
		throw new ImportError(msg('download.status', { status, statusText, url }));
	}
	const length = Number(response.headers.get('content-length') ?? NaN);
	const size = Number.isFinite(length) ? length : undefined;
	const text = response.body
		? await readText(response.body, size, onProgress)
		: await response.text();
	const type = response.headers.get('content-type') ?? '';
	if (/html/i.test(type) || /^\s*</.test(text)) {
		throw new ImportError(msg('download.webPage', { url }));
	}
	return text;
}
