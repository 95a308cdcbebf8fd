import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '$lib/io/html';
import { parseJsonText } from '$lib/io/json';
import { fromTimelineJs, isTimelineJs } from '$lib/io/timelinejs';
import { describeProblem } from '$lib/i18n';
import { inEnglish } from '../helpers';

const fixture = (name: string): unknown =>
	JSON.parse(readFileSync(`tests/fixtures/timelinejs/${name}.json`, 'utf8'));
const options = { group: 'tag' as const, datasetId: 'tl', datasetName: 'TimelineJS' };

describe('JSON text', () => {
	it('reports line and column of malformed JSON, and an empty file', () => {
		const r = parseJsonText('{\n  "events": [\n    { "a": 1 },\n    oops\n  ]\n}');
		expect(r.ok).toBe(false);
		expect(inEnglish(r)).toEqual({
			ok: false,
			error: 'not valid JSON at line 4, column 5: unexpected character'
		});
		expect(inEnglish(parseJsonText('   '))).toEqual({ ok: false, error: 'the file is empty' });
		const cut = parseJsonText('{"events": [');
		expect(inEnglish(cut.ok ? '' : cut.error)).toMatch(/^not valid JSON at line 1, column 1[23]: /);
	});
});

describe('HTML in imported text', () => {
	it('becomes plain text; links are collected; markup never survives', () => {
		expect(
			htmlToText(
				'<p>Born in <a href="https://en.wikipedia.org/wiki/Newark">Newark</a> &amp; raised</p><p>Second</p>'
			)
		).toEqual({
			text: 'Born in Newark & raised\nSecond',
			links: [{ url: 'https://en.wikipedia.org/wiki/Newark', text: 'Newark' }]
		});
		expect(htmlToText('<img src=x onerror=alert(1)>Title<script>alert(2)</script>').text).toBe(
			'Title'
		);
		expect(htmlToText('<a href="javascript:alert(1)">x</a>').links).toEqual([]);
		expect(htmlToText('plain <3 text').text).toBe('plain <3 text');
	});
});

describe('TimelineJS3 importer', () => {
	it('detects TimelineJS3 files', () => {
		expect(isTimelineJs(fixture('contrib_women_in_computing'))).toBe(true);
		expect(isTimelineJs({ format: 'trama', events: [] })).toBe(false);
		expect(isTimelineJs([{ start: '2023' }])).toBe(false);
	});

	it('takes the women-in-computing file whole: dates at their precision, HTML to text, media as media, unassessed', () => {
		const r = fromTimelineJs(fixture('contrib_women_in_computing'), options);
		expect(r.problems.map(describeProblem)).toEqual([]);
		expect(r.total).toBe(10);
		expect(r.file.events).toHaveLength(10);
		// TimelineJS states no confidence: no event is given one the file did not state.
		expect(new Set(r.file.events.map((e) => e.confidence))).toEqual(new Set(['unassessed']));
		const ada = r.file.events.find((e) => e.title === 'Ada Lovelace');
		expect(ada).toMatchObject({ start: '1815-12-10', end: '1852-11-27' });
		expect(ada?.summary).toMatch(/^Women have been programming since before it was a thing/);
		expect(ada?.summary).not.toMatch(/</);
		// The portrait is media with its credit; neither it nor the credit is a source.
		expect(ada?.media).toEqual([
			{
				url: 'https://upload.wikimedia.org/wikipedia/commons/thumb/a/a4/Ada_Lovelace_portrait.jpg/713px-Ada_Lovelace_portrait.jpg',
				caption: 'Portrait by Alfred Edward Chalon',
				credit: 'Wikimedia Commons'
			}
		]);
		const sourceUrls = r.file.events.flatMap((e) => e.sources.map((s) => s.url));
		expect(sourceUrls).not.toContain(ada?.media?.[0]?.url);
		expect(r.file.events.flatMap((e) => e.sources.map((s) => s.publisher))).toEqual(
			r.file.events.flatMap((e) => e.sources.map(() => undefined))
		);
		// The text's own links stay sources.
		expect(ada?.sources.map((s) => s.url)).toEqual([
			'https://en.wikipedia.org/wiki/Ada_Lovelace',
			'https://en.wikipedia.org/wiki/Analytical_Engine'
		]);
		// The caption's link (HTML the model's media cannot hold) keeps the object in extra.
		expect((ada?.extra?.media as { caption: string }).caption).toMatch(/<a href=/);
		expect(ada?.extra?.text_html).toMatch(/<a href=/);
		// Videos, maps, audio and links are media too; a plain-text media object needs no extra.
		const bartik = r.file.events.find((e) => e.media?.[0]?.url.includes('aPweFhhXFvY'));
		expect(bartik?.media?.[0]).toEqual({
			url: 'https://www.youtube.com/watch?v=aPweFhhXFvY',
			caption: 'Jean Bartik talks about the ENIAC women',
			credit: 'Computer History Museum'
		});
		const vimeo = r.file.events.find((e) => e.media?.[0]?.url === 'https://vimeo.com/304869290');
		expect(vimeo?.media?.[0]?.credit).toBe('National Archives (posted by Ira Gallen)');
		expect(vimeo?.extra?.media).toBeUndefined();
		// A quote where the address should be is not media: it stays as it was.
		const quote = r.file.events.find(
			(e) =>
				typeof (e.extra?.media as { url?: string } | undefined)?.url === 'string' &&
				(e.extra?.media as { url: string }).url.startsWith('<blockquote>')
		);
		expect(quote?.media).toBeUndefined();
		expect(r.file.events.filter((e) => e.media).length).toBe(9);
		expect(r.file.dataset.name).not.toBe('');
	});

	it('takes the eras file: year-only dates stay years, eras become periods', () => {
		const r = fromTimelineJs(fixture('src_template_eras'), options);
		expect(r.problems.map(describeProblem)).toEqual([]);
		expect(r.file.events).toHaveLength(20);
		expect(r.file.events[0]).toMatchObject({ start: '0602', end: '0629' });
		expect(r.file.periods.map((p) => [p.label, p.start, p.end])).toEqual([
			['Era Test 650-700', '0650', '0700'],
			['Era Test 600-650', '0600', '0650'],
			['Era Test 700-720', '0700', '0720']
		]);
		expect(r.file.dataset.name).toBe('Eras Test');
	});

	it('takes the Houston file: string parts ("8"), protocol-relative media, relative media kept in extra', () => {
		const r = fromTimelineJs(fixture('website_examples_houston_timeline3'), options);
		expect(r.problems.map(describeProblem)).toEqual([]);
		expect(r.file.events).toHaveLength(18);
		const first = r.file.events.find((e) => e.title === 'A Musical Heritage');
		expect(first?.start).toBe('1963-08-09');
		// The photo's address is relative to the page it was published on: not media, not a
		// source; the object (credit and the credit's links included) is kept as it was.
		expect(first?.media).toBeUndefined();
		expect((first?.extra?.media as { url: string }).url).toBe(
			'/static/img/examples/houston/family.jpg'
		);
		expect(first?.sources).toEqual([]);
		// "//host/path" is read as https; the tweet is media, its credit's link no source.
		const tweet = r.file.events.find((e) => e.media?.[0]?.url.includes('twitter.com'));
		expect(tweet?.media?.[0]).toMatchObject({
			url: 'https://twitter.com/Blavity/status/851872780949889024',
			caption: 'Houston, performing on Good Morning America in 2009.'
		});
		expect(tweet?.sources.map((s) => s.url)).not.toContain(
			'http://commons.wikimedia.org/wiki/File%3AFlickr_Whitney_Houston_performing_on_GMA_2009_4.jpg'
		);
		// Empty media objects ({ "url": "", "caption": "" }) leave nothing behind.
		const empty = r.file.events.filter((e) => !e.media && !e.extra?.media);
		expect(empty.length).toBe(3);
		expect(new Set(r.file.events.map((e) => e.confidence))).toEqual(new Set(['unassessed']));
	});

	it('keeps alt text and thumbnails; refuses nothing for a media address it cannot use', () => {
		const r = fromTimelineJs(
			{
				events: [
					{
						start_date: { year: 2023 },
						text: { headline: 'Photo' },
						media: {
							url: 'https://example.org/p.jpg',
							caption: 'A caption',
							credit: 'Example Wire',
							alt: 'Two men shake hands',
							thumbnail: 'https://example.org/p-small.jpg'
						}
					},
					{
						start_date: { year: 2024 },
						text: { headline: 'Broken' },
						media: { url: 'javascript:alert(1)', credit: 'Nobody' }
					}
				]
			},
			options
		);
		expect(r.problems).toEqual([]);
		expect(r.file.events[0]?.media).toEqual([
			{
				url: 'https://example.org/p.jpg',
				caption: 'A caption',
				credit: 'Example Wire',
				alt: 'Two men shake hands',
				thumbnail: 'https://example.org/p-small.jpg'
			}
		]);
		expect(r.file.events[0]?.extra).toBeUndefined();
		expect(r.file.events[0]?.sources).toEqual([]);
		expect(r.file.events[1]?.media).toBeUndefined();
		expect(r.file.events[1]?.extra?.media).toEqual({
			url: 'javascript:alert(1)',
			credit: 'Nobody'
		});
	});

	it('the same file gives the same ids twice (stable hashes where a record has none)', () => {
		const a = fromTimelineJs(fixture('src_template_eras'), options).file.events.map((e) => e.id);
		const b = fromTimelineJs(fixture('src_template_eras'), options).file.events.map((e) => e.id);
		expect(a).toEqual(b);
		expect(new Set(a).size).toBe(a.length);
	});

	it('groups become tags or actors, as chosen', () => {
		const json = {
			events: [{ start_date: { year: 2023 }, text: { headline: 'A' }, group: 'Kremlin' }]
		};
		expect(fromTimelineJs(json, options).file.events[0]?.tags).toEqual(['Kremlin']);
		const asActor = fromTimelineJs(json, { ...options, group: 'actor' });
		expect(asActor.file.events[0]?.participants).toEqual([{ actor: 'group-kremlin' }]);
		expect(asActor.file.actors.map((a) => a.name)).toEqual(['Kremlin']);
	});

	it('bad records get their path and reason; good ones still come through', () => {
		const json = {
			events: [
				{ start_date: { year: 2023, month: 9, day: 13 }, text: { headline: 'Good' } },
				{ start_date: { year: '2023', month: '13' }, text: { headline: 'Bad month' } },
				{ start_date: { year: 2023, month: 2, day: 30 }, text: { headline: 'Bad day' } },
				{ start_date: { month: 2 }, text: { headline: 'No year' } },
				{
					start_date: { year: 2023, month: 9 },
					end_date: { year: 2022 },
					text: { headline: 'Backwards' }
				},
				{ start_date: { year: 2023 }, text: { headline: 'Twin' }, unique_id: 'x' },
				{ start_date: { year: 2024 }, text: { headline: 'Twin 2' }, unique_id: 'x' },
				'not an object'
			]
		};
		const r = fromTimelineJs(json, options);
		expect(r.file.events.map((e) => e.title)).toEqual(['Good', 'Twin']);
		expect(r.problems.map(describeProblem)).toEqual([
			'events[1].start_date.month: 13 is not a month',
			'events[2].start_date.day: 30 is not a day of February 2023 (it has 28 days)',
			'events[3].start_date.year: the year is missing',
			'events[4].end_date: ends (2022) before it starts (2023-09)',
			'events[6].unique_id: the id "x" is used twice (first at events[5])',
			'events[7]: an event must be an object'
		]);
	});
});

describe('years before 1 and times without a zone', () => {
	const dated = (name: string): unknown =>
		JSON.parse(readFileSync(`tests/fixtures/dates/${name}.json`, 'utf8'));

	it('reads years as TimelineJS3 shows them: -300 is 300 BCE (astronomical -0299)', () => {
		const r = fromTimelineJs(dated('ancient-timelinejs'), options);
		expect(r.problems).toEqual([]);
		expect(r.file.events.map((e) => [e.id, e.start, e.end])).toEqual([
			['cuneiform', '-3499', undefined],
			['alexandria', '-0299', '-0279'],
			['ides', '-0043-03-15', undefined],
			['vostochny', '2023-09-13T10:00', undefined]
		]);
	});

	it('keeps an hour without a zone as given, never as UTC', () => {
		const r = fromTimelineJs(
			{ events: [{ start_date: { year: 2023, month: 9, day: 13, hour: 10, minute: 5 } }] },
			options
		);
		expect(r.file.events[0]?.start).toBe('2023-09-13T10:05');
	});

	it('refuses cosmological years with one message for all, each at its path', () => {
		const r = fromTimelineJs(dated('cosmological-timelinejs'), options);
		expect(r.file.events.map((e) => e.start)).toEqual(['-3499', '1969-07-20']);
		expect(r.problems.map((p) => p.path)).toEqual([
			'events[0].start_date.year',
			'events[1].start_date.year',
			'events[2].start_date.year',
			'events[3].start_date.year',
			'events[4].start_date.year',
			'events[5].start_date.year',
			'events[6].start_date.year'
		]);
		// One code with the range as its only parameters: identical messages, so they group.
		expect(new Set(r.problems.map((p) => JSON.stringify(p.message))).size).toBe(1);
		expect(r.problems[0]?.message).toEqual({
			code: 'date.yearOutOfRange',
			params: { min: -9999, max: 9999 }
		});
		expect(describeProblem(r.problems[0]!)).toBe(
			'events[0].start_date.year: year outside 10000 BCE to 9999'
		);
	});

	it('takes 10000 BCE, the first year it supports, and refuses the year before', () => {
		const r = fromTimelineJs(
			{ events: [{ start_date: { year: -10000 } }, { start_date: { year: -10001 } }] },
			options
		);
		expect(r.file.events.map((e) => e.start)).toEqual(['-9999']);
		expect(r.problems.map(describeProblem)).toEqual([
			'events[1].start_date.year: year outside 10000 BCE to 9999'
		]);
	});
});
