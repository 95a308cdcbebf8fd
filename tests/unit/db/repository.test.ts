import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TramaDatabase } from '$lib/db/database';
import { DEFAULT_DATASET_ID, Repository, fromStored, mergeByDate } from '$lib/db/repository';
import { compareDated, eventKey } from '$lib/model/events';
import { headsOf, toStored, type HeadBlock } from '$lib/db/database';
import { headsFromColumns } from '$lib/db/head-columns';
import type * as HeadColumnsModule from '$lib/db/head-columns';
import { BlockSplice } from '$lib/db/splice';
import {
	actorSchema,
	nativeFileSchema,
	type ActorId,
	type DatasetId,
	type EventId,
	type TramaEventInput
} from '$lib/model/schema';
import { actorInputs, event, eventInput, meetings, nativeFile, rejection } from '../helpers';

// Each block's heads made from its columns, counted (the reads that make them again are told).
vi.mock('$lib/db/head-columns', async (original) => {
	const real = await original<typeof HeadColumnsModule>();
	return { ...real, headsFromColumns: vi.fn(real.headsFromColumns) };
});

let repo: Repository;
let n = 0;
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

beforeEach(() => {
	repo = new Repository(new TramaDatabase(`test-${++n}`));
});
afterEach(async () => {
	await repo.db.delete();
});

describe('writing a dataset', () => {
	it('stores events, actors and the dataset with its count, and reads them back in date order', async () => {
		const file = nativeFile([...meetings].reverse());
		const summary = await repo.writeDataset(
			file,
			{ kind: 'file', name: 'test.json' },
			new Date('2026-11-22T10:00:00Z')
		);
		expect(summary).toEqual({
			datasetId: 'test',
			events: 4,
			actors: 4,
			periods: 0,
			replaced: false
		});
		expect(await repo.datasets()).toEqual([
			{
				id: 'test',
				name: 'Test set',
				origin: { kind: 'file', name: 'test.json' },
				importedAt: '2026-11-22T10:00:00.000Z',
				eventCount: 4
			}
		]);
		const events = await repo.events();
		expect(ids(events)).toEqual([
			'xi-moscow-2013',
			'shoigu-pyongyang-2023',
			'letters-2023',
			'vostochny-2023'
		]);
		expect(fromStored(events[0]!)).toEqual(file.events.find((e) => e.id === 'xi-moscow-2013'));
		expect((await repo.actors()).map((a) => a.name).sort()).toEqual([
			'Kim Jong Un',
			'Sergei Shoigu',
			'Vladimir Putin',
			'Xi Jinping'
		]);
	});

	it('writing the same dataset again replaces its events instead of adding to them', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		await repo.writeDataset(nativeFile(meetings.slice(0, 2)), { kind: 'paste' });
		expect(ids(await repo.events())).toEqual(['xi-moscow-2013', 'shoigu-pyongyang-2023']);
		expect((await repo.datasets())[0]?.eventCount).toBe(2);
	});

	it('writes the heads the views draw from with the events, and replaces them with the dataset', async () => {
		await repo.writeDataset(nativeFile([...meetings].reverse()), { kind: 'paste' });
		const heads = await repo.heads();
		expect(ids(heads)).toEqual(ids(await repo.events()));
		// A head has what the views draw from, not the whole record.
		const vostochny = heads.find((h) => h.id === 'vostochny-2023');
		expect(vostochny?.datasetId).toBe('test');
		expect(vostochny?.title).toBe(meetings.find((m) => m.id === 'vostochny-2023')?.title);
		expect(vostochny).not.toHaveProperty('sources');
		expect(vostochny).not.toHaveProperty('summary');
		await repo.writeDataset(nativeFile(meetings.slice(0, 2)), { kind: 'paste' });
		expect(ids(await repo.heads())).toEqual(['xi-moscow-2013', 'shoigu-pyongyang-2023']);
	});

	it('keeps a large dataset in blocks of heads, in date order across blocks', async () => {
		const many = Array.from({ length: 10_001 }, (_, i) =>
			eventInput({
				id: `e-${i}`,
				title: `Event ${i}`,
				start: `${2000 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`,
				participants: [{ actor: 'putin' }]
			})
		);
		await repo.writeDataset(nativeFile(many), { kind: 'paste' });
		expect(await repo.db.heads.count()).toBe(3);
		const heads = await repo.heads();
		expect(heads).toHaveLength(10_001);
		expect(heads.every((h, i) => i === 0 || heads[i - 1]!.startMs <= h.startMs)).toBe(true);
		// Full records in blocks of 200, in the same order: 51 blocks, each head naming its own.
		expect(await repo.db.records.count()).toBe(51);
		const events = await repo.events();
		expect(events.map((e) => e.id)).toEqual(heads.map((h) => h.id));
		const picks = [0, 199, 200, 5_000, 10_000];
		const found = await repo.eventsByKey(
			picks.map((i) => ({ key: eventKey(heads[i]!), block: heads[i]!.recordBlock }))
		);
		expect(found.map((e) => e?.title)).toEqual(picks.map((i) => heads[i]!.title));
		expect(picks.map((i) => heads[i]!.recordBlock)).toEqual([0, 0, 1, 25, 50]);
		// The records beside those asked for, in the blocks read, are handed on too: all of
		// blocks 0 and 25 for two records asked of them.
		const beside: string[] = [];
		await repo.eventsByKey(
			[0, 5_000].map((i) => ({ key: eventKey(heads[i]!), block: heads[i]!.recordBlock })),
			(records) => beside.push(...records.map((r) => r.id))
		);
		expect(beside.sort()).toEqual(
			[...heads.slice(0, 200), ...heads.slice(5_000, 5_200)].map((h) => h.id).sort()
		);
		// A stale block (the record written again elsewhere since) is looked for, not lost.
		const [moved] = await repo.eventsByKey([{ key: eventKey(heads[10_000]!), block: 3 }]);
		expect(moved?.title).toBe(heads[10_000]!.title);

		// An edit changes one head block: the next read parses only it, and hands the same head
		// objects for the other blocks' events, in a new list. (The title sorts first among
		// events of its date, so the event stays in the first block.)
		const edited = events[2_500]!;
		await repo.editEvent(edited.datasetId, { ...fromStored(edited), title: 'A edited' });
		const again = await repo.heads();
		expect(again).not.toBe(heads);
		expect(new Map(again.map((h) => [h.id, h.title]))).toEqual(
			new Map(heads.map((h) => [h.id, h.id === edited.id ? 'A edited' : h.title]))
		);
		expect(again.slice(5_000).filter((h, i) => h === heads[5_000 + i])).toHaveLength(5_001);
		const before = new Set<object>(heads);
		expect(again.slice(0, 5_000).filter((h) => before.has(h))).toHaveLength(0);

		// Parsed with a pause (the page's): it pauses between blocks it parses once its budget is
		// spent, not for blocks it parsed before, and gives the same heads.
		const blocks = await repo.headBlocks();
		let pauses = 0;
		const pause = () => {
			pauses++;
			return Promise.resolve();
		};
		expect(await repo.parseHeads(blocks, pause, -1)).toEqual(again);
		expect(pauses).toBe(0); // every block was parsed by the read before
		await repo.editEvent(edited.datasetId, { ...fromStored(edited), title: 'B edited' });
		await repo.writeDataset(nativeFile(meetings, { id: 'more', name: 'More' }), {
			kind: 'paste'
		});
		const third = await repo.parseHeads(await repo.headBlocks(), pause, -1);
		expect(third).toHaveLength(10_005);
		expect(pauses).toBe(2); // the edited block and the new dataset's one

		// Read ahead (the page's live query): the blocks written since are parsed as they
		// arrive, and `parseHeads` takes those heads: it parses nothing and needs no pause.
		await repo.editEvent(edited.datasetId, { ...fromStored(edited), title: 'C edited' });
		const parse = vi.mocked(headsFromColumns);
		parse.mockClear();
		const early = await repo.headBlocks(undefined, true);
		expect(parse).toHaveBeenCalledTimes(1); // the edited block, the others known
		parse.mockClear();
		pauses = 0;
		const fourth = await repo.parseHeads(early, pause, -1);
		expect(parse).not.toHaveBeenCalled();
		expect(pauses).toBe(0);
		expect(fourth).toHaveLength(10_005);
		expect(fourth.find((h) => h.id === edited.id)?.title).toBe('C edited');
		expect(fourth.slice(5_000).filter((h, i) => h === third[5_000 + i])).toHaveLength(5_005);
		// The same blocks read plainly give the same heads.
		expect(await repo.heads()).toEqual(fourth);
	});

	it('refuses a dataset with two events of one id, and writes nothing', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		const before = await repo.contents();
		// The file schema refuses this too; the store must not rely on every caller using it.
		const file = nativeFile(meetings, { id: 'dup', name: 'Dup' });
		const twice = { ...file, events: [...file.events, { ...file.events[0]!, title: 'Another' }] };
		expect(await rejection(repo.writeDataset(twice, { kind: 'paste' }))).toBe(
			`two events of dataset "dup" have the id "${file.events[0]!.id}": nothing was written`
		);
		expect(await repo.contents()).toEqual(before);
	});

	it('reads full records by key, undefined for a key nothing has', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		const [found, none] = await repo.eventsByKey([
			eventKey({ datasetId: 'test', id: 'vostochny-2023' }),
			eventKey({ datasetId: 'test', id: 'nothing' })
		]);
		expect(found?.sources.length).toBeGreaterThan(0);
		expect(found?.title).toBe(meetings.find((m) => m.id === 'vostochny-2023')?.title);
		expect(none).toBeUndefined();
	});

	it('a failing write leaves the database as it was', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		const broken = nativeFile(meetings.slice(0, 1));
		// A value IndexedDB cannot store (a function) makes the put fail inside the transaction.
		(broken.events[0] as unknown as { extra: unknown }).extra = { bad: () => 1 };
		await expect(repo.writeDataset(broken, { kind: 'paste' })).rejects.toThrow();
		expect(ids(await repo.events())).toHaveLength(4);
		expect(ids(await repo.heads())).toHaveLength(4);
		expect((await repo.datasets())[0]?.eventCount).toBe(4);
	});
});

describe('queries', () => {
	beforeEach(async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		await repo.writeDataset(
			nativeFile(
				[
					eventInput({
						id: 'other-2023',
						start: '2023',
						kind: 'report',
						participants: [{ actor: 'putin' }]
					})
				],
				{ id: 'other', name: 'Other set' }
			),
			{ kind: 'paste' }
		);
	});

	it('by dataset, as stored or as the model has them', async () => {
		expect(ids(await repo.events(['other' as DatasetId]))).toEqual(['other-2023']);
		expect(ids(await repo.events(['test' as DatasetId, 'other' as DatasetId]))).toEqual([
			'xi-moscow-2013',
			'other-2023',
			'shoigu-pyongyang-2023',
			'letters-2023',
			'vostochny-2023'
		]);
		const other = await repo.datasetEvents('other' as DatasetId);
		expect(other).toEqual([
			event({ id: 'other-2023', start: '2023', kind: 'report', participants: [{ actor: 'putin' }] })
		]);
	});
});

describe('deleting a dataset', () => {
	const other = nativeFile([eventInput({ id: 'o', participants: [{ actor: 'putin' }] })], {
		id: 'other',
		name: 'Other'
	});

	it('takes it out of every view at once, can be undone for a week, then purges it and its unused actors', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		await repo.writeDataset(other, { kind: 'paste' });
		const before = await repo.events();
		await repo.deleteDataset('test' as DatasetId, new Date('2026-12-01T10:00:00Z'));
		expect(ids(await repo.events())).toEqual(['o']);
		expect(ids(await repo.heads())).toEqual(['o']);
		expect((await repo.datasets()).map((d) => d.id)).toEqual(['other']);
		expect(await repo.eventsNaming('xi-jinping' as ActorId)).toEqual([]);
		expect((await repo.contents()).datasets.map((d) => d.id)).toEqual(['other']);
		expect(await rejection(repo.deleteDataset('test' as DatasetId))).toBe(
			'there is no dataset "test"'
		);
		expect((await repo.undoState()).undo?.kind).toBe('dataset.delete');
		await repo.undo();
		expect(await repo.events()).toEqual(before);
		await repo.redo();

		// Within the week it waits; after it, it goes with the actors only it used.
		expect(await repo.purgeTrash(new Date('2026-12-07T10:00:00Z'))).toBe(0);
		expect(await repo.purgeTrash(new Date('2026-12-08T10:00:01Z'))).toBe(1);
		// Putin is still used by "Other"; Xi, Kim and Shoigu were only in the deleted set.
		expect((await repo.actors()).map((a) => a.id)).toEqual(['putin']);
		expect(await repo.db.records.count()).toBe(1);
		expect(await rejection(repo.undo())).toMatch(/has been changed since/);
	});

	it('a dataset imported again after its deletion starts afresh', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		await repo.setDatasetHidden('test' as DatasetId, true);
		await repo.deleteDataset('test' as DatasetId);
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		const [dataset] = await repo.datasets();
		expect(dataset?.deleted).toBeUndefined();
		expect(dataset?.hidden).toBeUndefined();
		expect(await repo.events()).toHaveLength(4);
		// Undoing the deletion now would bring back an older dataset over the new one: refused.
		expect(await rejection(repo.undo())).toMatch(/has been changed since/);
	});

	it('a rename is kept as a change, and undone', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		await repo.renameDataset('test' as DatasetId, 'Renamed');
		expect((await repo.undoState()).undo?.kind).toBe('dataset.rename');
		await repo.undo();
		expect((await repo.datasets())[0]?.name).toBe('Test set');
	});
});

describe('the default dataset', () => {
	const load = () =>
		Promise.resolve(nativeFile(meetings, { id: DEFAULT_DATASET_ID, name: 'Default' }));

	it('is loaded on first start only, and stays deleted once deleted', async () => {
		expect(await repo.ensureDefaultDataset(load)).toBe('loaded');
		expect(await repo.ensureDefaultDataset(load)).toBe('present');
		expect(await repo.events()).toHaveLength(4);
		await repo.deleteDataset(DEFAULT_DATASET_ID);
		expect(await repo.ensureDefaultDataset(load)).toBe('present');
		expect(await repo.events()).toHaveLength(0);
	});

	it('two tabs starting at once load it once', async () => {
		const second = new Repository(new TramaDatabase(repo.db.name));
		const results = await Promise.all([
			repo.ensureDefaultDataset(load),
			second.ensureDefaultDataset(load)
		]);
		expect(results.sort()).toEqual(['loaded', 'present']);
		expect(await repo.events()).toHaveLength(4);
		second.db.close();
	});

	it('restoring is undone: the dataset and the actors as they were before it', async () => {
		await repo.ensureDefaultDataset(load);
		const [first] = await repo.events();
		await repo.editEvent(DEFAULT_DATASET_ID, { ...fromStored(first!), title: 'Corrected' });
		const putin = actorSchema.parse({ ...actorInputs.find((a) => a.id === 'putin')! });
		await repo.saveActor({ ...putin, name: 'V. V. Putin' });
		const edited = await repo.events();
		await repo.restoreDefaultDataset(load);
		expect((await repo.events())[0]?.title).toBe(first?.title);
		expect((await repo.actors()).find((a) => a.id === 'putin')?.name).toBe('Vladimir Putin');
		expect((await repo.undoState()).undo?.kind).toBe('dataset.restore');
		await repo.undo();
		expect(await repo.events()).toEqual(edited);
		expect((await repo.actors()).find((a) => a.id === 'putin')?.name).toBe('V. V. Putin');
		await repo.redo();
		expect((await repo.events())[0]?.title).toBe(first?.title);
		// Undone again, and then the two changes before it.
		await repo.undo();
		await repo.undo();
		await repo.undo();
		expect((await repo.events())[0]?.title).toBe(first?.title);
		expect((await repo.actors()).find((a) => a.id === 'putin')?.name).toBe('Vladimir Putin');
	});

	it('restoring a deleted default dataset is undone back to deleted, and that deletion too', async () => {
		await repo.ensureDefaultDataset(load);
		await repo.deleteDataset(DEFAULT_DATASET_ID);
		await repo.restoreDefaultDataset(load);
		expect(await repo.events()).toHaveLength(4);
		await repo.undo();
		expect(await repo.datasets()).toEqual([]);
		expect(await repo.events()).toEqual([]);
		// The deletion before it is still undone from its own trash.
		expect((await repo.undoState()).undo?.kind).toBe('dataset.delete');
		await repo.undo();
		expect(await repo.events()).toHaveLength(4);
	});

	it('restoring brings back only the default dataset and leaves other data alone', async () => {
		await repo.ensureDefaultDataset(load);
		await repo.writeDataset(
			nativeFile([eventInput({ id: 'mine' })], { id: 'mine', name: 'Mine' }),
			{ kind: 'paste' }
		);
		await repo.deleteDataset(DEFAULT_DATASET_ID);
		const summary = await repo.restoreDefaultDataset(load);
		expect(summary.events).toBe(4);
		expect((await repo.datasets()).map((d) => [d.id, d.eventCount])).toEqual([
			['default', 4],
			['mine', 1]
		]);
	});
});

describe('live queries', () => {
	it('push a new result when the data changes', async () => {
		const seen: number[] = [];
		const sub = repo
			.watch((r) => r.events())
			.subscribe({
				next: (rows) => seen.push(rows.length),
				error: (e) => {
					throw e;
				}
			});
		await new Promise((r) => setTimeout(r, 50));
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		await new Promise((r) => setTimeout(r, 100));
		sub.unsubscribe();
		expect(seen[0]).toBe(0);
		expect(seen.at(-1)).toBe(4);
	});

	it('the views’ heads query hears an edit that changes no dataset record', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		const titles: (string | undefined)[] = [];
		// As the page asks: the datasets shown, then their heads.
		const sub = repo
			.watch(async (r) => r.heads((await r.datasets()).map((d) => d.id)))
			.subscribe({
				next: (heads) => titles.push(heads.find((h) => h.id === 'letters-2023')?.title),
				error: (e) => {
					throw e;
				}
			});
		await new Promise((r) => setTimeout(r, 50));
		const [record] = await repo.eventsByKey([eventKey({ datasetId: 'test', id: 'letters-2023' })]);
		await repo.editEvent('test' as DatasetId, { ...fromStored(record!), title: 'Seen live' });
		await new Promise((r) => setTimeout(r, 100));
		sub.unsubscribe();
		expect(titles.at(-1)).toBe('Seen live');
	});
});

describe('importing a dataset', () => {
	it('adds new actors but keeps the stored record of an actor that exists', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		const file = nativeFile([eventInput({ id: 'n', participants: [{ actor: 'putin' }] })], {
			id: 'imported',
			name: 'Imported'
		});
		file.actors[0] = { ...file.actors[0]!, name: 'Someone else' };
		await repo.importDatasets([{ file, origin: { kind: 'file', name: 'imported.json' } }]);
		expect((await repo.db.actors.get('putin' as ActorId))?.name).toBe('Vladimir Putin');
		expect((await repo.datasets()).map((d) => [d.id, d.eventCount])).toEqual([
			['imported', 1],
			['test', 4]
		]);
	});
});

describe('showing, hiding and renaming a dataset', () => {
	it('keeps the data, flags the dataset, and keeps the flag across a re-import', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		await repo.setDatasetHidden('test' as DatasetId, true);
		expect((await repo.datasets())[0]?.hidden).toBe(true);
		expect(await repo.events()).toHaveLength(4);
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		expect((await repo.datasets())[0]?.hidden).toBe(true);
		expect(await rejection(repo.setDatasetHidden('nope' as DatasetId, true))).toBe(
			'there is no dataset "nope"'
		);
	});

	it('renames with a trimmed, non-empty name', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		await repo.renameDataset('test' as DatasetId, '  Xi and Putin  ');
		expect((await repo.datasets())[0]?.name).toBe('Xi and Putin');
		expect(await rejection(repo.renameDataset('test' as DatasetId, '   '))).toBe(
			'a dataset needs a name'
		);
		expect(await rejection(repo.renameDataset('test' as DatasetId, 'x'.repeat(201)))).toBe(
			'a dataset name has at most 200 characters'
		);
		expect((await repo.datasets())[0]?.name).toBe('Xi and Putin');
	});
});

describe('actors across re-imports', () => {
	it('a new version of a dataset that no longer names an actor removes it, unless another dataset uses it', async () => {
		const [xi, shoigu] = meetings as [TramaEventInput, TramaEventInput];
		await repo.writeDataset(nativeFile(meetings), { kind: 'file', name: 'a.json' });
		await repo.writeDataset(nativeFile([xi], { id: 'other', name: 'Other' }), {
			kind: 'file',
			name: 'b.json'
		});
		const slim = nativeFile([xi]);
		await repo.importDatasets([
			{
				file: { ...slim, actors: slim.actors.filter((a) => a.id !== 'shoigu') },
				origin: { kind: 'file', name: 'a.json' }
			}
		]);
		// Shoigu and Kim were only in the old version's Pyongyang event: they stay while that
		// version waits in the trash (the import can be undone), and go when it is purged.
		expect(shoigu.participants?.map((p) => p.actor)).toEqual(['shoigu', 'kim-jong-un']);
		expect((await repo.actors()).map((a) => a.id).sort()).toEqual([
			'kim-jong-un',
			'putin',
			'shoigu',
			'xi-jinping'
		]);
		await repo.purgeTrash(new Date(Date.now() + 8 * 86_400_000));
		expect((await repo.actors()).map((a) => a.id).sort()).toEqual(['putin', 'xi-jinping']);
		await repo.deleteDataset('test' as DatasetId);
		// The other dataset still has the Moscow meeting, so its actors stay.
		expect((await repo.actors()).map((a) => a.id).sort()).toEqual(['putin', 'xi-jinping']);
	});
});

describe('merging datasets in date order (mergeByDate)', () => {
	const head = (datasetId: string, id: string, startMs: number, endMs = startMs, title = id) => ({
		datasetId: datasetId as DatasetId,
		id,
		startMs,
		endMs,
		title
	});
	type Head = ReturnType<typeof head>;
	const blocksOf = (datasetId: string, heads: Head[], size: number) => {
		const out: { datasetId: DatasetId; items: Head[] }[] = [];
		for (let i = 0; i < heads.length; i += size)
			out.push({ datasetId: datasetId as DatasetId, items: heads.slice(i, i + size) });
		return out;
	};

	it('gives what a stable sort of the runs gives, across datasets, blocks and equal dates', () => {
		const random = (() => {
			let x = 7;
			return () => (x = (x * 48271) % 2147483647) / 2147483647;
		})();
		const runs = ['a', 'b', 'c'].map((d, k) =>
			Array.from({ length: 40 + k * 17 }, (_, i) =>
				head(
					d,
					`${d}${i}`,
					Math.floor(random() * 20) * 1000,
					undefined,
					`t${Math.floor(random() * 3)}`
				)
			).sort(compareDated)
		);
		const blocks = runs.flatMap((run, k) => blocksOf(['a', 'b', 'c'][k] as string, run, 7));
		const merged = mergeByDate(blocks, (b) => b.items);
		const sorted = runs.flat().sort(compareDated);
		expect(merged.map((h) => `${h.datasetId}/${h.id}`)).toEqual(
			sorted.map((h) => `${h.datasetId}/${h.id}`)
		);
		expect(merged).toHaveLength(40 + 57 + 74);
	});

	it('merges a short run into a long one as a stable sort does, whichever comes first', () => {
		const random = (() => {
			let x = 11;
			return () => (x = (x * 48271) % 2147483647) / 2147483647;
		})();
		// Few dates, titles and ids: the two runs share events equal in every way (the same event
		// in two datasets), whose order only the merge's stability decides.
		const run = (d: string, n: number) =>
			Array.from({ length: n }, () =>
				head(
					d,
					`e${Math.floor(random() * 4)}`,
					Math.floor(random() * 30) * 1000,
					undefined,
					`t${Math.floor(random() * 2)}`
				)
			).sort(compareDated);
		for (const [first, second] of [
			['long', 'short'],
			['short', 'long']
		] as const) {
			for (let round = 0; round < 10; round++) {
				const runs = { long: run('long', 400 + round * 37), short: run('short', 1 + round) };
				const blocks = [...blocksOf(first, runs[first], 50), ...blocksOf(second, runs[second], 50)];
				const merged = mergeByDate(blocks, (b) => b.items);
				const sorted = [...runs[first], ...runs[second]].sort(compareDated);
				expect(merged.map((h) => `${h.datasetId}/${h.id}`)).toEqual(
					sorted.map((h) => `${h.datasetId}/${h.id}`)
				);
			}
		}
	});

	it('keeps one dataset as it is, and reads nothing into an empty list', () => {
		const one = [head('a', 'x', 1), head('a', 'y', 2), head('a', 'z', 2)];
		expect(mergeByDate(blocksOf('a', one, 2), (b) => b.items).map((h) => h.id)).toEqual([
			'x',
			'y',
			'z'
		]);
		expect(mergeByDate([], (b: { datasetId: DatasetId; items: Head[] }) => b.items)).toEqual([]);
	});

	it('puts the earlier dataset first where two events tie in every way', () => {
		const blocks = [
			...blocksOf('a', [head('a', 'same', 5)], 5),
			...blocksOf('b', [head('b', 'same', 5)], 5)
		];
		expect(mergeByDate(blocks, (b) => b.items).map((h) => h.datasetId)).toEqual(['a', 'b']);
	});
});

describe('editing an event, and undoing it', () => {
	const title = async (id: string) => (await repo.events()).find((e) => e.id === id)?.title;
	const edited = async (id: string, change: Partial<TramaEventInput>) => {
		const e = (await repo.datasetEvents('test' as DatasetId)).find((x) => x.id === id);
		if (!e) throw new Error(`no ${id}`);
		return { ...e, ...change } as Parameters<Repository['editEvent']>[1];
	};

	beforeEach(async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
	});

	it('replaces the event in the records and the heads, in date order, and keeps the change', async () => {
		await repo.editEvent(
			'test' as DatasetId,
			await edited('letters-2023', { title: 'Letters exchanged', start: '2012-05' }),
			new Date('2026-12-02T10:00:00Z')
		);
		expect(await title('letters-2023')).toBe('Letters exchanged');
		// Moved to 2012: first in date order now, in the records and in the heads the views read.
		expect(ids(await repo.events())[0]).toBe('letters-2023');
		const heads = await repo.heads(['test' as DatasetId]);
		expect(heads[0]).toMatchObject({
			id: 'letters-2023',
			title: 'Letters exchanged',
			start: '2012-05'
		});
		expect(heads).toHaveLength(4);
		const { undo, redo } = await repo.undoState();
		expect(undo).toMatchObject({ kind: 'event.edit', at: '2026-12-02T10:00:00.000Z' });
		expect(undo?.before?.title).not.toBe('Letters exchanged');
		expect(undo?.after?.title).toBe('Letters exchanged');
		expect(undo?.eventId).toBe('letters-2023');
		expect(redo).toBeUndefined();
	});

	it('undo puts the event back as it was, redo makes the change again, across a new repository', async () => {
		const before = await title('letters-2023');
		await repo.editEvent('test' as DatasetId, await edited('letters-2023', { title: 'Changed' }));
		expect((await repo.undo())?.after?.title).toBe('Changed');
		expect(await title('letters-2023')).toBe(before);
		// The log is in the store: another page (a reload) redoes it.
		const again = new Repository(repo.db);
		expect((await again.undoState()).redo?.after?.title).toBe('Changed');
		await again.redo();
		expect(await title('letters-2023')).toBe('Changed');
		expect(await again.redo()).toBeUndefined();
	});

	it('keeps every change; the undo and redo state reads only the end of the log', async () => {
		for (let i = 1; i <= 30; i++)
			await repo.editEvent('test' as DatasetId, await edited('letters-2023', { title: `T${i}` }));
		await repo.undo();
		await repo.undo();
		expect(await repo.db.changes.count()).toBe(30);
		const { undo, redo } = await repo.undoState();
		expect(undo?.after?.title).toBe('T28');
		expect(redo?.after?.title).toBe('T29');
		expect(await title('letters-2023')).toBe('T28');
	});

	it('an edit that changes nothing writes nothing and keeps no change', async () => {
		expect(await repo.editEvent('test' as DatasetId, await edited('letters-2023', {}))).toBe(false);
		expect(await repo.undoState()).toEqual({});
	});

	it('a new change after an undo drops what was undone: history is a line', async () => {
		await repo.editEvent('test' as DatasetId, await edited('letters-2023', { title: 'First' }));
		await repo.undo();
		await repo.editEvent('test' as DatasetId, await edited('letters-2023', { title: 'Second' }));
		expect((await repo.undoState()).redo).toBeUndefined();
		await repo.undo();
		expect(await title('letters-2023')).not.toBe('First');
		expect(await repo.undo()).toBeUndefined();
	});

	it('refuses an edit that breaks the model or names an unknown actor, and changes nothing', async () => {
		const stored = await repo.events();
		expect(
			await rejection(
				repo.editEvent(
					'test' as DatasetId,
					await edited('letters-2023', { start: '2023-09-13', end: '2023-09-01' })
				)
			)
		).toMatch(/^end: .*before/);
		expect(
			await rejection(
				repo.editEvent(
					'test' as DatasetId,
					await edited('letters-2023', { participants: [{ actor: 'nobody' }], relations: [] })
				)
			)
		).toBe('there is no actor "nobody"');
		expect(
			await rejection(
				repo.editEvent(
					'test' as DatasetId,
					{
						...(await edited('letters-2023', {})),
						id: 'gone'
					} as never
				)
			)
		).toBe('the event "gone" is no longer in the dataset "test"');
		expect(await repo.events()).toEqual(stored);
		expect(await repo.undoState()).toEqual({});
	});

	it('refuses to save over a change made since the form opened (another tab)', async () => {
		const key = eventKey({ datasetId: 'test', id: 'letters-2023' });
		const [opened] = await repo.eventsByKey([key]);
		// Another tab saves its edit first.
		await repo.editEvent('test' as DatasetId, await edited('letters-2023', { title: 'Theirs' }));
		expect(
			await rejection(
				repo.editEvent(
					'test' as DatasetId,
					{ ...fromStored(opened!), title: 'Mine' },
					undefined,
					opened
				)
			)
		).toBe(
			'“Kim and Putin exchange letters” was changed elsewhere (another tab?) while you edited it: nothing was saved. Cancel, open it again and redo your change.'
		);
		expect(await title('letters-2023')).toBe('Theirs');
	});

	it('undo refuses to overwrite an event changed since (by another tab or an import)', async () => {
		await repo.editEvent('test' as DatasetId, await edited('letters-2023', { title: 'Mine' }));
		// Another tab writes the dataset again, with its own version of the event.
		await repo.writeDataset(
			nativeFile(meetings.map((e) => (e.id === 'letters-2023' ? { ...e, title: 'Theirs' } : e))),
			{ kind: 'paste' }
		);
		expect(await rejection(repo.undo())).toBe(
			'“Mine” has been changed since (in another tab?): nothing was undone or redone'
		);
		expect(await title('letters-2023')).toBe('Theirs');
	});
});

describe('adding and deleting events, and their history', () => {
	const test = 'test' as DatasetId;
	const count = async () => (await repo.datasets())[0]?.eventCount;

	beforeEach(async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
	});

	it('adds an event in date order, counts it, and undo takes it out again', async () => {
		const added = event({ id: 'new-1', title: 'Talks in Beijing', start: '2019-06' });
		await repo.createEvent(test, added, new Date('2026-12-02T11:00:00Z'));
		expect(ids(await repo.heads([test]))).toEqual([
			'xi-moscow-2013',
			'new-1',
			'shoigu-pyongyang-2023',
			'letters-2023',
			'vostochny-2023'
		]);
		expect((await repo.eventsByKey([eventKey({ datasetId: test, id: 'new-1' })]))[0]?.title).toBe(
			'Talks in Beijing'
		);
		expect(await count()).toBe(5);
		expect((await repo.undoState()).undo).toMatchObject({ kind: 'event.create', eventId: 'new-1' });
		await repo.undo();
		expect(ids(await repo.heads([test]))).not.toContain('new-1');
		expect(await count()).toBe(4);
		await repo.redo();
		expect(ids(await repo.heads([test]))).toContain('new-1');
	});

	it('makes the dataset a first event names, when asked to, and keeps it when that is undone', async () => {
		const mine = 'mine' as DatasetId;
		expect(await rejection(repo.createEvent(mine, event({ id: 'n' })))).toBe(
			'there is no dataset "mine"'
		);
		expect(
			await rejection(repo.createEvent(mine, event({ id: 'n' }), undefined, { name: ' ' }))
		).toBe('a dataset needs a name');
		await repo.createEvent(
			mine,
			event({ id: 'n', title: 'First note' }),
			new Date('2026-12-02T12:00:00Z'),
			{ name: ' My notes ' }
		);
		expect((await repo.datasets()).find((d) => d.id === mine)).toEqual({
			id: 'mine',
			name: 'My notes',
			origin: { kind: 'app' },
			importedAt: '2026-12-02T12:00:00.000Z',
			eventCount: 1
		});
		expect(ids(await repo.events([mine]))).toEqual(['n']);
		await repo.undo();
		expect((await repo.datasets()).find((d) => d.id === mine)?.eventCount).toBe(0);
	});

	it('refuses an id the dataset has, and an event that breaks the model, writing nothing', async () => {
		const stored = await repo.events();
		expect(await rejection(repo.createEvent(test, event({ id: 'letters-2023' })))).toBe(
			'two events of dataset "test" have the id "letters-2023": nothing was written'
		);
		expect(await rejection(repo.createEvent(test, { ...event({ id: 'x' }), title: '' }))).toMatch(
			/^title: /
		);
		expect(await rejection(repo.createEvent('nope' as DatasetId, event({ id: 'x' })))).toMatch(
			/nope/
		);
		expect(await repo.events()).toEqual(stored);
		expect(await count()).toBe(4);
		expect(await repo.undoState()).toEqual({});
	});

	it('deletes an event, keeping its actors, and undo brings it back as it was', async () => {
		const [before] = await repo.eventsByKey([eventKey({ datasetId: test, id: 'vostochny-2023' })]);
		const actors = (await repo.actors()).length;
		const removed = await repo.deleteEvent(test, 'vostochny-2023' as EventId);
		expect(removed.title).toBe(before?.title);
		expect(ids(await repo.events())).not.toContain('vostochny-2023');
		expect(await count()).toBe(3);
		expect((await repo.actors()).length).toBe(actors);
		expect(await rejection(repo.deleteEvent(test, 'vostochny-2023' as EventId))).toBe(
			'the event "vostochny-2023" is no longer in the dataset "test"'
		);
		await repo.undo();
		expect(
			(await repo.eventsByKey([eventKey({ datasetId: test, id: 'vostochny-2023' })]))[0]
		).toEqual(before);
		expect(await count()).toBe(4);
	});

	it('undoing a deletion refuses when an event with its id was made since (an import, another tab)', async () => {
		await repo.deleteEvent(test, 'letters-2023' as EventId);
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		expect(await rejection(repo.undo())).toBe(
			'“Kim and Putin exchange letters” has been changed since (in another tab?): nothing was undone or redone'
		);
		expect(ids(await repo.events()).filter((id) => id === 'letters-2023')).toHaveLength(1);
	});

	it('keeps each event’s history, oldest first, without what was undone', async () => {
		const letters = 'letters-2023' as EventId;
		await repo.editEvent(
			test,
			await datasetEvent(letters, { title: 'One' }),
			new Date('2026-12-01T10:00:00Z')
		);
		await repo.editEvent(
			test,
			await datasetEvent(letters, { title: 'Two' }),
			new Date('2026-12-01T11:00:00Z')
		);
		await repo.editEvent(
			test,
			await datasetEvent(letters, { title: 'Three' }),
			new Date('2026-12-01T12:00:00Z')
		);
		await repo.undo();
		await repo.editEvent(test, await datasetEvent('xi-moscow-2013' as EventId, { title: 'Xi' }));
		const history = await repo.eventHistory(test, letters);
		expect(history.map((c) => [c.at, c.before?.title, c.after?.title])).toEqual([
			['2026-12-01T10:00:00.000Z', 'Kim and Putin exchange letters', 'One'],
			['2026-12-01T11:00:00.000Z', 'One', 'Two']
		]);
	});
});

describe('changing one event of a large dataset in place', () => {
	const big = 'big' as DatasetId;
	// Two head blocks and 28 record blocks: the changes cross block edges.
	const many = Array.from({ length: 5_500 }, (_, i) =>
		eventInput({
			id: `e${i}`,
			title: `Event ${i}`,
			start: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
			participants: [{ actor: i % 2 ? 'putin' : 'kim-jong-un' }]
		})
	);

	/** Every invariant the blocks keep, checked against the events they should hold. */
	async function expectBlocksHold(expected: readonly string[]): Promise<void> {
		const heads = await repo.heads([big]);
		expect(ids(heads)).toEqual(expected);
		for (let i = 1; i < heads.length; i++)
			expect(compareDated(heads[i - 1]!, heads[i]!)).toBeLessThan(0);
		const records = await repo.events([big]);
		expect(ids(records)).toEqual(expected);
		// Each head names the record block that holds its record.
		const blocks = (await repo.db.records.toArray()).filter((b) => b.datasetId === big);
		const where = new Map(blocks.flatMap((b) => b.events.map((e) => [e.id, b.block] as const)));
		for (const h of heads) expect(where.get(h.id)).toBe(h.recordBlock);
		// Each head block lists the actors its events use, and no other.
		for (const b of (await repo.db.heads.toArray()).filter((b) => b.datasetId === big)) {
			const used = new Set(headsOf(b).flatMap((h) => h.participants.map((p) => p.actor)));
			expect(new Set(b.actorIds)).toEqual(used);
		}
		expect((await repo.datasets()).find((d) => d.id === big)?.eventCount).toBe(expected.length);
	}

	it('moves, adds and deletes across block edges, and undoes it all back to the start', async () => {
		await repo.writeDataset(nativeFile(many, { id: 'big', name: 'Big' }), { kind: 'paste' });
		const order = many.map((e) => e.id);
		// A change of title writes one head block and one record block, not the dataset's 30.
		const texts = async () => [
			...(await repo.db.heads.toArray()).map((b) => JSON.stringify(headsOf(b))),
			...(await repo.db.records.toArray()).map((b) => JSON.stringify(b.events))
		];
		const was = await texts();
		await repo.editEvent(
			big,
			await datasetEvent('e5200' as EventId, { title: 'Event 5200!' }, big)
		);
		const is = await texts();
		expect(was.length).toBe(30);
		expect(is.filter((text, i) => text !== was[i])).toHaveLength(2);
		await repo.undo();
		expect(await texts()).toEqual(was);

		const moved = await datasetEvent('e10' as EventId, { start: '2014-06-01' }, big);
		await repo.editEvent(big, moved);
		await repo.createEvent(big, event({ id: 'first', start: '1999-01-01' }));
		await repo.createEvent(
			big,
			event({ id: 'last', start: '2030-01-01', participants: [{ actor: 'xi-jinping' }] })
		);
		await repo.deleteEvent(big, 'e4999' as EventId);
		await repo.deleteEvent(big, 'e0' as EventId);
		// e10 now falls on the day of e5265 (2014-06-01), before it by title.
		const day = (Date.UTC(2014, 5, 1) - Date.UTC(2000, 0, 1)) / 86_400_000;
		const expected = [
			'first',
			...order.filter((id) => !['e10', 'e4999', 'e0'].includes(id)),
			'last'
		];
		expected.splice(expected.indexOf(`e${day}`), 0, 'e10');
		await expectBlocksHold(expected);
		for (let i = 0; i < 5; i++) await repo.undo();
		await expectBlocksHold(order);
		for (let i = 0; i < 5; i++) await repo.redo();
		await expectBlocksHold(expected);
	});
	it(
		'keeps its order through 60 random moves, additions and deletions, and their undoing',
		{ timeout: 30_000 },
		async () => {
			await repo.writeDataset(nativeFile(many, { id: 'big', name: 'Big' }), { kind: 'paste' });
			let seed = 7;
			const random = (n: number) => {
				seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
				return seed % n;
			};
			const day = (n: number) =>
				new Date(Date.UTC(1999, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
			const present = new Map(many.map((e) => [e.id, e.start]));
			for (let step = 0; step < 60; step++) {
				const kept = [...present.keys()];
				const pick = kept[random(kept.length)] as string;
				const op = random(3);
				if (op === 0) {
					const start = day(random(6_000));
					await repo.editEvent(big, await datasetEvent(pick as EventId, { start }, big));
					present.set(pick, start);
				} else if (op === 1) {
					const start = day(random(6_000));
					await repo.createEvent(
						big,
						event({ id: `n${step}`, start, participants: [{ actor: 'putin' }] })
					);
					present.set(`n${step}`, start);
				} else {
					await repo.deleteEvent(big, pick as EventId);
					present.delete(pick);
				}
			}
			// The order a full write would give the same events.
			const expected = [...present]
				.map(([id, start]) =>
					toStored(
						event({
							id,
							start,
							title: id.startsWith('n') ? `Event ${id}` : `Event ${id.slice(1)}`
						}),
						big
					)
				)
				.sort(compareDated)
				.map((e) => e.id);
			await expectBlocksHold(expected);
			for (let step = 0; step < 60; step++) await repo.undo();
			await expectBlocksHold(many.map((e) => e.id));
		}
	);
	it('merges an actor named by thousands of events in one write of the dataset, and undoes it', async () => {
		await repo.writeDataset(nativeFile(many, { id: 'big', name: 'Big' }), { kind: 'paste' });
		const plan = await repo.mergeActors('putin' as ActorId, 'kim-jong-un' as ActorId);
		expect(plan.events).toHaveLength(2_750);
		const heads = await repo.heads([big]);
		expect(heads.every((h) => h.participants[0]?.actor === 'putin')).toBe(true);
		expect(await repo.eventsNaming('kim-jong-un' as ActorId)).toEqual([]);
		await expectBlocksHold(many.map((e) => e.id));
		await repo.undo();
		expect((await repo.eventsNaming('kim-jong-un' as ActorId)).map((e) => e.id)).toEqual(
			many.filter((_, i) => i % 2 === 0).map((e) => e.id)
		);
	});

	it('builds the blocks again when one grows past three times its size', async () => {
		await repo.writeDataset(nativeFile(many.slice(0, 400), { id: 'big', name: 'Big' }), {
			kind: 'paste'
		});
		// 500 events on one day all go into one record block: too many, so all are rebuilt.
		const crowd = Array.from({ length: 500 }, (_, i) =>
			toStored(event({ id: `c${i}`, start: '2000-03-01' }), big)
		);
		// Twenty writes of 25 (as many additions one by one would be, faster).
		for (let i = 0; i < crowd.length; i += 25)
			await repo.db.transaction('rw', [repo.db.heads, repo.db.records], async () => {
				const splice = new BlockSplice(repo.db, big);
				for (const e of crowd.slice(i, i + 25)) await splice.insert(e);
				await splice.write();
			});
		const blocks = (await repo.db.records.toArray()).filter((b) => b.datasetId === big);
		// March 2000 is in the first record block: it took them until it held more than 600 (17
		// writes), when the blocks were built again (825 events: 4 × 200 + 25). The last 75 went
		// where the crowd is now, the third block.
		expect(blocks.map((b) => b.events.length)).toEqual([200, 200, 275, 200, 25]);
		const heads = await repo.heads([big]);
		expect(heads).toHaveLength(900);
		for (let i = 1; i < heads.length; i++)
			expect(compareDated(heads[i - 1]!, heads[i]!)).toBeLessThan(0);
	});
});

/** An event of a dataset as the model has it, with some fields changed. */
async function datasetEvent(
	id: EventId,
	change: Partial<TramaEventInput>,
	datasetId: DatasetId = 'test' as DatasetId
) {
	const e = (await repo.datasetEvents(datasetId)).find((x) => x.id === id);
	if (!e) throw new Error(`no ${id}`);
	return { ...e, ...change } as Parameters<Repository['editEvent']>[1];
}

describe('actors: edit, delete, merge, each undone', () => {
	const putin = 'putin' as ActorId;
	const actor = async (id: string) => (await repo.actors()).find((a) => a.id === id);

	beforeEach(async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
	});

	it('adds and edits an actor, refuses a bad one, and undoes the edit', async () => {
		await repo.saveActor({
			id: 'lavrov' as ActorId,
			name: 'Sergei Lavrov',
			aliases: [],
			kind: 'person'
		});
		expect((await actor('lavrov'))?.name).toBe('Sergei Lavrov');
		const was = await actor('putin');
		if (!was) throw new Error('no Putin');
		await repo.saveActor({ ...was, aliases: [...was.aliases, 'Putin'] });
		expect((await repo.undoState()).undo?.kind).toBe('actor.edit');
		expect(await rejection(repo.saveActor({ ...was, name: ' ' }))).toMatch(/^name: /);
		await repo.undo();
		expect(await actor('putin')).toEqual(was);
		expect(await repo.saveActor(was)).toBe(false);
	});

	it('refuses to delete an actor events name, unless asked to take it out of them; undo puts it all back', async () => {
		const before = await repo.events();
		expect(await rejection(repo.deleteActor('shoigu' as ActorId))).toBe(
			'Sergei Shoigu is named by 1 event: remove them from those events first, or choose to.'
		);
		expect(await repo.deleteActor('shoigu' as ActorId, true)).toBe(1);
		expect(await actor('shoigu')).toBeUndefined();
		const visit = (await repo.events()).find((e) => e.id === 'shoigu-pyongyang-2023');
		expect(visit?.participants.map((p) => p.actor)).not.toContain('shoigu');
		expect(visit?.actorIds).not.toContain('shoigu');
		// The heads the views draw from no longer name it either.
		expect(await repo.eventsNaming('shoigu' as ActorId)).toEqual([]);
		await repo.undo();
		expect(await actor('shoigu')).toBeDefined();
		expect(await repo.events()).toEqual(before);
	});

	it('merges one actor into another across datasets, keeps it in each event’s history, and undoes it', async () => {
		// A second dataset where "Putin" was pasted as an actor of its own.
		const pasted = { id: 'pasted-putin', name: 'Putin', aliases: [], kind: 'person' } as const;
		const file = nativeFileSchema.parse({
			format: 'trama',
			version: 1,
			dataset: { id: 'other', name: 'Other' },
			actors: [...actorInputs, pasted],
			events: [
				eventInput({
					id: 'call',
					participants: [{ actor: 'pasted-putin' }, { actor: 'xi-jinping' }],
					relations: [{ type: 'called', source: 'pasted-putin', target: 'xi-jinping' }]
				})
			]
		});
		await repo.importDatasets([{ file, origin: { kind: 'paste' } }]);
		const plan = await repo.mergePlan(putin, 'pasted-putin' as ActorId);
		expect(plan.events.map((e) => e.before.id)).toEqual(['call']);
		expect(plan.aliasesAdded).toEqual(['Putin']);
		expect(plan.relationsLost).toBe(0);
		const before = await repo.events();
		await repo.mergeActors(putin, 'pasted-putin' as ActorId, new Date('2026-12-02T13:00:00Z'));
		expect(await actor('pasted-putin')).toBeUndefined();
		expect((await actor('putin'))?.aliases).toContain('Putin');
		const call = (await repo.events()).find((e) => e.id === 'call');
		expect(call?.participants.map((p) => p.actor)).toEqual(['putin', 'xi-jinping']);
		expect(call?.relations).toEqual([{ type: 'called', source: 'putin', target: 'xi-jinping' }]);
		const history = await repo.eventHistory('other' as DatasetId, 'call' as EventId);
		expect(history.map((c) => [c.kind, c.at])).toEqual([
			['actor.merge', '2026-12-02T13:00:00.000Z']
		]);
		expect(await rejection(repo.mergeActors(putin, putin))).toBe(
			'an actor cannot be merged into itself'
		);
		await repo.undo();
		expect(await repo.events()).toEqual(before);
		expect(await actor('pasted-putin')).toEqual(actorSchema.parse(pasted));
		expect((await actor('putin'))?.aliases).not.toContain('Putin');
	});
});

describe('a change cut off before its end leaves the store as it was', () => {
	// Each of these writes many tables in one transaction: the change is logged last, so a
	// failure there (a closed tab, a full disk) comes after every other write.
	async function snapshot() {
		return {
			events: await repo.events(),
			heads: await repo.heads(),
			actors: await repo.actors(),
			datasets: await repo.datasets(),
			undo: await repo.undoState()
		};
	}

	beforeEach(async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
	});

	it('a merge of actors', async () => {
		const before = await snapshot();
		vi.spyOn(repo.db.changes, 'add').mockRejectedValueOnce(new Error('the tab closed'));
		await expect(repo.mergeActors('putin' as ActorId, 'shoigu' as ActorId)).rejects.toThrow(
			'the tab closed'
		);
		expect(await snapshot()).toEqual(before);
		expect(await repo.eventsNaming('shoigu' as ActorId)).not.toEqual([]);
	});

	it('a dataset’s deletion', async () => {
		const before = await snapshot();
		vi.spyOn(repo.db.changes, 'add').mockRejectedValueOnce(new Error('the tab closed'));
		await expect(repo.deleteDataset('test' as DatasetId)).rejects.toThrow('the tab closed');
		expect(await snapshot()).toEqual(before);
	});

	it('an edit of an event', async () => {
		const before = await snapshot();
		const [first] = before.events;
		vi.spyOn(repo.db.changes, 'add').mockRejectedValueOnce(new Error('the tab closed'));
		await expect(
			repo.editEvent(first!.datasetId, { ...fromStored(first!), title: 'Edited' })
		).rejects.toThrow('the tab closed');
		expect(await snapshot()).toEqual(before);
	});
});

describe('undoing an import', () => {
	it('an import of new datasets is undone by setting them aside, and redone', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		const other = nativeFile([eventInput({ id: 'o' })], { id: 'other', name: 'Other' });
		const [summary] = await repo.importDatasets([{ file: other, origin: { kind: 'paste' } }]);
		expect(summary?.replaced).toBe(false);
		expect((await repo.undoState()).undo?.kind).toBe('dataset.import');
		await repo.undo();
		expect((await repo.datasets()).map((d) => d.id)).toEqual(['test']);
		expect(ids(await repo.events())).not.toContain('o');
		await repo.redo();
		expect((await repo.datasets()).map((d) => d.id).sort()).toEqual(['other', 'test']);
		expect(ids(await repo.events())).toContain('o');
	});

	it('an import that replaces a dataset is undone from the trash, and redone', async () => {
		const old = nativeFileSchema.parse({
			...nativeFile(meetings),
			periods: [{ id: 'p', label: 'Talks', start: '2023-01', end: '2023-12' }]
		});
		await repo.writeDataset(old, { kind: 'paste' });
		await repo.renameDataset('test' as DatasetId, 'Before');
		const before = await repo.events();
		const newer = nativeFile([eventInput({ id: 'n', title: 'Newer', participants: [] })]);
		const at = new Date('2026-12-02T10:00:00Z');
		const [summary] = await repo.importDatasets(
			[{ file: newer, origin: { kind: 'paste' } }],
			{},
			at
		);
		expect(summary?.replaced).toBe(true);
		expect(ids(await repo.events())).toEqual(['n']);
		expect(await repo.periods()).toHaveLength(1); // in the trash, under another id
		expect((await repo.periods()).filter((p) => p.datasetId === 'test')).toEqual([]);
		// The trash is no dataset of the user's, and Kim, whom only the old version named, stays.
		expect((await repo.datasets()).map((d) => [d.id, d.name, d.eventCount])).toEqual([
			['test', 'Test set', 1]
		]);
		expect((await repo.actors()).map((a) => a.id)).toContain('kim-jong-un');
		expect((await repo.undoState()).undo?.kind).toBe('dataset.import');

		await repo.undo();
		expect(await repo.events()).toEqual(before);
		expect((await repo.datasets()).map((d) => [d.name, d.eventCount])).toEqual([['Before', 4]]);
		expect((await repo.periods()).map((p) => [p.datasetId, p.label])).toEqual([['test', 'Talks']]);
		expect((await repo.heads()).map((h) => h.datasetId)).toEqual(['test', 'test', 'test', 'test']);
		await repo.redo();
		expect(ids(await repo.events())).toEqual(['n']);
		await repo.undo();
		expect(await repo.events()).toEqual(before);
		// A week later the trash is purged, with it the way back.
		await repo.redo();
		expect(await repo.purgeTrash(new Date('2026-12-09T10:00:01Z'))).toBe(1);
		expect(await rejection(repo.undo())).toMatch(/has been changed since/);
		expect(ids(await repo.events())).toEqual(['n']);
		expect(await repo.periods()).toEqual([]);
		expect(await repo.db.heads.count()).toBe(1);
	});
});

describe('repairing what an older version left half done', () => {
	it('events whose dataset record is missing come back as a recovered dataset, nothing lost', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		// An older version's delete, interrupted after the dataset's record went and before its
		// events did.
		await repo.db.datasets.delete('test' as DatasetId);
		expect(await repo.datasets()).toEqual([]);

		const now = new Date('2026-12-03T08:00:00Z');
		expect(await repo.recoverOrphans((id) => `Recovered ${id}`, now)).toBe(1);
		expect(await repo.datasets()).toEqual([
			{
				id: 'test',
				name: 'Recovered test',
				origin: { kind: 'app' },
				importedAt: now.toISOString(),
				eventCount: meetings.length
			}
		]);
		const contents = await repo.contents();
		expect(contents.datasets[0]!.events.map((e) => e.id).sort()).toEqual(
			meetings.map((e) => e.id).sort()
		);
		// Consistent now: a second look finds nothing.
		expect(await repo.recoverOrphans((id) => `Recovered ${id}`, now)).toBe(0);
	});
});

describe('stored events the views cannot draw', () => {
	/**
	 * Writes the meetings, then their head block again (revision "foreign") with the second head
	 * as an older or a foreign program might have written it; returns the block's stored heads.
	 */
	async function withForeignHead(): Promise<Record<string, unknown>[]> {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		const [{ cols: _cols, ...block }] = (await repo.headBlocks()) as [HeadBlock];
		// As JSON: what the page keeps on its heads is not the other program's.
		const heads = JSON.parse(
			JSON.stringify(headsOf(_cols ? { ...block, cols: _cols } : block))
		) as Record<string, unknown>[];
		heads[1] = { ...heads[1], participants: 'Putin; Kim' };
		await repo.db.heads.put({ ...block, text: JSON.stringify(heads), rev: 'foreign' });
		return heads;
	}

	it('are set aside, named, and kept; the others are drawn', async () => {
		const heads = await withForeignHead();

		const drawn = await repo.parseHeads(await repo.headBlocks());
		expect(drawn.map((h) => h.id)).toEqual(
			heads.filter((_, i) => i !== 1).map((h) => h.id as string)
		);
		expect(repo.setAside).toEqual([
			{ datasetId: 'test', block: 0, id: heads[1]!.id, field: 'participants', stored: heads[1] }
		]);
		// Nothing was dropped: the store holds it as it was.
		expect((await repo.db.heads.get(['test' as DatasetId, 0]))?.text).toBe(JSON.stringify(heads));
		// Parsed again (the same revision), it is still said.
		await repo.parseHeads(await repo.headBlocks());
		expect(repo.setAside).toHaveLength(1);
	});

	it('a block’s stored heads are found by their positions, with those set aside and those without a record named by none', async () => {
		const heads = await withForeignHead();
		// The record of the last head is gone (what the search index reads skips it).
		const last = heads.at(-1)!;
		const records = await repo.db.records.toArray();
		for (const r of records)
			await repo.db.records.put({ ...r, events: r.events.filter((e) => e.id !== last.id) });

		await repo.parseHeads(await repo.headBlocks());
		const parsed = repo.parsedBlock('foreign');
		const at = (position: number) => {
			const c = parsed?.checkedAt ? (parsed.checkedAt[position] ?? -1) : position;
			return parsed?.heads[c]?.id;
		};
		expect(heads.map((_, i) => at(i))).toEqual(
			heads.map((h, i) => (i === 1 ? undefined : (h.id as string)))
		);
		expect(repo.parsedBlock('another writing')).toBeUndefined();
		expect(repo.parsedRevs()).toEqual(['foreign']);
		// What the index reads of the block: each event with its position among the stored heads.
		const read = await repo.headBlockEvents('test' as DatasetId, 0);
		expect(read?.rev).toBe('foreign');
		expect(read?.at).toEqual(heads.slice(0, -1).map((_, i) => i));
		expect(read?.events.map((e) => e.id)).toEqual(heads.slice(0, -1).map((h) => h.id));
	});

	it('a block that is not JSON at all is set aside whole', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'paste' });
		const [{ cols: _cols, ...block }] = (await repo.headBlocks()) as [HeadBlock];
		await repo.db.heads.put({ ...block, text: '{not json', rev: 'broken' });
		expect(await repo.parseHeads(await repo.headBlocks())).toEqual([]);
		expect(repo.setAside).toEqual([
			{ datasetId: 'test', block: 0, field: '', stored: '{not json' }
		]);
	});
});
