/**
 * Reading an input's bytes as they arrive, for files and downloads alike: with progress by bytes,
 * the size limit and cancelling, and the error that says why an input cannot be imported. The
 * bytes of a large input are never gathered into one text: a JSON document beyond
 * {@link WHOLE_JSON_BYTES} goes to the streaming parser (`json-stream.ts`), a smaller one is
 * parsed whole once read; JSON Lines are split and parsed line by line (`lines.ts`).
 *
 * Which of the two an input is: JSON Lines when its name ends in .jsonl or .ndjson, or when its
 * first non-blank line is a whole JSON object and more follows (a JSON document cannot go on
 * after a complete first line); anything else is one JSON document.
 */
import { msg, type Message } from '../model/messages';
import { MAX_FILE_BYTES, tooLarge } from './detect';
import { JsonStreamParser } from './json-stream';
import { JsonLinesReader, type JsonLines } from './lines';
import { ImportError } from './import-error';

/** A name that says JSON Lines. */
export const LINES_NAME = /\.(jsonl|ndjson)$/i;

/** What an input holds: one JSON document, or JSON Lines. */
export type ReadInput = { kind: 'json'; value: unknown } | { kind: 'lines'; lines: JsonLines };

export interface ReadOptions {
	/** The size in bytes, when known (a file's, a download's Content-Length). */
	size?: number;
	/** Read as JSON Lines whatever the content (the name says so). */
	lines?: boolean;
	onProgress?: (done: number, total?: number) => void;
	/** Stops reading: the read rejects with the signal's reason. */
	signal?: AbortSignal;
	/** Said when the input starts with `<`: markup (a web page), not JSON. */
	markup?: Message;
	/**
	 * The text's encoding when it is not UTF-8 (the user chose it, told it was not UTF-8).
	 * Without it, text must be UTF-8, strictly: a byte that is not is refused, never replaced.
	 */
	encoding?: LegacyEncoding;
	/** Up to how many bytes a JSON document is parsed whole (see {@link WHOLE_JSON_BYTES}). */
	wholeJsonBytes?: number;
	/**
	 * Told when every byte is read and a document gathered whole is about to be parsed: a moment
	 * (about 0.3 s for 36 MB) in which the bytes read no longer move.
	 */
	onParse?: () => void;
}

/** The encoding Trama offers for text that is not UTF-8: Windows-1252, a superset of Latin-1. */
export type LegacyEncoding = 'windows-1252';

/** How many characters around the first byte that is not UTF-8 the refusal shows. */
const SAMPLE_CHARS = 24;
/** How many bytes before a chunk are kept to show the words before a bad byte. */
const RECENT_BYTES = 4 * SAMPLE_CHARS;

/**
 * The words around the first byte of `bytes` that is not UTF-8, read as UTF-8 (with its
 * replacement marks) and as Windows-1252: what the user sees to choose.
 */
function encodingSamples(bytes: Uint8Array): { asUtf8: string; asLegacy: string } {
	const utf8 = new TextDecoder('utf-8').decode(bytes);
	const legacy = new TextDecoder('windows-1252').decode(bytes);
	const bad = Math.max(0, utf8.indexOf('\uFFFD'));
	const lineStart = (text: string, at: number) =>
		Math.max(0, text.lastIndexOf('\n', at) + 1, at - SAMPLE_CHARS);
	const around = (text: string, at: number) => {
		const end = text.indexOf('\n', at);
		return text
			.slice(lineStart(text, at), Math.min(end === -1 ? text.length : end, at + SAMPLE_CHARS))
			.trim();
	};
	// The ASCII just before the bad byte reads the same both ways: it finds the place in both.
	const before = utf8.slice(lineStart(utf8, bad), bad);
	const found = before ? legacy.indexOf(before) : -1;
	return {
		asUtf8: around(utf8, bad),
		asLegacy: around(legacy, found === -1 ? 0 : found + before.length)
	};
}

/**
 * UTF-8 checked strictly as it arrives: a byte that is not UTF-8 stops the read with a message
 * that shows the text both ways. The bytes pass through unchanged.
 */
function strictUtf8(): (bytes: Uint8Array, end: boolean) => Uint8Array {
	const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	/** The last bytes read, for the words before a bad byte at the start of a chunk. */
	let recent = new Uint8Array(0);
	return (bytes, end) => {
		try {
			decoder.decode(bytes, { stream: !end });
		} catch {
			// From a character's first byte: a cut sequence would show as one more bad mark.
			let from = 0;
			while (from < recent.length && (recent[from]! & 0xc0) === 0x80) from++;
			throw new ImportError(
				msg('import.notUtf8', encodingSamples(join([recent.subarray(from), bytes])))
			);
		}
		recent = join([recent, bytes]).slice(-RECENT_BYTES);
		return bytes;
	};
}

/** How far into the input Trama looks for a first line that is a whole object. */
const SNIFF_BYTES = 1024 * 1024;

const isBlank = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

function firstNonBlank(bytes: Uint8Array, from: number): number {
	for (let i = from; i < bytes.length; i++) if (!isBlank(bytes[i] as number)) return i;
	return -1;
}

function join(parts: readonly Uint8Array[]): Uint8Array {
	const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		all.set(p, at);
		at += p.length;
	}
	return all;
}

/**
 * Which an input is, from its first bytes (without a byte order mark); undefined while they do
 * not tell yet. `ended`: there are no more bytes.
 */
function sniff(head: Uint8Array, ended: boolean): 'json' | 'lines' | undefined {
	const start = firstNonBlank(head, 0);
	if (start === -1) return ended || head.length > SNIFF_BYTES ? 'json' : undefined;
	if (head[start] !== 0x7b /* { */) return 'json';
	const newline = head.indexOf(0x0a, start);
	if (newline === -1) return ended || head.length > SNIFF_BYTES ? 'json' : undefined;
	try {
		const first: unknown = JSON.parse(new TextDecoder().decode(head.subarray(start, newline)));
		if (typeof first !== 'object' || first === null || Array.isArray(first)) return 'json';
	} catch {
		return 'json';
	}
	if (firstNonBlank(head, newline) !== -1) return 'lines';
	return ended || head.length > SNIFF_BYTES ? 'json' : undefined;
}

/** Files people rename to .json by mistake, by their first bytes. */
const SIGNATURES: [string, number[]][] = [
	['png', [0x89, 0x50, 0x4e, 0x47]],
	['jpeg', [0xff, 0xd8, 0xff]],
	['gif', [0x47, 0x49, 0x46, 0x38]],
	['pdf', [0x25, 0x50, 0x44, 0x46]],
	['zip', [0x50, 0x4b, 0x03, 0x04]],
	['gzip', [0x1f, 0x8b]]
];

/** The kind of binary file the first bytes say, if they say one. */
function binaryKind(head: Uint8Array): string | undefined {
	return SIGNATURES.find(([, sig]) => sig.every((b, i) => head[i] === b))?.[0];
}

/**
 * Text in UTF-16 (with its byte order mark), or in Windows-1252 when the user says so, turned
 * into UTF-8 as it arrives: the parsers read
 * UTF-8. Spreadsheet programs on Windows save "Unicode text" this way.
 */
function transcoder(
	encoding: 'utf-16le' | 'utf-16be' | LegacyEncoding
): (bytes: Uint8Array, end: boolean) => Uint8Array {
	const decoder = new TextDecoder(encoding, { ignoreBOM: false });
	const encoder = new TextEncoder();
	return (bytes, end) => encoder.encode(decoder.decode(bytes, { stream: !end }));
}

/** Where the bytes go once it is known what they are. */
interface Sink {
	write(bytes: Uint8Array): void;
	end(): ReadInput;
}

/**
 * Up to this many bytes, a JSON document's bytes are gathered as they arrive and parsed whole by
 * the engine's `JSON.parse` at the end: at 100,000 events (36.5 MB) about 0.3 s, where the
 * streaming parser took 1.7 s. A larger document goes to the streaming parser from then on, so
 * the text of a file of hundreds of megabytes is never held whole. A document `JSON.parse`
 * refuses is read again by the streaming parser, for the same message (line, column, reason)
 * a streamed one gets.
 */
export const WHOLE_JSON_BYTES = 64 * 1024 * 1024;

function jsonSink(wholeBytes: number, onParse?: () => void): Sink {
	let gathered: Uint8Array[] | undefined = [];
	let size = 0;
	let parser: JsonStreamParser | undefined;
	const stream = (bytes: Uint8Array): void => {
		parser ??= new JsonStreamParser();
		const failed = parser.write(bytes);
		if (failed && !failed.ok) throw new ImportError(failed.error);
	};
	return {
		write(bytes) {
			if (!gathered) {
				stream(bytes);
				return;
			}
			gathered.push(bytes);
			size += bytes.length;
			if (size <= wholeBytes) return;
			const parts = gathered;
			gathered = undefined;
			for (const part of parts) stream(part);
		},
		end() {
			if (gathered) {
				const all = join(gathered);
				gathered = undefined;
				onParse?.();
				try {
					// The bytes are UTF-8 already checked, without their byte order mark: one more
					// U+FEFF at the start is text, which JSON refuses (the decoder must not drop it).
					const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(all);
					return { kind: 'json', value: JSON.parse(text) as unknown };
				} catch {
					// Not JSON: the streaming parser says where and why.
				}
				stream(all);
			}
			const parsed = (parser ?? new JsonStreamParser()).end();
			if (!parsed.ok) throw new ImportError(parsed.error);
			return { kind: 'json', value: parsed.value };
		}
	};
}

function linesSink(): Sink {
	const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
	const reader = new JsonLinesReader();
	return {
		write(bytes) {
			reader.write(decoder.decode(bytes, { stream: true }));
		},
		end() {
			reader.write(decoder.decode());
			return { kind: 'lines', lines: reader.end() };
		}
	};
}

/**
 * Reads a stream through to what it holds. Refuses more than MAX_FILE_BYTES, JSON that is not
 * (with its line and column) and markup, each with an ImportError; an abort rejects with the
 * signal's reason.
 */
export async function readInput(
	stream: ReadableStream<Uint8Array>,
	options: ReadOptions = {}
): Promise<ReadInput> {
	const { size, signal, onProgress } = options;
	if (size !== undefined && size > MAX_FILE_BYTES) throw new ImportError(tooLarge(size));
	signal?.throwIfAborted();
	const reader = stream.getReader();
	const stop = () => void reader.cancel().catch(() => undefined);
	signal?.addEventListener('abort', stop, { once: true });
	let sink: Sink | undefined = options.lines ? linesSink() : undefined;
	const head: Uint8Array[] = [];
	let bom = true;
	let transcode: ((bytes: Uint8Array, end: boolean) => Uint8Array) | undefined;
	let read = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			signal?.throwIfAborted();
			if (!done) {
				read += value.byteLength;
				// Its size unknown (a download without Content-Length) or wrong: say what was read.
				if (read > MAX_FILE_BYTES)
					throw new ImportError(msg('import.tooLargeRead', { bytes: read, limit: MAX_FILE_BYTES }));
				onProgress?.(read, size);
			}
			let bytes = done ? new Uint8Array(0) : value;
			if (bom && (bytes.length > 0 || done)) {
				// The byte order mark is not part of the text (the places of errors count without it).
				const first = join([...head.splice(0), bytes]);
				if (first.length < 3 && !done) {
					head.push(first);
					continue;
				}
				bom = false;
				const binary = binaryKind(first);
				if (binary) throw new ImportError(msg('import.binary', { kind: binary }));
				if (first[0] === 0xff && first[1] === 0xfe) transcode = transcoder('utf-16le');
				else if (first[0] === 0xfe && first[1] === 0xff) transcode = transcoder('utf-16be');
				else if (options.encoding) transcode = transcoder(options.encoding);
				else transcode = strictUtf8();
				bytes =
					first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? first.subarray(3) : first;
			}
			if (transcode) bytes = transcode(bytes, done);
			if (!sink) {
				head.push(bytes);
				const all = join(head.splice(0));
				const kind = sniff(all, done);
				if (kind === undefined) {
					head.push(all);
					continue;
				}
				const start = firstNonBlank(all, 0);
				if (options.markup && start !== -1 && all[start] === 0x3c /* < */)
					throw new ImportError(options.markup);
				sink =
					kind === 'lines'
						? linesSink()
						: jsonSink(options.wholeJsonBytes ?? WHOLE_JSON_BYTES, options.onParse);
				bytes = all;
			}
			if (bytes.length) sink.write(bytes);
			if (done) return sink.end();
		}
	} catch (error) {
		stop();
		throw error;
	} finally {
		signal?.removeEventListener('abort', stop);
	}
}
