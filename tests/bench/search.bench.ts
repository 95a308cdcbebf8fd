/**
 * The search index on its own (in Node, as it runs in the worker): build time and the cost of
 * each kind of question at 10,000 and 100,000 generated events, against the baseline a search
 * without an index would be (every event's folded text scanned for every word, the table's
 * word filter's method), on the same events in the same run; and the scaling exponent between
 * the two sizes. The browser figures (keystroke to views) are in `scale.bench.ts`.
 */
import { test } from '@playwright/test';
import { FilterIndex, type IndexedEvent } from '../../src/lib/search/filter-index';
import { fold } from '../../src/lib/search/text';
import { LIGHT_FROM, type FilterQuery } from '../../src/lib/search/facets';
import { scaleData } from '../fixtures/generate';

const SIZES = [10_000, 100_000];
const QUERIES: { label: string; q: FilterQuery; words?: string[] }[] = [
	{ label: 'nothing asked (every facet counted)', q: { text: '', facets: {} } },
	{ label: 'a word in 1 of 14 (summit)', q: { text: 'summit ', facets: {} }, words: ['summit'] },
	{ label: 'a prefix (summ)', q: { text: 'summ', facets: {} }, words: ['summ'] },
	{ label: 'an actor (actor:"Actor 5")', q: { text: 'actor:"Actor 5" ', facets: {} } },
	{ label: 'a phrase ("Place 42")', q: { text: '"Place 42" ', facets: {} }, words: ['place 42'] },
	{
		label: 'two words, one in every event (place 42)',
		q: { text: 'place 42 ', facets: {} },
		words: ['place', '42']
	},
	{
		label: 'the same, the last still typed (place 42…)',
		q: { text: 'place 42', facets: {} },
		words: ['place', ' 42']
	},
	{ label: 'two words, one naming actors (Actor 5…)', q: { text: 'Actor 5', facets: {} } },
	{ label: 'excluding a word (-summit)', q: { text: '-summit ', facets: {} } },
	{
		label: 'two facets (denied, tag-3)',
		q: { text: '', facets: { confidence: ['denied'], tag: ['tag-3'] } }
	}
];

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function time(fn: () => void, runs = 5): number {
	fn(); // warm
	const ms: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		fn();
		ms.push(performance.now() - t);
	}
	return median(ms);
}

/** An index of `n` generated events, in segments of 5,000 as the store's head blocks; timed. */
function built(
	n: number,
	light = false
): { index: FilterIndex; events: IndexedEvent[]; ms: number } {
	const data = scaleData(n);
	const events = [...data.events()].map((e) => ({
		...e,
		datasetId: 'd'
	})) as unknown as IndexedEvent[];
	const index = new FilterIndex({ light });
	const t0 = performance.now();
	index.setActors(data.actors.map((a) => ({ ...a, aliases: [] })));
	for (let k = 0; k * 5000 < n; k++)
		index.put({
			id: `d:${k}`,
			rev: 'r',
			datasetId: 'd',
			events: events.slice(k * 5000, (k + 1) * 5000)
		});
	return { index, events, ms: performance.now() - t0 };
}

test('search index: build, questions, against a scan', () => {
	test.setTimeout(10 * 60_000);
	const rows: Record<string, Record<number, { ms: number; base?: number }>> = {};
	const build: Record<number, number> = {};
	for (const n of SIZES) {
		const { index, events, ms } = built(n);
		build[n] = ms;
		// The baseline's texts, folded once (as the table filter keeps them).
		const texts = events.map((e) =>
			fold(
				[e.title, e.place?.name ?? '', ...e.tags, ...e.sources.map((s) => s.publisher ?? '')].join(
					' '
				)
			)
		);
		for (const { label, q, words } of QUERIES) {
			const ms = time(() => index.query(q));
			const base = words
				? time(() => texts.filter((t) => words.every((w) => t.includes(w))))
				: undefined;
			(rows[label] ??= {})[n] = { ms, ...(base !== undefined ? { base } : {}) };
		}
	}
	const f1 = (x: number) => x.toFixed(1);
	const [a, b] = SIZES as [number, number];
	const lines = [
		`Search index (Node, this machine): ${SIZES.map((s) => s.toLocaleString('en')).join(' and ')} generated events`,
		`  build: ${SIZES.map((s) => `${Math.round(build[s] ?? 0)} ms`).join(' / ')}; exponent ${f1(Math.log((build[b] ?? 1) / (build[a] ?? 1)) / Math.log(b / a))}`
	];
	for (const [label, bySize] of Object.entries(rows)) {
		const cells = SIZES.map((s) => {
			const r = bySize[s];
			if (!r) return '—';
			return r.base === undefined
				? `${f1(r.ms)} ms`
				: `${f1(r.ms)} ms (scan ${f1(r.base)} ms, ×${f1(r.base / r.ms)})`;
		});
		const exp = Math.log((bySize[b]?.ms ?? 1) / (bySize[a]?.ms ?? 1)) / Math.log(b / a);
		lines.push(`  ${label}: ${cells.join(' / ')}; exponent ${f1(exp)}`);
	}
	// The light index (past LIGHT_FROM events: no full text, words scanned in titles, places and
	// tags), at the largest size here: what each event costs it, to tell what 1,000,000 would.
	{
		const n = b;
		const { index, ms: builtMs } = built(n, true);
		const word = time(() => index.query({ text: 'summit ', facets: {} }));
		const phrase = time(() => index.query({ text: '"Place 42" ', facets: {} }));
		lines.push(
			`  light index (past ${LIGHT_FROM.toLocaleString('en')} events), ${n.toLocaleString('en')}: build ${Math.round(builtMs)} ms; a word ${f1(word)} ms; a phrase ${f1(phrase)} ms`
		);
	}
	console.log(`\n${lines.join('\n')}\n`);
});
