import { describe, expect, it } from 'vitest';
import type { Repository } from '$lib/db/repository';
import type { FacetCountsAll, FilterAnswer, FilterQuery } from '$lib/search/facets';
import type { FromSearchWorker, ToSearchWorker } from '$lib/search/protocol';
import { SearchClient, type SearchWorkerLike } from '$lib/search/search-client';

/** A worker that keeps what the page sends and answers when the test says so. */
function fakeWorker() {
	const sent: ToSearchWorker[] = [];
	const worker = {
		postMessage: (m: ToSearchWorker) => sent.push(m),
		terminate: () => undefined,
		onmessage: null,
		onerror: null
	} as unknown as SearchWorkerLike;
	const reply = (m: FromSearchWorker) =>
		(worker.onmessage as (e: MessageEvent<FromSearchWorker>) => void)({ data: m } as never);
	return { worker, sent, reply };
}

const answerOf = (matched: number): FilterAnswer => ({
	active: true,
	keys: '',
	blocks: [],
	matched,
	total: 10,
	hits: []
});
const countsOf = (denied: number) =>
	({ confidence: { values: [{ value: 'denied', count: denied }], more: 0 } }) as FacetCountsAll;

describe('SearchClient', () => {
	it('hands the views the answer, then the facets’ counts of the same question; none of an older one', () => {
		const { worker, sent, reply } = fakeWorker();
		const client = new SearchClient({} as Repository, () => worker);
		const heard: string[] = [];
		client.listen({
			answer: (q, a) => heard.push(`answer ${q.text} ${a.matched}`),
			counts: (q, c) => heard.push(`counts ${q.text} ${c.confidence.values[0]?.count}`),
			progress: () => undefined,
			error: (m) => heard.push(`error ${m}`)
		});
		const ask = (text: string) => client.ask({ text, facets: {} } satisfies FilterQuery);
		const seqOf = (text: string) =>
			(sent.findLast((m) => m.type === 'query' && m.query.text === text) as { seq: number }).seq;

		ask('kim');
		reply({ type: 'answer', seq: seqOf('kim'), answer: answerOf(3) });
		reply({ type: 'counts', seq: seqOf('kim'), counts: countsOf(1) });
		expect(heard).toEqual(['answer kim 3', 'counts kim 1']);

		// "putin kim" is asked while "putin" is in the worker: the counts of "putin", coming after
		// its answer, are not heard (nor that answer: a newer question was on its way).
		ask('putin');
		ask('putin kim');
		reply({ type: 'answer', seq: seqOf('putin'), answer: answerOf(5) });
		// The waiting question went to the worker as soon as the last one was answered.
		expect(sent.at(-1)).toMatchObject({ type: 'query', query: { text: 'putin kim' } });
		reply({ type: 'counts', seq: seqOf('putin'), counts: countsOf(2) });
		reply({ type: 'answer', seq: seqOf('putin kim'), answer: answerOf(1) });
		reply({ type: 'counts', seq: seqOf('putin kim'), counts: countsOf(0) });
		expect(heard.slice(2)).toEqual(['answer putin kim 1', 'counts putin kim 0']);
	});

	it('keeps the keys of the blocks the page has not parsed, and lets them go once it has', () => {
		const { worker, reply } = fakeWorker();
		const parsed = new Set(['a']);
		const repo = { parsedBlock: (rev: string) => (parsed.has(rev) ? { heads: [] } : undefined) };
		const client = new SearchClient(repo as unknown as Repository, () => worker);
		client.blocks([]);
		reply({
			type: 'keys',
			change: {
				added: [
					['a', 'test\u001fa1\ntest\u001fa2'],
					['b', 'test\u001fb1\ntest\u001fb2']
				],
				dropped: []
			}
		});
		// Block a's events are found by their positions among its heads; b's by these keys.
		expect(client.blockKeys('a')).toBeUndefined();
		expect(client.blockKeys('b')).toEqual(['test\u001fb1', 'test\u001fb2']);
		// The page has parsed b since, and says which blocks it shows: b's keys go.
		parsed.add('b');
		client.blocks([]);
		expect(client.blockKeys('b')).toBeUndefined();
	});
});
