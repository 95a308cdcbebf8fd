/** Fetching and checking the default dataset shipped in `static/data/default.json`. */
import { describeProblem, parseNativeFile } from '../model/validate';
import type { NativeFile } from '../model/schema';

export const DEFAULT_DATASET_PATH = 'data/default.json';

/**
 * Fetches the default dataset and validates it. Throws an Error whose message says what went
 * wrong (network, HTTP status, not JSON, or the first invalid records).
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
		throw new Error(`the default dataset could not be fetched (${String(error)})`, {
			cause: error
		});
	}
	if (!response.ok) {
		throw new Error(`the default dataset could not be fetched: HTTP ${response.status}`);
	}
	let json: unknown;
	try {
		json = await response.json();
	} catch (error) {
		throw new Error('the default dataset is not valid JSON', { cause: error });
	}
	const parsed = parseNativeFile(json);
	if (!parsed.ok) {
		const first = parsed.problems.slice(0, 3).map(describeProblem).join('; ');
		throw new Error(`the default dataset is invalid: ${first}`);
	}
	return parsed.value;
}
