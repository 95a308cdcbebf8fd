/** Fetching and checking the default dataset shipped in `static/data/default.json`. */
import { MessageError } from '../model/errors';
import { msg } from '../model/messages';
import { parseNativeFile } from '../model/validate';
import type { NativeFile } from '../model/schema';

export const DEFAULT_DATASET_PATH = 'data/default.json';

/**
 * Fetches the default dataset and validates it. Throws a MessageError that says what went wrong
 * (network, HTTP status, not JSON, or the first invalid records).
 */
export async function fetchDefaultDataset(
	base: string,
	fetchFn: typeof fetch = fetch
): Promise<NativeFile> {
	const url = `${base}/${DEFAULT_DATASET_PATH}`;
	let response: Response;
	try {
		response = await fetchFn(url);
	} catch (error) {
		throw new MessageError(msg('default.unreachable', { detail: String(error) }), {
			cause: error
		});
	}
	if (!response.ok) {
		throw new MessageError(msg('default.status', { status: response.status }));
	}
	let json: unknown;
	try {
		json = await response.json();
	} catch (error) {
		throw new MessageError(msg('default.notJson'), { cause: error });
	}
	const parsed = parseNativeFile(json);
	if (!parsed.ok) {
		throw new MessageError(msg('default.invalid', { problems: parsed.problems.slice(0, 3) }));
	}
	return parsed.value;
}
