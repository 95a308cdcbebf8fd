/**
 * One JSON document parsed as its bytes arrive, so a file of hundreds of megabytes is never held
 * as text: only the value it parses to. @streamparser/json does the parsing (its tokenizer and
 * token parser, wired here so that every token's place is known). A syntax error gets the same
 * message `parseJsonText` gives a whole text: the line and column (1-based, the column counted in
 * UTF-16 code units, as an editor shows it) and the reason, worded as jsonc-parser names it.
 *
 * Where the two can differ: an error inside a string or a number (a bad escape, "1.") is placed
 * at the offending character, where jsonc-parser places it at the start of the string or number.
 */
import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import { msg, type JsonSyntaxError } from '../model/messages';
import type { JsonResult } from './json';

/** A chunk of the input, with where it starts: in bytes, and as a line and a column. */
interface Chunk {
	bytes: Uint8Array;
	start: number;
	line: number;
	/** UTF-16 code units between the last line break before the chunk and its start. */
	column: number;
}

/** How far back (in bytes) a place can still be given exactly: a token longer is placed at its end. */
const KEPT_BYTES = 1024 * 1024;

/** UTF-16 code units of UTF-8 bytes: one for each character, two beyond U+FFFF. */
function units(bytes: Uint8Array, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const b = bytes[i] as number;
		if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
	}
	return n;
}

/** Where a byte offset lies in a chunk: its line and column (1-based). */
function placeIn(chunk: Chunk, offset: number): { line: number; column: number } {
	const end = Math.max(0, Math.min(offset - chunk.start, chunk.bytes.length));
	let { line, column } = chunk;
	let from = 0;
	for (let i = chunk.bytes.indexOf(10); i !== -1 && i < end; i = chunk.bytes.indexOf(10, i + 1)) {
		line++;
		column = 0;
		from = i + 1;
	}
	return { line, column: column + units(chunk.bytes, from, end) + 1 };
}

/** The reason a token parser in `state` refuses a token: its words, as jsonc-parser has them. */
const REFUSED: Record<string, JsonSyntaxError> = {
	VALUE: 'ValueExpected',
	KEY: 'PropertyNameExpected',
	COLON: 'ColonExpected',
	COMMA: 'CommaExpected',
	ENDED: 'EndOfFileExpected',
	SEPARATOR: 'EndOfFileExpected'
};

/** Characters a literal has read when it meets a wrong one: `tr` of `trx`. */
const LITERAL = /^(TRUE|FALSE|NULL)(\d)$/;

/** The reason the tokenizer refuses a character in `state`. */
function refusedCharacter(state: string): JsonSyntaxError {
	if (state === 'STRING_AFTER_BACKSLASH') return 'InvalidEscapeCharacter';
	if (state.startsWith('STRING_UNICODE')) return 'InvalidUnicode';
	if (state.startsWith('STRING')) return 'InvalidCharacter';
	if (state === 'NUMBER_AFTER_INITIAL_MINUS') return 'InvalidSymbol';
	if (state.startsWith('NUMBER')) return 'UnexpectedEndOfNumber';
	return 'InvalidSymbol';
}

/** The reason an input ends too soon: in a token (`state` is the tokenizer's), or between. */
function endedIn(state: string): JsonSyntaxError {
	if (state.startsWith('STRING')) return 'UnexpectedEndOfString';
	if (state.startsWith('NUMBER')) return 'UnexpectedEndOfNumber';
	return 'InvalidSymbol';
}

/**
 * Parses one JSON document written to it in chunks of bytes (UTF-8, without a byte order mark).
 * `write` and `end` return a result only when the document is wrong; `end` gives the value.
 */
export class JsonStreamParser {
	#tokenizer = new Tokenizer();
	#parser = new TokenParser({ paths: ['$'] });
	#chunks: Chunk[] = [];
	#kept = 0;
	/** Bytes written, and the line and column at their end. */
	#length = 0;
	#line = 1;
	#column = 0;
	/** The token being parsed, the last one parsed, and the containers open around it. */
	#token: ParsedTokenInfo | undefined;
	#previous: ParsedTokenInfo | undefined;
	#open: ('{' | '[')[] = [];
	#value: unknown;
	#done = false;
	#tokens = 0;

	constructor() {
		this.#tokenizer.onToken = (token) => {
			this.#token = token;
			this.#tokens++;
			this.#parser.write(token);
			if (token.token === TokenType.LEFT_BRACE) this.#open.push('{');
			else if (token.token === TokenType.LEFT_BRACKET) this.#open.push('[');
			else if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET)
				this.#open.pop();
			this.#previous = token;
		};
		this.#tokenizer.onEnd = () => {
			if (!this.#parser.isEnded) this.#parser.end();
		};
		this.#parser.onValue = ({ value, stack }) => {
			if (stack.length === 0) {
				this.#value = value;
				this.#done = true;
			}
		};
		this.#parser.onEnd = () => {
			if (!this.#tokenizer.isEnded) this.#tokenizer.end();
		};
	}

	/** Where a byte offset lies, for a message. */
	#place(offset: number): { line: number; column: number } {
		if (offset >= this.#length) return { line: this.#line, column: this.#column + 1 };
		let chunk = this.#chunks[0];
		for (const c of this.#chunks) if (c.start <= offset) chunk = c;
		return chunk ? placeIn(chunk, offset) : { line: 1, column: 1 };
	}

	#syntax(offset: number, reason: JsonSyntaxError): JsonResult {
		return { ok: false, error: msg('json.syntax', { ...this.#place(offset), reason }) };
	}

	/** The message for an error the parser threw. */
	#failure(error: unknown, atEnd: boolean): JsonResult {
		const text = error instanceof Error ? error.message : String(error);
		const tokenizer = /absolute position "(\d+)"\) in state (\w+)/.exec(text);
		if (tokenizer) {
			const [, at, state = ''] = tokenizer;
			const literal = LITERAL.exec(state);
			// A word that is not true, false or null is refused from its start, as a whole.
			const offset = Number(at) - (literal ? Number(literal[2]) : 0);
			if (!this.#done) return this.#syntax(offset, refusedCharacter(state));
			// After the document: another value is "unexpected text", anything else a wrong character.
			const char = /^Unexpected "([\s\S])"/.exec(text)?.[1] ?? '';
			return this.#syntax(
				offset,
				/^[[\]{}:,"\d-]$/.test(char) ? 'EndOfFileExpected' : 'InvalidSymbol'
			);
		}
		const refused = /^Unexpected \w+ .* in state (\w+)$/.exec(text);
		if (refused && this.#token) {
			const reason = REFUSED[refused[1] ?? ''];
			if (reason) return this.#syntax(this.#token.offset, reason);
		}
		const inToken = /ended in the middle of a token \(state: (\w+)\)/.exec(text);
		if (inToken) {
			const literal = LITERAL.exec(inToken[1] ?? '');
			const offset = this.#length - (literal ? Number(literal[2]) : 0);
			return this.#syntax(offset, endedIn(inToken[1] ?? ''));
		}
		const midParse = /ended in mid-parsing \(state: (\w+)\)/.exec(text);
		if (midParse && atEnd) return this.#syntax(this.#length, this.#endReason(midParse[1] ?? ''));
		return { ok: false, error: msg('json.invalid', { detail: text }) };
	}

	/** What was expected when the input ended between tokens. */
	#endReason(state: string): JsonSyntaxError {
		const closing: JsonSyntaxError =
			this.#open.at(-1) === '[' ? 'CloseBracketExpected' : 'CloseBraceExpected';
		const last = this.#previous?.token;
		switch (state) {
			case 'VALUE':
				return last === TokenType.LEFT_BRACKET ? 'CloseBracketExpected' : 'ValueExpected';
			case 'KEY':
				return last === TokenType.LEFT_BRACE ? 'CloseBraceExpected' : 'PropertyNameExpected';
			case 'COLON':
				return 'ColonExpected';
			default:
				return closing;
		}
	}

	/** Parses the next bytes. A result is returned only when they are not valid JSON. */
	write(bytes: Uint8Array): JsonResult | undefined {
		const chunk: Chunk = { bytes, start: this.#length, line: this.#line, column: this.#column };
		this.#chunks.push(chunk);
		this.#kept += bytes.length;
		while (
			this.#chunks.length > 1 &&
			this.#kept - (this.#chunks[0]?.bytes.length ?? 0) > KEPT_BYTES
		)
			this.#kept -= this.#chunks.shift()?.bytes.length ?? 0;
		this.#length += bytes.length;
		const last = bytes.lastIndexOf(10);
		if (last === -1) this.#column += units(bytes, 0, bytes.length);
		else {
			for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) this.#line++;
			this.#column = units(bytes, last + 1, bytes.length);
		}
		try {
			this.#tokenizer.write(bytes);
		} catch (error) {
			return this.#failure(error, false);
		}
		return undefined;
	}

	/** Ends the input: its value, or why it is not JSON. */
	end(): JsonResult {
		if (this.#tokens === 0) {
			// Nothing but white space (or nothing at all)?
			try {
				this.#tokenizer.end();
			} catch (error) {
				return this.#failure(error, true);
			}
			return { ok: false, error: msg('json.empty') };
		}
		try {
			if (!this.#tokenizer.isEnded) this.#tokenizer.end();
		} catch (error) {
			return this.#failure(error, true);
		}
		return this.#done
			? { ok: true, value: this.#value }
			: this.#syntax(this.#length, 'ValueExpected');
	}
}
