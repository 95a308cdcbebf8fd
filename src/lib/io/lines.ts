/**
 * JSON Lines (also called NDJSON): one JSON value a line, e.g. an export of a database or a log.
 * Trama reads each line as one record of a list of records (see `records.ts`): the same field
 * mapping, the same checks, the same rule that an invalid record is skipped and the others are
 * imported. A line that is not JSON is such an invalid record, reported with its line number;
 * blank lines are skipped; CRLF line ends and a byte order mark are fine. No header line is
 * needed (nor read: a first line is a record like the others).
 */
import { msg } from '../model/messages';
import type { Problem } from '../model/validate';
import { parseJsonText } from './json';

/** What the lines of a JSON Lines input hold. */
export interface JsonLines {
	/** The value of each line that is JSON, in the input's order. */
	values: unknown[];
	/** The line number (1-based) of each value. */
	lineOf: number[];
	/** The lines that are not JSON, each with why. */
	problems: Problem[];
}

/** Where a problem of a line is: `line 12`, then `line 12.title` for a field of its record. */
export const linePath = (line: number) => `line ${line}`;

/** Reads JSON Lines from text that arrives in pieces, cut anywhere. */
export class JsonLinesReader {
	/** The start of a line whose end has not arrived yet. */
	#parts: string[] = [];
	#line = 0;
	#lines: JsonLines = { values: [], lineOf: [], problems: [] };

	#take(line: string): void {
		this.#line++;
		const text = line.endsWith('\r') ? line.slice(0, -1) : line;
		if (text.trim() === '') return;
		const parsed = parseJsonText(text);
		if (parsed.ok) {
			this.#lines.values.push(parsed.value);
			this.#lines.lineOf.push(this.#line);
			return;
		}
		// A line is one line: its column says where, and its path which line.
		const { error } = parsed;
		this.#lines.problems.push({
			path: linePath(this.#line),
			message:
				error.code === 'json.syntax'
					? msg('import.lineSyntax', { column: error.params.column, reason: error.params.reason })
					: error
		});
	}

	write(text: string): void {
		let from = 0;
		for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', from)) {
			const piece = text.slice(from, at);
			this.#take(this.#parts.length ? this.#parts.join('') + piece : piece);
			this.#parts = [];
			from = at + 1;
		}
		if (from < text.length) this.#parts.push(text.slice(from));
	}

	end(): JsonLines {
		if (this.#parts.length) this.#take(this.#parts.join(''));
		this.#parts = [];
		return this.#lines;
	}
}

/** The lines of a whole JSON Lines text. */
export function parseJsonLines(text: string): JsonLines {
	const reader = new JsonLinesReader();
	reader.write(text.replace(/^\uFEFF/, ''));
	return reader.end();
}
