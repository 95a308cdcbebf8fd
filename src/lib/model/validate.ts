/**
 * Validation results a user can act on: each problem has the path of the offending value in the
 * file (`events[12].start`) and a reason in words.
 */
import type { z } from 'zod';
import { FORMAT_NAME, FORMAT_VERSION, nativeFileSchema, type NativeFile } from './schema';

export interface Problem {
	/** Where in the input, e.g. `events[12].start`; empty for the whole input. */
	path: string;
	message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** `['events', 12, 'start']` → `events[12].start`. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out;
}

/** Turns zod issues into problems, one line each. */
export function problemsOf(error: z.ZodError): Problem[] {
	return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** `events[12].start: 13 is not a month`, or the message alone for the whole input. */
export function describeProblem(problem: Problem): string {
	return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates parsed JSON as a native Trama file. The format marker and version are checked first,
 * so a file of another format or a newer version gets one clear message instead of a page of
 * field errors.
 */
export function parseNativeFile(json: unknown): Validated<NativeFile> {
	if (!isRecord(json)) {
		return {
			ok: false,
			problems: [{ path: '', message: 'a Trama file is a JSON object with "format": "trama"' }]
		};
	}
	if (json.format !== FORMAT_NAME) {
		return {
			ok: false,
			problems: [
				{ path: 'format', message: `this is not a Trama file ("format" is not "${FORMAT_NAME}")` }
			]
		};
	}
	if (json.version !== FORMAT_VERSION) {
		const newer = typeof json.version === 'number' && json.version > FORMAT_VERSION;
		return {
			ok: false,
			problems: [
				{
					path: 'version',
					message: newer
						? `the file is format version ${String(json.version)}; this version of Trama reads version ${FORMAT_VERSION}`
						: `unknown format version ${JSON.stringify(json.version)}; this version of Trama reads version ${FORMAT_VERSION}`
				}
			]
		};
	}
	const result = nativeFileSchema.safeParse(json);
	return result.success
		? { ok: true, value: result.data }
		: { ok: false, problems: problemsOf(result.error) };
}
