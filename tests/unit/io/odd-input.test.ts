/**
 * Odd input is never silently changed: each defect a sweep of malformed files found, as the user
 * would meet it in the import preview.
 */
import { describe, expect, it } from 'vitest';
import { readImport, type ReadResult } from '$lib/io/detect';
import { describeMessage, describeProblem } from '$lib/i18n';
import { toTimelineJs } from '$lib/io/export';
import { readInput } from '$lib/io/read';
import { rejection } from '../helpers';
import { nativeFileSchema } from '$lib/model/schema';

const OPTIONS = { group: 'actor' as const, datasetId: 'import-x', datasetName: 'X' };
const read = (json: unknown): ReadResult => readImport(JSON.stringify(json), OPTIONS);
const readText = (text: string): ReadResult => readImport(text, OPTIONS);

/** The preview's problem lines, and the ids and actors of the events it would import. */
function preview(result: ReadResult) {
	if (!result.ok) throw new Error(describeMessage(result.error));
	return {
		problems: result.result.problems.map(describeProblem),
		events: result.result.file.events.map((e) => e.id),
		actors: result.result.file.events.flatMap((e) => e.participants.map((p) => p.actor)),
		total: result.result.total
	};
}

const native = (events: unknown) => ({
	format: 'trama',
	version: 1,
	dataset: { id: 'd', name: 'D' },
	actors: [],
	events
});

describe('messages that say what is wrong', () => {
	it('a native file whose events are not a list is refused with that reason', () => {
		const result = read(native('nope'));
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(describeMessage(result.error)).toBe('events: expected a list of events, [ … ]');
	});

	it('a null event is counted and given its reason line', () => {
		const { problems, events, total } = preview(
			read(native([null, { id: 'a', title: 'A', start: '2020', confidence: 'reported' }]))
		);
		expect(total).toBe(2);
		expect(events).toEqual(['a']);
		expect(problems).toEqual(['events[0]: an event must be an object']);
	});

	it('two records without ids are told apart by what they share, not by an id they never had', () => {
		const same = { title: 'Same', date: '2020-01-01' };
		const { problems, events } = preview(read([same, { ...same }]));
		expect(events).toHaveLength(1);
		expect(problems).toEqual([
			'[1]: the same title and date as [0], and neither has an id to tell them apart: only the first is kept'
		]);
		// With ids of their own, the id is what is said.
		const withIds = preview(
			read([
				{ ...same, id: 'x' },
				{ ...same, id: 'x' }
			])
		);
		expect(withIds.problems).toEqual(['[1].id: the id "x" is used twice (first at [0])']);
	});
});

describe('data never silently altered', () => {
	it('a 195-character group made an actor gets an id that fits: its events import', () => {
		const long = 'Eastern Economic Forum delegation '.repeat(6).slice(0, 195);
		const tljs = preview(
			read({
				title: { text: { headline: 'T' } },
				events: [{ start_date: { year: 2020 }, text: { headline: 'A' }, group: long }]
			})
		);
		expect(tljs.problems).toEqual([]);
		expect(tljs.events).toHaveLength(1);
		expect(tljs.actors[0]!.length).toBeLessThanOrEqual(120);
		// Two long groups that begin alike stay two actors.
		const vis = preview(
			read({
				items: [
					{ id: 1, content: 'A', start: '2020-01-01', group: 1 },
					{ id: 2, content: 'B', start: '2020-01-02', group: 2 }
				],
				groups: [
					{ id: 1, content: `${long} one` },
					{ id: 2, content: `${long} two` }
				]
			})
		);
		expect(vis.problems).toEqual([]);
		expect(new Set(vis.actors).size).toBe(2);
	});

	it('a __proto__ field is refused by name, never dropped and never a prototype', () => {
		for (const text of [
			'[{"title":"x","date":"2020","__proto__":{"polluted":1},"other":2}]',
			'{"items":[{"id":1,"content":"x","start":"2020-01-01","__proto__":{"polluted":1}}]}',
			'{"events":[{"start_date":{"year":2020},"text":{"headline":"x"},"__proto__":{"polluted":1}}]}',
			'{"format":"trama","version":1,"dataset":{"id":"d","name":"D"},"actors":[],"events":[{"id":"a","title":"x","start":"2020","confidence":"reported","extra":{"__proto__":{"polluted":1}}}]}'
		]) {
			const { problems, events } = preview(readText(text));
			expect(events, text).toEqual([]);
			expect(problems, text).toHaveLength(1);
			expect(problems[0], text).toMatch(
				/__proto__: the field name "__proto__" is reserved in JavaScript, so Trama cannot keep it: rename the field in the file to import this record$/
			);
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('one rule for every string in and out', () => {
	it('a TimelineJS3 group is read as text, as a vis-timeline group is; its markup is kept aside', () => {
		for (const group of ['actor', 'tag'] as const) {
			const result = readImport(
				JSON.stringify({
					events: [
						{ start_date: { year: 2020 }, text: { headline: 'A' }, group: '<b>Kremlin</b> pool' }
					]
				}),
				{ ...OPTIONS, group }
			);
			if (!result.ok) throw new Error('refused');
			const [event] = result.result.file.events;
			const named =
				group === 'actor' ? result.result.file.actors.map((a) => a.name) : (event?.tags ?? []);
			expect(named).toEqual(['Kremlin pool']);
			expect(event?.extra?.group_html).toBe('<b>Kremlin</b> pool');
		}
	});

	it('a TimelineJS3 export escapes the id and writes addresses as the URL standard encodes them', () => {
		const file = nativeFileSchema.parse({
			format: 'trama',
			version: 1,
			dataset: { id: 'd', name: 'D' },
			actors: [],
			events: [
				{
					id: 'a"><script>1</script>',
					title: 'A',
					start: '2020',
					confidence: 'reported',
					media: [
						{ url: 'https://example.org/a b"<x>.png', thumbnail: 'https://example.org/t".png' }
					]
				}
			]
		});
		const out = (
			toTimelineJs(file, new Map()) as {
				events: { unique_id: string; media?: unknown }[];
			}
		).events;
		expect(out[0]?.unique_id).toBe('a&quot;&gt;&lt;script&gt;1&lt;/script&gt;');
		expect(out[0]?.media).toEqual({
			url: 'https://example.org/a%20b%22%3Cx%3E.png',
			thumbnail: 'https://example.org/t%22.png'
		});
	});
});

describe('text that is not UTF-8', () => {
	/** "Café São Paulo" as a Latin-1 (Windows-1252) file writes it. */
	const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
	const file = latin1('[{"title":"Reunión en Café São Paulo","date":"2023-09-13"}]');
	const stream = (bytes: Uint8Array, size = 7) =>
		new ReadableStream<Uint8Array>({
			start(c) {
				for (let i = 0; i < bytes.length; i += size) c.enqueue(bytes.slice(i, i + size));
				c.close();
			}
		});

	it('is refused, never mangled, and shown both ways', async () => {
		const said = await rejection(readInput(stream(file, 64)));
		expect(said).toMatch(
			/^this file is not UTF-8 text\. It reads like Windows-1252 \(Latin-1\): “[^”]*Reunión en Café São Pa[^”]*”; as UTF-8 it would read “[^”]*Reuni\uFFFDn en Caf\uFFFD S\uFFFDo Pa[^”]*”$/
		);
	});

	it('reads as Windows-1252 when the user chooses it', async () => {
		const input = await readInput(stream(file), { encoding: 'windows-1252' });
		expect(input).toEqual({
			kind: 'json',
			value: [{ title: 'Reunión en Café São Paulo', date: '2023-09-13' }]
		});
		// UTF-8 itself, split anywhere, reads as before.
		const utf8 = new TextEncoder().encode('[{"title":"Café São Paulo — 東京"}]');
		expect(await readInput(stream(utf8, 3))).toEqual({
			kind: 'json',
			value: [{ title: 'Café São Paulo — 東京' }]
		});
	});
});

describe('numbers in a date column', () => {
	const records = (dates: unknown[]) => dates.map((date, i) => ({ title: `r${i}`, date }));
	const starts = (result: ReadResult) => {
		if (!result.ok) throw new Error(describeMessage(result.error));
		return result.result.file.events.map((e) => e.start);
	};

	it('guesses per column what the numbers are, and shows two of them converted', () => {
		const years = read(records([2023, -300, 1]));
		expect(starts(years)).toEqual(['2023', '-0299', '0001']);
		expect(years.records?.dateNumbers).toEqual({
			kind: 'years',
			guessed: true,
			examples: [
				{ value: 2023, date: '2023' },
				{ value: 1, date: '0001' }
			]
		});
		// Spreadsheet serial days: 45000 is 15 March 2023; a fraction is a time of day.
		expect(starts(read(records([45000, 45000.5])))).toEqual(['2023-03-15', '2023-03-15T12:00:00Z']);
		// Unix seconds and milliseconds.
		expect(starts(read(records([1694563200, 1694606400])))).toEqual([
			'2023-09-13',
			'2023-09-13T12:00:00Z'
		]);
		expect(starts(read(records([1694563200000])))).toEqual(['2023-09-13']);
	});

	it('never makes 1970 instants of numbers it cannot place: it asks, record by record', () => {
		const mixed = read(records([10000, 0, 2023.5]));
		if (!mixed.ok) throw new Error('refused');
		expect(mixed.result.file.events).toEqual([]);
		expect(mixed.records?.dateNumbers).toEqual({
			guessed: true,
			examples: [{ value: 10000 }, { value: 2023.5 }]
		});
		expect(mixed.result.problems.map(describeProblem)).toEqual([
			'[0].date: 10000 is a number: choose above what the numbers of the date column are (years, Unix seconds or milliseconds, spreadsheet days)',
			'[1].date: 0 is a number: choose above what the numbers of the date column are (years, Unix seconds or milliseconds, spreadsheet days)',
			'[2].date: 2023.5 is a number: choose above what the numbers of the date column are (years, Unix seconds or milliseconds, spreadsheet days)'
		]);
		// The user says they are years: what cannot be one is invalid, with its reason.
		const asYears = readImport(JSON.stringify(records([10000, 0, 2023.5])), {
			...OPTIONS,
			dateNumbers: 'years'
		});
		if (!asYears.ok) throw new Error('refused');
		expect(asYears.result.file.events.map((e) => e.start)).toEqual(['0000']);
		expect(asYears.result.problems.map(describeProblem)).toEqual([
			'[0].date: year outside 10000 BCE to 9999',
			'[2].date: 2023.5 is not a whole number'
		]);
		expect(asYears.records?.dateNumbers?.guessed).toBe(false);
	});

	it('text dates in the same column are read as before', () => {
		expect(starts(read(records(['2023-09-13', '2023-09'])))).toEqual(['2023-09-13', '2023-09']);
		expect(read(records(['2023-09-13'])).records?.dateNumbers).toBeUndefined();
	});
});

describe('each problem said once', () => {
	it('"-0001" imports as 2 BCE and "10000-01-01" is refused once, in every format', () => {
		const dates = ['-0001', '10000-01-01'];
		const inputs = [
			read(dates.map((date, i) => ({ title: `r${i}`, date }))),
			read({ items: dates.map((start, i) => ({ id: i, content: `v${i}`, start })) }),
			read(
				native(
					dates.map((start, i) => ({ id: `n${i}`, title: 'n', start, confidence: 'reported' }))
				)
			)
		];
		for (const result of inputs) {
			const { problems, events } = preview(result);
			expect(events).toHaveLength(1);
			expect(problems).toHaveLength(1);
			expect(problems[0]).toMatch(/\.(date|start): year outside 10000 BCE to 9999$/);
		}
	});
});
