import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TramaDatabase } from '$lib/db/database';
import { Repository } from '$lib/db/repository';
import { convertImport } from '$lib/io/detect';
import { parseJsonText } from '$lib/io/json';
import { JsonStreamParser } from '$lib/io/json-stream';
import { preparePreview, readSource, type ImportSource } from '$lib/io/pipeline';
import { readInput } from '$lib/io/read';
import { inEnglish, rejection } from '../helpers';

let repo: Repository;
let n = 0;
const progress = () => undefined;

beforeEach(() => {
	repo = new Repository(new TramaDatabase(`stream-${++n}`));
});
afterEach(async () => {
	await repo.db.delete();
});

const encoder = new TextEncoder();

/** A stream of the text's bytes in chunks of `size` bytes (cut anywhere, inside characters too). */
function chunked(text: string | Uint8Array, size: number): ReadableStream<Uint8Array> {
	const bytes = typeof text === 'string' ? encoder.encode(text) : text;
	let at = 0;
	return new ReadableStream({
		pull(controller) {
			if (at >= bytes.length) return controller.close();
			controller.enqueue(bytes.slice(at, at + size));
			at += size;
		}
	});
}

/** What the streaming parser says of a text written in chunks of `size` bytes. */
function streamed(text: string, size: number) {
	const parser = new JsonStreamParser();
	const bytes = encoder.encode(text);
	for (let at = 0; at < bytes.length; at += size) {
		const failed = parser.write(bytes.slice(at, at + size));
		if (failed) return failed;
	}
	return parser.end();
}

const fileSource = (name: string, text: string): ImportSource => ({
	kind: 'file',
	file: new Blob([text]),
	name
});

async function preview(source: ImportSource, mapping?: Record<string, string>) {
	const read = await readSource(source, progress);
	return preparePreview(read, { group: 'tag', ...(mapping ? { mapping } : {}) }, repo, progress);
}

describe('a JSON file read as a stream', () => {
	// Each of these is wrong in one place; the streamed message must be today's whole-text one.
	const broken = [
		'[\n  {"a": 1},\n  {"b": }\n]',
		'{\n  "events": [\n    { "a": 1 },\n    oops\n  ]\n}',
		'{"events": [',
		'{"events": [1',
		'{"events": [1,',
		'{"a"',
		'{"a":',
		'{',
		'{"a": }',
		'{} x',
		'{}\n{}',
		'{"a":1,}',
		'[1,]',
		'{"a" 1}',
		'[tru]',
		'[01]',
		'{"a":1 "b":2}',
		'[1 2]',
		'{"a":1]',
		'[1}',
		'{1:2}',
		"['a']",
		'[nul',
		'[1',
		'[',
		'{"a":1',
		'{"a":1,',
		'{"title": "Évian — 2023 🌍", "x": ?}',
		'[\r\n  "ü",\r\n  ]\r\n',
		'  \n'
	];

	it.each(broken)(
		'names the line and column of a mistake as the whole-text parser does: %j',
		(text) => {
			const whole = inEnglish(parseJsonText(text));
			expect(inEnglish(streamed(text, 1))).toEqual(whole);
			expect(inEnglish(streamed(text, 7))).toEqual(whole);
			expect(inEnglish(streamed(text, 1 << 16))).toEqual(whole);
		}
	);

	it('gives the same value or message when the file is small enough to be parsed whole once read', async () => {
		// Up to 64 MB the bytes are gathered and given to JSON.parse; what it refuses is read
		// again by the streaming parser, so the message is the one a streamed file gets.
		const outcome = (text: string, options: { wholeJsonBytes?: number }) =>
			readInput(chunked(text, 3), options).then(
				(input) => ({ input }),
				(error: unknown) => ({ error: error instanceof Error ? error.message : String(error) })
			);
		let refused = 0;
		for (const text of [...broken, '\uFEFF\uFEFF{}', '{"a": "b\\x"}', '[1, "ü"]']) {
			const streamedOutcome = await outcome(text, { wholeJsonBytes: 0 });
			expect(await outcome(text, {})).toEqual(streamedOutcome);
			if ('error' in streamedOutcome) refused++;
		}
		// Every broken text but "{}\n{}" (two JSON Lines), and the bad escape.
		expect(refused).toBe(broken.length - 1 + 1);
	});

	it('reads the same value gathered whole as streamed, and streams past the size it gathers', async () => {
		const text = readFileSync('static/data/default.json', 'utf8');
		const parses: string[] = [];
		const whole = await readInput(chunked(text, 97), { onParse: () => parses.push('whole') });
		const streamedValue = await readInput(chunked(text, 97), {
			wholeJsonBytes: 0,
			onParse: () => parses.push('streamed')
		});
		// The parse of a whole document is said (a progress step); a streamed one has none.
		expect(parses).toEqual(['whole']);
		// Gathering up to a size smaller than the file: its first chunks are gathered, then
		// streamed with the rest.
		const past = await readInput(chunked(text, 97), { wholeJsonBytes: 1000 });
		expect(whole).toEqual(streamedValue);
		expect(past).toEqual(streamedValue);
		expect(whole.kind === 'json' && JSON.stringify(whole.value)).toBe(
			JSON.stringify(JSON.parse(text))
		);
	});

	it('places a mistake inside a string at the character itself', () => {
		expect(inEnglish(streamed('{\n  "a": "b\\x"\n}', 3))).toEqual({
			ok: false,
			error: 'not valid JSON at line 2, column 11: invalid escape character'
		});
	});

	it('reads a native file in small chunks to the same preview as the whole text', async () => {
		const text = readFileSync('static/data/default.json', 'utf8');
		const options = { group: 'tag' as const, datasetId: 'd', datasetName: 'D' };
		const whole = convertImport(JSON.parse(text), options);
		const input = await readInput(chunked(text, 97));
		expect(input.kind).toBe('json');
		expect(convertImport(input.kind === 'json' ? input.value : undefined, options)).toEqual(whole);
		expect(whole.ok && whole.result.total).toBeGreaterThan(10);
	});

	it('reports its progress by bytes, and stops when cancelled mid-stream', async () => {
		const text = JSON.stringify([{ title: 'x'.repeat(1000), date: '2023' }]);
		const seen: number[] = [];
		const done = await readInput(chunked(text, 100), {
			size: text.length,
			onProgress: (d) => seen.push(d)
		});
		expect(done.kind).toBe('json');
		expect(seen.at(-1)).toBe(text.length);
		expect(seen.length).toBe(Math.ceil(text.length / 100));

		const controller = new AbortController();
		let pulled = 0;
		const endless = new ReadableStream<Uint8Array>({
			pull(c) {
				if (++pulled === 5) controller.abort();
				c.enqueue(encoder.encode(pulled === 1 ? '[' : '{"title": "a", "date": "2023"},'));
			}
		});
		await expect(readInput(endless, { signal: controller.signal })).rejects.toThrow(/abort/i);
		expect(pulled).toBeLessThan(8);
		// Through the pipeline, a cancelled read gives no preview: it rejects.
		const again = new AbortController();
		again.abort();
		await expect(readSource(fileSource('a.json', '[]'), progress, again.signal)).rejects.toThrow(
			/abort/i
		);
	});

	it('refuses a file over 500 MB, said or found while reading', async () => {
		const big = { size: 600 * 1024 * 1024, stream: () => chunked('[]', 2) } as unknown as Blob;
		const said = await readSource({ kind: 'file', file: big, name: 'big.json' }, progress);
		expect(inEnglish(said.summary.error)).toBe(
			'the file is 600 MB; Trama reads files up to 500 MB'
		);
		// A stream that does not say its size is stopped once it passes the limit.
		const block = new Uint8Array(64 * 1024 * 1024).fill(0x20);
		let sent = 0;
		const endless = new ReadableStream<Uint8Array>({
			pull(c) {
				c.enqueue(sent++ === 0 ? encoder.encode('[') : block);
			}
		});
		expect(await rejection(readInput(endless))).toBe(
			'reading stopped after 512 MB: the file is larger than the 500 MB Trama reads'
		);
		// A size said too small (a wrong Content-Length) is no way past the limit either.
		sent = 0;
		const understated = new ReadableStream<Uint8Array>({
			pull(c) {
				c.enqueue(sent++ === 0 ? encoder.encode('[') : block);
			}
		});
		expect(await rejection(readInput(understated, { size: 60 * 1024 * 1024 }))).toBe(
			'reading stopped after 512 MB: the file is larger than the 500 MB Trama reads'
		);
	}, 30_000);
});

describe('JSON Lines', () => {
	const good = [
		'{"title": "Summit in Vladivostok", "date": "2023-09-13", "who": "Putin; Kim Jong Un"}',
		'{"title": "Call", "date": "2024-01-02", "who": "Putin"}',
		'{"title": "Visit", "date": "2024-06-19", "who": "Kim Jong Un"}'
	];

	it('reads one record a line, whatever the name, and maps its fields like a list of records', async () => {
		const p = await preview(fileSource('events.jsonl', good.join('\n') + '\n'));
		expect(p.summary.error).toBeUndefined();
		expect(p.summary.format).toBe('jsonl');
		expect(p.summary.dataset?.name).toBe('events');
		expect([p.summary.total, p.summary.valid, p.summary.problemCount]).toEqual([3, 3, 0]);
		expect(p.summary.records?.mapping).toMatchObject({
			title: 'title',
			start: 'date',
			actors: 'who'
		});
		expect(p.summary.newActors).toEqual(['Putin', 'Kim Jong Un']);
		// Recognised from its content too: a first line that is a whole object, and more lines.
		const pasted = await preview({ kind: 'text', text: good.join('\n'), name: 'Pasted' });
		expect([pasted.summary.format, pasted.summary.valid]).toEqual(['jsonl', 3]);
		// A whole JSON document on one line is not JSON Lines.
		const oneLine = await preview(fileSource('a.json', JSON.stringify([JSON.parse(good[0]!)])));
		expect([oneLine.summary.format, oneLine.summary.valid]).toEqual(['records', 1]);
	});

	it('reports each bad line with its number and imports the others', async () => {
		const text = [
			good[0],
			'{"title": "Broken", "date": }',
			good[1],
			'{"title": "No date"}',
			'42',
			good[2],
			'{"title": "Cut", "date'
		].join('\n');
		const p = await preview(fileSource('mixed.ndjson', text));
		expect(p.summary.error).toBeUndefined();
		expect([p.summary.total, p.summary.valid]).toEqual([7, 3]);
		expect(inEnglish(p.summary.problems)).toEqual([
			{ path: 'line 2', message: 'not valid JSON at column 29: a value was expected' },
			{ path: 'line 4.date', message: 'the date is empty' },
			{ path: 'line 5', message: 'a record must be an object' },
			{ path: 'line 7', message: 'not valid JSON at column 18: unfinished string' }
		]);
	});

	it('skips blank lines, and reads CRLF line ends and a byte order mark', async () => {
		const text =
			'\uFEFF' + good.join('\r\n\r\n  \r\n') + '\r\n\r\n{"title": "Bad", "date": 2023-}\r\n';
		const p = await preview(fileSource('crlf.jsonl', text));
		expect([p.summary.total, p.summary.valid]).toEqual([4, 3]);
		expect(inEnglish(p.summary.problems)).toEqual([
			{ path: 'line 9', message: 'not valid JSON at column 30: unexpected character' }
		]);
		// The same bytes in chunks of 5 (lines, CRLF and characters cut anywhere) read the same.
		const input = await readInput(chunked(text, 5), { lines: true });
		expect(input.kind === 'lines' && input.lines.lineOf).toEqual([1, 4, 7]);
	});

	it('says why nothing can be read when no line is JSON', async () => {
		const p = await preview(fileSource('bad.jsonl', 'oops\n{"a": }\n'));
		expect(inEnglish(p.summary.error)).toBe(
			'line 1: not valid JSON at column 1: unexpected character; line 2: not valid JSON at column 7: a value was expected'
		);
		const empty = await preview(fileSource('empty.jsonl', '\n\n'));
		expect(inEnglish(empty.summary.error)).toBe('the file is empty');
	});
});

describe('what a file is, from its first bytes', () => {
	/** A stream of these bytes, in chunks of `size`. */
	const streamOf = (bytes: Uint8Array, size = 7) =>
		new ReadableStream<Uint8Array>({
			start(controller) {
				for (let at = 0; at < bytes.length; at += size)
					controller.enqueue(bytes.slice(at, at + size));
				controller.close();
			}
		});
	const utf16 = (text: string, bigEndian: boolean) => {
		const out = new Uint8Array(2 + text.length * 2);
		out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			out.set(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8], 2 + i * 2);
		}
		return out;
	};

	it('reads UTF-16 with its byte order mark, either way round, chunks split mid-character', async () => {
		const text = '[{"title":"Café São Paulo — Путин 习近平","date":"2023-09-13"}]';
		for (const bigEndian of [false, true]) {
			const input = await readInput(streamOf(utf16(text, bigEndian)));
			expect(input).toEqual({ kind: 'json', value: JSON.parse(text) as unknown });
		}
	});

	it('says what a binary file renamed .json is, instead of a JSON syntax error', async () => {
		const cases: [number[], string][] = [
			[[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG picture'],
			[[0xff, 0xd8, 0xff, 0xe0], 'a JPEG picture'],
			[[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
			[[0x50, 0x4b, 0x03, 0x04, 0x14], 'a ZIP archive (or an Excel or Word file)'],
			[[0x1f, 0x8b, 0x08, 0x00], 'a gzip-compressed file']
		];
		for (const [bytes, kind] of cases)
			expect(await rejection(readInput(streamOf(new Uint8Array(bytes), 2)))).toBe(
				`this is ${kind}, not a JSON file (was it renamed?)`
			);
	});
});
