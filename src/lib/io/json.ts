/**
 * Reading JSON text with errors a user can find: malformed JSON reports its line and column.
 * JSON.parse does the parsing; when it fails, jsonc-parser (strict settings: no comments, no
 * trailing commas) locates the first error, since engines differ in what their messages say.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

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

const REASONS: Record<string, string> = {
	InvalidSymbol: 'unexpected character',
	InvalidNumberFormat: 'malformed number',
	PropertyNameExpected: 'a property name in double quotes was expected',
	ValueExpected: 'a value was expected',
	ColonExpected: 'a colon was expected',
	CommaExpected: 'a comma was expected',
	CloseBraceExpected: 'a closing } was expected',
	CloseBracketExpected: 'a closing ] was expected',
	EndOfFileExpected: 'unexpected text after the end',
	InvalidCommentToken: 'comments are not allowed in JSON',
	UnexpectedEndOfComment: 'unfinished comment',
	UnexpectedEndOfString: 'unfinished string',
	UnexpectedEndOfNumber: 'unfinished number',
	InvalidUnicode: 'invalid unicode escape',
	InvalidEscapeCharacter: 'invalid escape character',
	InvalidCharacter: 'invalid character in a string'
};

/** Parses JSON; an empty text or a syntax error gets a message with where it went wrong. */
export function parseJsonText(text: string): JsonResult {
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') return { ok: false, error: 'the file is empty' };
	try {
		return { ok: true, value: JSON.parse(body) as unknown };
	} catch (error) {
		const errors: ParseError[] = [];
		parse(body, errors, { disallowComments: true, allowTrailingComma: false });
		const first = errors[0];
		if (!first) {
			return {
				ok: false,
				error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`
			};
		}
		const { line, column } = lineColumn(body, first.offset);
		const code = printParseErrorCode(first.error);
		return {
			ok: false,
			error: `not valid JSON at line ${line}, column ${column}: ${REASONS[code] ?? code}`
		};
	}
}
