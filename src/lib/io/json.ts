/**
 * Reading JSON text with errors a user can find: malformed JSON reports its line and column.
 * JSON.parse does the parsing; when it fails, jsonc-parser (strict settings: no comments, no
 * trailing commas) locates the first error, since engines differ in what their messages say.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { JSON_SYNTAX_ERRORS, msg, type JsonSyntaxError, type Message } from '../model/messages';

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: Message };

/** Line and column (1-based) of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let last = -1;
	for (let i = 0; i < Math.min(offset, text.length); i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			last = i;
		}
	}
	return { line, column: offset - last };
}

const isSyntaxError = (code: string): code is JsonSyntaxError =>
	(JSON_SYNTAX_ERRORS as readonly string[]).includes(code);

/** Parses JSON; an empty text or a syntax error gets a message with where it went wrong. */
export function parseJsonText(text: string): JsonResult {
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') return { ok: false, error: msg('json.empty') };
	try {
		return { ok: true, value: JSON.parse(body) as unknown };
	} catch (error) {
		const errors: ParseError[] = [];
		parse(body, errors, { disallowComments: true, allowTrailingComma: false });
		const first = errors[0];
		if (!first) {
			// The strict parser found nothing: the engine's own words are all there is.
			const detail = error instanceof Error ? error.message : String(error);
			return { ok: false, error: msg('json.invalid', { detail }) };
		}
		const { line, column } = lineColumn(body, first.offset);
		const code = printParseErrorCode(first.error);
		return {
			ok: false,
			error: isSyntaxError(code)
				? msg('json.syntax', { line, column, reason: code })
				: msg('json.invalid', { detail: code })
		};
	}
}
