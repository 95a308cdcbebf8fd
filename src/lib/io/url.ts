/**
 * Web addresses: checking one a user typed or linked, naming a dataset after it, and downloading
 * it with a message for each way that can fail.
 */
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
): { ok: true; url: string } | { ok: false; error: string } {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, error: 'type the address of a JSON file' };
	let url: URL;
	try {
		url = new URL(trimmed, base);
	} catch {
		return { ok: false, error: `“${trimmed}” is not a web address` };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return {
			ok: false,
			error: `“${trimmed}” is not a web address: it must start with http:// or https://`
		};
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
		throw new ImportError(
			`could not download from ${host}: the server is unreachable, or it does not let other sites read its files (CORS)`
		);
	}
	if (!response.ok) {
		throw new ImportError(
			`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}`
		);
	}
	const length = Number(response.headers.get('content-length') ?? NaN);
	const size = Number.isFinite(length) ? length : undefined;
	const text = response.body
		? await readText(response.body, size, onProgress)
		: await response.text();
	const type = response.headers.get('content-type') ?? '';
	if (/html/i.test(type) || /^\s*</.test(text)) {
		throw new ImportError(`${url} is a web page, not a JSON file`);
	}
	return text;
}
