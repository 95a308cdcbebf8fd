/**
 * Validation results a user can act on: each problem has the path of the offending value in the
 * file (`events[12].start`) and a reason, as a message that `i18n` puts into words.
 */
import type { z } from 'zod';
import { messageOfIssue, zodErrorMap } from './issues';
import { msg, type Problem } from './messages';
import { FORMAT_NAME, FORMAT_VERSION, nativeFileSchema, type NativeFile } from './schema';

export type { Problem };

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

/** Turns zod issues into problems, one each. */
export function problemsOf(error: z.ZodError): Problem[] {
	return error.issues.map((issue) => ({
		path: formatPath(issue.path),
		message: messageOfIssue(issue)
	}));
}

/**
 * Validates input with a schema of the model. Every way to validate goes through here, so that
 * zod's own checks get messages too (its error map), not only the schema's.
 */
export function validate<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
	const result = schema.safeParse(input, { error: zodErrorMap });
	return result.success
		? { ok: true, value: result.data }
		: { ok: false, problems: problemsOf(result.error) };
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
		return { ok: false, problems: [{ path: '', message: msg('file.notObject') }] };
	}
	if (json.format !== FORMAT_NAME) {
		return {
			ok: false,
			problems: [{ path: 'format', message: msg('file.notTrama', { format: FORMAT_NAME }) }]
		};
	}
	const version = json.version;
	if (version !== FORMAT_VERSION) {
		const message =
			typeof version === 'number' && version > FORMAT_VERSION
				? msg('file.newerVersion', { version, supported: FORMAT_VERSION })
				: msg('file.unknownVersion', {
						version: String(JSON.stringify(version)),
						supported: FORMAT_VERSION
					});
		return { ok: false, problems: [{ path: 'version', message }] };
	}
	return validate(nativeFileSchema, json);
}
