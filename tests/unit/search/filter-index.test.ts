import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keysOf, type FilterQuery } from '$lib/search/facets';
import { FilterIndex, type IndexedEvent } from '$lib/search/filter-index';
import { actorInputs, event, meetings } from '../helpers';

const actors = actorInputs.map((a) => ({ ...a, aliases: [...a.aliases] }));
const inSet = (datasetId: string, list: ReturnType<typeof event>[]): IndexedEvent[] =>
	list.map((e) => ({ ...e, datasetId }));

const extra = [
	event({
		id: 'denial',
		title: 'Moscow denies arms deal',
		summary: 'The Kremlin said no weapons were sold to North Korea.',
		start: '2023-09',
		kind: 'denial',
		confidence: 'denied',
		tags: ['arms', 'north korea'],
		place: { name: 'Moscú', country: 'RU', lat: 55.75, lon: 37.62 },
		participants: [{ actor: 'putin' }],
		sources: [{ title: 'Peskov on the talks', publisher: 'TASS', quote: 'no such deal' }]
	}),
	event({
		id: 'cjk',
		title: '普京与金正恩会谈',
		start: '2024',
		confidence: 'claimed',
		tags: ['rumour'],
		participants: [{ actor: 'xi-jinping' }],
		sources: [{ url: 'https://example.cn/a', publisher: 'Xinhua' }]
	})
];

function build(options: { light?: boolean } = {}): FilterIndex {
	const index = new FilterIndex(options);
	index.setActors(actors);
	index.put({
		id: 'm:0',
		rev: 'a',
		datasetId: 'm',
		events: inSet(
			'm',
			meetings.map((e) => event(e))
		)
	});
	index.put({ id: 'x:0', rev: 'a', datasetId: 'x', events: inSet('x', extra) });
	return index;
}

const ids = (index: FilterIndex, q: Partial<FilterQuery>): string[] =>
	keysOf(index.query({ text: '', facets: {}, ...q }))
		.map((k) => k.split('\u001f')[1] ?? '')
		.sort();

describe('FilterIndex', () => {
	it('keeps everything and counts every facet value when nothing is asked', () => {
		const index = build();
		const a = index.query({ text: '', facets: {} });
		expect(a).toMatchObject({ active: false, matched: 6, total: 6, hits: [] });
		expect(a.keys).toBeUndefined();
		expect(a.counts.confidence.values).toEqual([
			{ value: 'confirmed', count: 3 },
			{ value: 'claimed', count: 1 },
			{ value: 'denied', count: 1 },
			{ value: 'reported', count: 1 }
		]);
		expect(a.counts.dataset.values).toEqual([
			{ value: 'm', count: 4 },
			{ value: 'x', count: 2 }
		]);
		expect(a.counts.actorKind.values).toEqual([{ value: 'person', count: 6 }]);
		expect(a.counts.coords.values).toEqual([
			{ value: 'no', count: 5 },
			{ value: 'yes', count: 1 }
		]);
		expect(a.counts.precision.values.map((v) => [v.value, v.count])).toEqual([
			['day', 3],
			['month', 2],
			['year', 1]
		]);
		expect(a.counts.publisher.values).toContainEqual({ value: 'TASS', count: 1 });
	});

	it('finds words in any field and in actors’ names and aliases, in any script', () => {
		const index = build();
		expect(ids(index, { text: 'vostochny' })).toEqual(['vostochny-2023']);
		expect(ids(index, { text: 'Путин' })).toEqual([
			'denial',
			'letters-2023',
			'vostochny-2023',
			'xi-moscow-2013'
		]);
		expect(ids(index, { text: 'kremlin weapons' })).toEqual(['denial']);
		expect(ids(index, { text: 'peskov' })).toEqual(['denial']);
		expect(ids(index, { text: 'no such deal' })).toEqual(['denial']);
		expect(ids(index, { text: 'moscu' })).toEqual(['denial']);
		expect(ids(index, { text: 'north korea' })).toEqual(['denial', 'shoigu-pyongyang-2023']);
	});

	it('reads phrases, exclusions, prefixes and fields', () => {
		const index = build();
		expect(ids(index, { text: '"korea north"' })).toEqual([]);
		expect(ids(index, { text: '"north korea"' })).toEqual(['denial', 'shoigu-pyongyang-2023']);
		expect(ids(index, { text: 'putin -summit' })).toEqual([
			'denial',
			'letters-2023',
			'xi-moscow-2013'
		]);
		expect(ids(index, { text: 'vosto' })).toEqual(['vostochny-2023']);
		expect(ids(index, { text: 'vosto ' })).toEqual([]);
		expect(ids(index, { text: 'tag:rumour' })).toEqual(['cjk']);
		expect(ids(index, { text: 'tag:korea' })).toEqual(['denial']);
		expect(ids(index, { text: 'actor:kim' })).toEqual([
			'letters-2023',
			'shoigu-pyongyang-2023',
			'vostochny-2023'
		]);
		expect(ids(index, { text: 'place:moscow' })).toEqual(['xi-moscow-2013']);
		expect(ids(index, { text: '-tag:rumour -actor:putin' })).toEqual(['shoigu-pyongyang-2023']);
		// A rare word first, the others checked on its events' text: the same answers.
		expect(ids(index, { text: 'putin vost' })).toEqual(['vostochny-2023']);
		expect(ids(index, { text: 'vostochny putin' })).toEqual(['vostochny-2023']);
		expect(ids(index, { text: '"north kor' })).toEqual(['denial', 'shoigu-pyongyang-2023']);
		expect(ids(index, { text: 'korea -"north korea"' })).toEqual([]);
		expect(ids(index, { text: 'kim -actor:shoigu -letters' })).toEqual(['vostochny-2023']);
	});

	it('finds CJK text by its characters and a Korean alias by its syllables', () => {
		const index = build();
		expect(ids(index, { text: '普京' })).toEqual(['cjk']);
		expect(ids(index, { text: '京普' })).toEqual([]);
		expect(ids(index, { text: '习近平' })).toEqual(['cjk', 'xi-moscow-2013']);
		expect(ids(index, { text: '정은' })).toEqual([
			'letters-2023',
			'shoigu-pyongyang-2023',
			'vostochny-2023'
		]);
	});

	it('ranks a title match above a mention, and lists the hits with title and date', () => {
		const index = build();
		const a = index.query({ text: 'kim', facets: {} });
		expect(a.hits[0]).toMatchObject({ title: 'Kim and Putin exchange letters', start: '2023-08' });
		expect(a.hits.map((h) => h.title)).toContain('Shoigu visits Pyongyang');
	});

	it('keeps events with any chosen value of a facet and every facet, counting each value under the others', () => {
		const index = build();
		const a = index.query({
			text: '',
			facets: { confidence: ['denied', 'claimed'], dataset: ['x'] }
		});
		expect(a.matched).toBe(2);
		expect(a.counts.confidence.values).toEqual([
			{ value: 'claimed', count: 1 },
			{ value: 'denied', count: 1 }
		]);
		// The dataset facet counts under the confidence choice only.
		expect(a.counts.dataset.values).toEqual([{ value: 'x', count: 2 }]);
		const b = index.query({ text: 'putin', facets: { confidence: ['confirmed'] } });
		expect(b.matched).toBe(2);
		expect(b.counts.confidence.values).toEqual([
			{ value: 'confirmed', count: 2 },
			{ value: 'denied', count: 1 },
			{ value: 'reported', count: 1 }
		]);
		const c = index.query({ text: '', facets: { actorKind: ['state'], tag: ['none-such'] } });
		expect(c.matched).toBe(0);
		expect(c.counts.tag.values).toContainEqual({ value: 'none-such', count: 0 });
	});

	it('answers first and counts the facets when asked, as one question does; not after the index changed', () => {
		const index = build();
		const q: FilterQuery = { text: 'putin', facets: { confidence: ['confirmed'] } };
		const asked = index.ask(q);
		expect(asked.answer).not.toHaveProperty('counts');
		expect(asked.answer.matched).toBe(2);
		const whole = index.query(q);
		expect({ ...asked.answer, counts: asked.counts() }).toEqual(whole);
		expect(asked.counts()?.confidence.values).toEqual([
			{ value: 'confirmed', count: 2 },
			{ value: 'denied', count: 1 },
			{ value: 'reported', count: 1 }
		]);
		// Once the events or the actors change, the answer is asked again: these counts are not made.
		const before = index.ask(q);
		index.put({ id: 'x:0', rev: 'b', datasetId: 'x', events: inSet('x', [extra[1]!]) });
		expect(before.counts()).toBeUndefined();
		const beforeActors = index.ask(q);
		index.setActors(actors);
		expect(beforeActors.counts()).toBeUndefined();
		const beforeRemove = index.ask(q);
		index.remove('x:0');
		expect(beforeRemove.counts()).toBeUndefined();
		// Without the denial (dataset x), under the words alone.
		expect(index.ask(q).counts()?.confidence.values).toEqual([
			{ value: 'confirmed', count: 2 },
			{ value: 'reported', count: 1 }
		]);
	});

	it('replaces a segment of a new revision and drops one no longer shown', () => {
		const index = build();
		index.put({ id: 'x:0', rev: 'b', datasetId: 'x', events: inSet('x', [extra[0]!]) });
		expect(index.size).toBe(5);
		expect(ids(index, { text: '普京' })).toEqual([]);
		expect(index.revisions().get('x:0')).toBe('b');
		index.retain(new Set(['x:0']));
		expect(index.size).toBe(1);
		expect(ids(index, { text: 'putin' })).toEqual(['denial']);
	});

	it('forgets the words of a segment dropped after a question was asked, and scores as MiniSearch does', () => {
		const index = build();
		expect(ids(index, { text: 'putin' })).toContain('vostochny-2023');
		index.remove('m:0');
		expect(ids(index, { text: 'putin' })).toEqual(['denial']);
		// The dropped events' words are no longer counted in how rare a word is.
		const own = new FilterIndex({ direct: false });
		own.setActors(actors);
		own.put({ id: 'm:0', rev: 'a', datasetId: 'm', events: inSet('m', meetings.map(event)) });
		own.put({ id: 'x:0', rev: 'a', datasetId: 'x', events: inSet('x', extra) });
		own.remove('m:0');
		const hits = (i: FilterIndex) => i.query({ text: 'moscow', facets: {} }).hits;
		expect(hits(index)).toEqual(hits(own));
		expect(hits(index)).toHaveLength(1);
	});

	it('names the events it keeps by their positions in their head blocks too, in the order of the keys', () => {
		const index = new FilterIndex();
		index.setActors(actors);
		const all = inSet(
			'm',
			meetings.map((e) => event(e))
		);
		// A block written before revisions existed (its events go by their keys only), first.
		index.put({ id: 'x:0', rev: '', datasetId: 'x', events: inSet('x', extra) });
		// The block's stored heads: the second one's record is missing, so the index has the
		// others at positions 0, 2, 3 and 4.
		index.put({ id: 'm:0', rev: 'r1', datasetId: 'm', events: all, at: [0, 2, 3, 4] });
		// A block read without its heads' positions: by keys only too.
		index.put({
			id: 'y:0',
			rev: 'r2',
			datasetId: 'y',
			events: inSet('y', [extra[0]!])
		});
		const a = index.query({ text: 'putin', facets: {} });
		// The blocks without a revision or places: their events by their keys.
		expect(keysOf(a).map((k) => k.split('\u001f')[1])).toEqual(['denial', 'denial']);
		expect(a.matched).toBe(5);
		// The other: its events by their places among the block's heads.
		expect(a.blocks).toHaveLength(1);
		const block = a.blocks?.[0];
		expect(block?.rev).toBe('r1');
		const positions = [0, 2, 3, 4];
		expect([...(block?.at ?? [])].map((p) => all[positions.indexOf(p)]?.id).sort()).toEqual([
			'letters-2023',
			'vostochny-2023',
			'xi-moscow-2013'
		]);
		// Its keys by position, for a page that has not read that writing of it ('' for the head
		// without its record).
		const byPosition = index.blockKeys().get('r1')?.split('\n');
		expect(byPosition?.map((k) => k.split('\u001f')[1] ?? '')).toEqual([
			all[0]?.id,
			'',
			...[1, 2, 3].map((i) => all[i]?.id)
		]);
		expect([...index.blockKeys().keys()]).toEqual(['r1']);
		// Nothing asked: no events named at all.
		expect(index.query({ text: '', facets: {} }).blocks).toBeUndefined();
	});

	it('finds an actor by a new name once the actors change', () => {
		const index = build();
		index.setActors(actors.map((a) => (a.id === 'shoigu' ? { ...a, aliases: ['Шойгу'] } : a)));
		expect(ids(index, { text: 'шойгу' })).toEqual(['shoigu-pyongyang-2023']);
	});
});

describe('FilterIndex, light (past LIGHT_FROM events)', () => {
	const light = () => build({ light: true });

	it('finds words in titles, places, tags and actors’ names, not in summaries or sources, and says so', () => {
		const index = light();
		expect(ids(index, { text: 'vostochny' })).toEqual(['vostochny-2023']);
		expect(ids(index, { text: 'vosto' })).toEqual(['vostochny-2023']);
		expect(ids(index, { text: '"north korea"' })).toEqual(['denial', 'shoigu-pyongyang-2023']);
		expect(ids(index, { text: 'Путин -summit' })).toEqual([
			'denial',
			'letters-2023',
			'xi-moscow-2013'
		]);
		expect(ids(index, { text: '普京' })).toEqual(['cjk']);
		expect(ids(index, { text: 'kremlin' })).toEqual([]);
		expect(ids(index, { text: 'peskov' })).toEqual([]);
		const a = index.query({ text: 'moscow', facets: { confidence: ['confirmed'] } });
		expect(a.light).toBe(true);
		expect(a.matched).toBe(1);
		expect(a.hits.map((h) => h.title)).toEqual(['Xi Jinping state visit to Moscow']);
		expect(new FilterIndex().query({ text: 'x', facets: {} }).light).toBeUndefined();
	});
});

describe('FilterIndex, words read straight from the full-text index', () => {
	// Words that share beginnings, so a prefix finds several, in fields of different weights.
	const WORDS = ['summit', 'summits', 'sum', 'arms', 'armistice', 'army', 'talks', 'tal', 'kim'];
	const words = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 5 });
	const events = fc.array(
		fc.record({
			title: words,
			summary: words,
			place: fc.option(fc.constantFrom('Summit Hall', 'Army Base', 'Talkeetna'), {
				nil: undefined
			}),
			tags: fc.uniqueArray(fc.constantFrom('arms', 'summit', 'kim talks'), { maxLength: 2 })
		}),
		{ minLength: 1, maxLength: 30 }
	);
	const query = fc.tuple(
		fc.array(fc.constantFrom(...WORDS, 'su', 'ar', 'summ', 'ta', 'zzz'), {
			minLength: 1,
			maxLength: 3
		}),
		fc.constantFrom('', ' '),
		fc.constantFrom('', 'tag:', 'place:', '"')
	);

	type Spec = { title: string[]; summary: string[]; place?: string; tags: string[] };
	const put = (index: FilterIndex, rev: string, list: Spec[], from = 0) =>
		index.put({
			id: 'g:0',
			rev,
			datasetId: 'g',
			events: inSet(
				'g',
				list.map((e, i) =>
					event({
						id: `e${from + i}`,
						title: ['Event', ...e.title].join(' '),
						summary: e.summary.join(' '),
						...(e.place ? { place: { name: e.place } } : {}),
						tags: e.tags
					})
				)
			)
		});

	/**
	 * Two indexes of the same events, one reading the words directly, one asking `search`. With
	 * `then`, the events are replaced by those (a new revision of the segment): the postings of
	 * the first events stay in MiniSearch's index, discarded, until it vacuums them.
	 */
	function pair(list: Spec[], then?: Spec[]) {
		return [true, false].map((direct) => {
			const index = new FilterIndex({ direct });
			index.setActors(actors);
			put(index, 'a', list);
			if (then) put(index, 'b', then, list.length);
			return index;
		});
	}

	it('keeps and ranks as MiniSearch’s own search does (random events and questions)', () => {
		fc.assert(
			fc.property(events, fc.option(events), query, (list, then, [asked, end, field]) => {
				const [direct, searched] = pair(list, then ?? undefined) as [FilterIndex, FilterIndex];
				const text =
					field === '"' ? `"${asked.join(' ')}"${end}` : `${field}${asked.join(' ')}${end}`;
				const a = direct.query({ text, facets: {} });
				const b = searched.query({ text, facets: {} });
				expect(a.keys).toEqual(b.keys);
				expect(a.hits).toEqual(b.hits);
				expect(a.counts).toEqual(b.counts);
			})
		);
	});

	it('finds the events of a common word, best first, as MiniSearch ranks them', () => {
		const [direct, searched] = pair([
			{ title: ['summit'], summary: [], tags: [] },
			{ title: ['talks'], summary: ['summit', 'summit'], tags: ['summit'] },
			{ title: ['arms', 'talks', 'kim', 'army'], summary: ['summit'], tags: [] },
			{ title: ['summits'], summary: [], tags: [] },
			{ title: ['arms'], summary: [], tags: [] }
		]) as [FilterIndex, FilterIndex];
		const titles = (index: FilterIndex, text: string) =>
			index.query({ text, facets: {} }).hits.map((h) => h.title);
		// The word in a short title first, then in a tag and twice in a summary, then once in a
		// summary beside a longer title.
		expect(titles(direct, 'summit ')).toEqual([
			'Event summit',
			'Event talks',
			'Event arms talks kim army'
		]);
		expect(titles(searched, 'summit ')).toEqual(titles(direct, 'summit '));
		// Typed as a prefix, "summits" is found too, below the word itself.
		expect(titles(direct, 'summit')).toEqual(titles(searched, 'summit'));
		expect(titles(direct, 'summit')).toContain('Event summits');
		expect(titles(direct, 'zzz')).toEqual([]);
	});
});
