import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import type { RecordRef, StoredEvent } from '$lib/db/repository';
import { eventKey, type EventKey } from '$lib/model/events';
import { RecordCache } from '$lib/state/records.svelte';

const record = (id: string) => ({ id, title: `Event ${id}` }) as unknown as StoredEvent;

/** A store of records "a" to "e" that logs every read. */
function store() {
	const reads: string[][] = [];
	const blocks: (number | undefined)[][] = [];
	const read = (refs: readonly RecordRef[]) => {
		reads.push(refs.map((r) => r.key));
		blocks.push(refs.map((r) => r.block));
		return Promise.resolve(refs.map((r) => ('abcde'.includes(r.key) ? record(r.key) : undefined)));
	};
	return { reads, blocks, read };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('full records read by key', () => {
	it('reads what views ask for in the same moment as one read, then answers from memory', async () => {
		const { reads, read } = store();
		const cache = new RecordCache(read, () => 1);
		expect(cache.get('a' as EventKey)).toBeUndefined();
		expect(cache.get('b' as EventKey)).toBeUndefined();
		await tick();
		flushSync();
		expect(cache.get('a' as EventKey)?.title).toBe('Event a');
		expect(cache.get('b' as EventKey)?.title).toBe('Event b');
		expect(reads).toEqual([['a', 'b']]);
	});

	it('passes on the record block a view knows, so the store need not look for it', async () => {
		const { blocks, read } = store();
		const cache = new RecordCache(read, () => 1);
		cache.get('a' as EventKey, 3);
		cache.get('b' as EventKey);
		cache.get('b' as EventKey, 0);
		await tick();
		expect(blocks).toEqual([[3, 0]]);
	});

	it('tells a record being read from one that is not stored', async () => {
		const { read } = store();
		const cache = new RecordCache(read, () => 1);
		cache.get('z' as EventKey);
		expect(cache.missing('z' as EventKey)).toBe(false);
		await tick();
		expect(cache.get('z' as EventKey)).toBeUndefined();
		expect(cache.missing('z' as EventKey)).toBe(true);
	});

	it('forgets what it read when the data changes', async () => {
		const { reads, read } = store();
		let generation = 1;
		const cache = new RecordCache(read, () => generation);
		cache.get('a' as EventKey);
		await tick();
		expect(cache.get('a' as EventKey)).toBeDefined();
		generation = 2;
		expect(cache.get('a' as EventKey)).toBeUndefined();
		await tick();
		expect(cache.get('a' as EventKey)).toBeDefined();
		expect(reads).toEqual([['a'], ['a']]);
	});

	it('keeps at most its limit of records, the oldest going first', async () => {
		const { reads, read } = store();
		const cache = new RecordCache(read, () => 1, 2);
		for (const k of ['a', 'b', 'c']) {
			cache.get(k as EventKey);
			await tick();
		}
		expect(cache.get('c' as EventKey)).toBeDefined();
		expect(cache.get('a' as EventKey)).toBeUndefined();
		await tick();
		expect(reads.at(-1)).toEqual(['a']);
	});

	it('keeps the records read beside those asked for, and answers them without a read', async () => {
		const reads: string[][] = [];
		const neighbour = (id: string) =>
			({ id, datasetId: 'd', title: `Event ${id}` }) as unknown as StoredEvent;
		const read = (
			refs: readonly RecordRef[],
			alongside?: (records: readonly StoredEvent[]) => void
		) => {
			reads.push(refs.map((r) => r.key));
			// The asked record's block holds two more, one of them asked for already.
			alongside?.(['x', 'y', 'z'].map(neighbour));
			return Promise.resolve(refs.map((r) => ({ ...neighbour('x'), title: `Asked ${r.key}` })));
		};
		const cache = new RecordCache(read, () => 1);
		const key = (id: string) => eventKey({ datasetId: 'd', id });
		cache.get(key('x'));
		await tick();
		// The record asked for is the one the read answered, not its copy handed alongside.
		expect(cache.get(key('x'))?.title).toBe(`Asked ${key('x')}`);
		expect(cache.get(key('y'))?.title).toBe('Event y');
		expect(cache.get(key('z'))?.title).toBe('Event z');
		await tick();
		expect(reads).toEqual([[key('x')]]);
	});

	it('says why when a read fails', async () => {
		const cache = new RecordCache(
			() => Promise.reject(new Error('the store is gone')),
			() => 1
		);
		cache.get('a' as EventKey);
		await tick();
		expect(String(cache.error)).toContain('the store is gone');
	});

	it('reads many records in chunks for exports and filters, keeping none', async () => {
		const { reads, read } = store();
		const cache = new RecordCache(read, () => 1);
		const all = await cache.readAll(['a', 'b', 'c', 'z', 'e'] as EventKey[], 2);
		expect(all.map((r) => r.id)).toEqual(['a', 'b', 'c', 'e']);
		expect(reads).toEqual([['a', 'b'], ['c', 'z'], ['e']]);
	});

	it('hands a filter its records a chunk at a time, and reads no further once told to stop', async () => {
		const { reads, read } = store();
		const cache = new RecordCache(read, () => 1);
		const chunks: string[][] = [];
		let stop = false;
		await cache.readEach(
			['a', 'b', 'c', 'z', 'e'] as EventKey[],
			(c) => {
				chunks.push(c.map((r) => r.id));
				// The filter is cleared while the second chunk is on its way.
				stop = chunks.length === 1;
			},
			() => stop,
			2
		);
		expect(chunks).toEqual([['a', 'b']]);
		expect(reads).toEqual([['a', 'b']]);
		stop = false;
		const more: string[][] = [];
		await cache.readEach(
			['c', 'z', 'e'] as EventKey[],
			(c) => more.push(c.map((r) => r.id)),
			() => stop,
			2
		);
		expect(more).toEqual([['c'], ['e']]);
	});
});
