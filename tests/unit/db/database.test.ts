import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
	datasetBlocks,
	headsOf,
	importedWithoutConfidence,
	TramaDatabase,
	type HeadBlock
} from '$lib/db/database';
import { fromStored, Repository, toStored, type StoredEvent } from '$lib/db/repository';
import { readRawStore } from '$lib/db/raw';
import { fromTimelineJs } from '$lib/io/timelinejs';
import { compareDated, eventKey } from '$lib/model/events';
import type { ActorId, Dataset, DatasetId, TramaEvent } from '$lib/model/schema';
import { event, meetings, nativeFile, rejection } from '../helpers';

/** Version 1 as it shipped, written out here so the test does not follow later edits. */
const VERSION_1 = {
	events: '[datasetId+id], startMs, [datasetId+startMs], *actorIds, kind',
	actors: 'id, name',
	datasets: 'id',
	periods: '[datasetId+id], datasetId',
	meta: 'key'
};

/** A head block as versions 7 to 10 wrote it: its heads as JSON text. */
function asText(block: HeadBlock): HeadBlock {
	const { cols: _cols, ...rest } = block;
	return { ...rest, text: JSON.stringify(headsOf(block)) };
}

/** A head block as versions 5 and 6 wrote it: its heads as objects. */
function asObjects(block: HeadBlock): Omit<HeadBlock, 'cols'> & { heads: unknown } {
	const { cols: _cols, ...rest } = block;
	// Objects with every field (a head read from columns keeps its span in them: JSON writes it).
	return { ...rest, heads: JSON.parse(JSON.stringify(headsOf(block))) as unknown };
}

const NAME = 'upgrade-from-1';
const file = nativeFile(meetings, { id: 'kp-ru', name: 'North Korea–Russia' });
const datasetId = file.dataset.id;
const dataset: Dataset = {
	...file.dataset,
	origin: { kind: 'file', name: 'kp-ru.json' },
	importedAt: '2026-11-22T10:00:00.000Z',
	eventCount: file.events.length
};
const period = {
	id: 'war',
	label: 'War',
	start: '2022-02',
	end: '2023-12',
	datasetId
};

/** A database as version 1 of the app left it. */
async function makeVersion1(): Promise<void> {
	const v1 = new Dexie(NAME);
	v1.version(1).stores(VERSION_1);
	await v1.open();
	await v1.table('events').bulkPut(file.events.map((e) => toStored(e, datasetId)));
	await v1.table('actors').bulkPut(file.actors);
	await v1.table('datasets').put(dataset);
	await v1.table('periods').put(period);
	await v1.table('meta').put({ key: 'defaultDatasetLoaded', value: true });
	v1.close();
}

let db: TramaDatabase | undefined;
afterEach(async () => {
	await (db ?? new TramaDatabase(NAME)).delete();
	db = undefined;
});

describe('opening a version-1 database', () => {
	it('keeps every record and drops the indexes no query uses', async () => {
		await makeVersion1();
		db = new TramaDatabase(NAME);
		const repo = new Repository(db);
		await db.open();
		expect(db.verno).toBe(11);

		expect(await repo.datasets()).toEqual([dataset]);
		const stored = file.events.map((e) => toStored(e, datasetId)).sort(compareDated);
		expect(await repo.events()).toEqual(stored);
		expect(await repo.events([datasetId])).toEqual(stored);
		expect(await repo.datasetEvents(datasetId)).toEqual(stored.map(fromStored));
		// Version 5 built the heads the views draw from, in the same order, from the same events.
		const heads = await repo.heads();
		expect(heads.map((h) => h.id)).toEqual(stored.map((e) => e.id));
		expect(heads.map((h) => [h.title, h.startMs, h.endMs, h.confidence])).toEqual(
			stored.map((e) => [e.title, e.startMs, e.endMs, e.confidence])
		);
		const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
		expect((await repo.actors()).sort(byId)).toEqual([...file.actors].sort(byId));
		expect(await repo.periods()).toEqual([period]);
		// The first-start flag survived, so the default dataset does not come back.
		expect(await repo.ensureDefaultDataset(() => Promise.reject(new Error('not called')))).toBe(
			'present'
		);

		const indexes = (table: string) =>
			[...db!.backendDB().transaction(table).objectStore(table).indexNames].sort();
		// Version 6 dropped the table of one record per event; the blocks replace it. Version 8
		// added the change log.
		expect([...db.backendDB().objectStoreNames].sort()).toEqual([
			'actors',
			'changes',
			'datasets',
			'heads',
			'meta',
			'periods',
			'records'
		]);
		expect(indexes('heads')).toEqual(['actorIds']);
		expect(indexes('records')).toEqual([]);
		expect(indexes('actors')).toEqual([]);
		expect(indexes('periods')).toEqual(['datasetId']);
	});

	it('takes writes that go through the remaining indexes', async () => {
		await makeVersion1();
		db = new TramaDatabase(NAME);
		const repo = new Repository(db);
		await repo.writeDataset(nativeFile(meetings.slice(0, 1)), { kind: 'paste' });
		expect((await repo.datasets()).map((d) => [d.id, d.eventCount])).toEqual([
			['kp-ru', 4],
			['test', 1]
		]);
		await repo.deleteDataset('test' as DatasetId);
		expect((await repo.actors()).length).toBe(file.actors.length);
		await repo.deleteDataset(datasetId);
		// Purged (a week later), the actors went with the last events that used them (found
		// through the heads' *actorIds).
		await repo.purgeTrash(new Date(Date.now() + 8 * 86_400_000));
		expect(await repo.contents()).toEqual({ datasets: [], actors: [] });
		expect(await repo.periods()).toEqual([]);
	});
});

/** Version 2 as it shipped (version 1 with the unused indexes dropped). */
const VERSION_2 = {
	...VERSION_1,
	events: '[datasetId+id], [datasetId+startMs], *actorIds',
	actors: 'id'
};

describe('opening a version-2 database: the confidence nobody assessed', () => {
	const V2 = 'upgrade-from-2';
	const stored = (id: string, origin: Dataset['origin'], events: TramaEvent[]) => ({
		dataset: {
			id: id as DatasetId,
			name: id,
			origin,
			importedAt: '2026-11-22T10:00:00.000Z',
			eventCount: events.length
		} satisfies Dataset,
		events: events.map((e) => toStored(e, id as DatasetId))
	});
	// What version 2 wrote for a TimelineJS3 file: every event `reported`, kind `other`.
	const timelineJs = fromTimelineJs(
		JSON.parse(
			readFileSync('tests/fixtures/timelinejs/contrib_women_in_computing.json', 'utf8')
		) as unknown,
		{ group: 'tag', datasetId: 'import-women', datasetName: 'Women' }
	).file.events.map((e) => ({ ...e, confidence: 'reported' as const }));
	const plain = (id: string) =>
		event({ id, confidence: 'reported', sources: [], participants: [], kind: 'other' });

	afterEach(async () => {
		await new TramaDatabase(V2).delete();
	});

	it('makes the events of an import from a format without confidence unassessed, and nothing else', async () => {
		const sets = [
			stored('import-women', { kind: 'file', name: 'women.json' }, timelineJs),
			stored('import-list', { kind: 'paste' }, [plain('a'), plain('b')]),
			// A Trama file names its own dataset: its `reported` is the file's own judgement.
			stored('kp-ru', { kind: 'file', name: 'kp-ru.json' }, [plain('c')]),
			// An import- dataset with one judged event is not an import that stated nothing.
			stored('import-judged', { kind: 'url', url: 'https://example.org/j.json' }, [
				plain('d'),
				event({ id: 'e', confidence: 'reported', kind: 'summit' })
			]),
			stored('default', { kind: 'default' }, [plain('f')])
		];
		const v2 = new Dexie(V2);
		v2.version(2).stores(VERSION_2);
		await v2.open();
		for (const s of sets) {
			await v2.table('datasets').put(s.dataset);
			await v2.table('events').bulkPut(s.events);
		}
		v2.close();

		const upgraded = new TramaDatabase(V2);
		await upgraded.open();
		expect(upgraded.verno).toBe(11);
		const events = await new Repository(upgraded).events();
		const confidences = (datasetId: string) => [
			...new Set(events.filter((e) => e.datasetId === datasetId).map((e) => e.confidence))
		];
		expect(confidences('import-women')).toEqual(['unassessed']);
		// The heads were built after that change: they say the same.
		const heads = await new Repository(upgraded).heads();
		expect([
			...new Set(heads.filter((h) => h.datasetId === 'import-women').map((h) => h.confidence))
		]).toEqual(['unassessed']);
		expect(events.filter((e) => e.datasetId === 'import-women')).toHaveLength(10);
		expect(confidences('import-list')).toEqual(['unassessed']);
		expect(confidences('kp-ru')).toEqual(['reported']);
		expect(confidences('import-judged')).toEqual(['reported']);
		expect(confidences('default')).toEqual(['reported']);
		// Nothing else of the records changed.
		const women = events.filter((e) => e.datasetId === 'import-women').map(fromStored);
		expect(women.map((e) => ({ ...e, confidence: 'reported' }))).toEqual(
			[...sets[0]!.events].sort(compareDated).map(fromStored)
		);
		upgraded.close();
	});

	it('tells such a dataset from others by what its importer wrote', () => {
		const origin = { kind: 'file', name: 'x.json' } as const;
		const id = 'import-x' as DatasetId;
		expect(importedWithoutConfidence({ id, origin }, [plain('a')])).toBe(true);
		expect(importedWithoutConfidence({ id, origin }, [])).toBe(false);
		expect(importedWithoutConfidence({ id: 'x' as DatasetId, origin }, [plain('a')])).toBe(false);
		expect(
			importedWithoutConfidence({ id, origin }, [
				event({ id: 'a', confidence: 'reported', kind: 'other', notes: 'checked by hand' })
			])
		).toBe(false);
		expect(
			importedWithoutConfidence({ id, origin }, [
				event({
					id: 'a',
					confidence: 'reported',
					kind: 'other',
					place: { name: 'Moscow', country: 'RU' }
				})
			])
		).toBe(false);
	});
});

/** Version 4 as it shipped: one record per event, and head blocks without record places. */
const VERSION_4 = { ...VERSION_2, heads: '[datasetId+block]' };

describe('opening a version-4 database: full records move into blocks', () => {
	const V4 = 'upgrade-from-4';

	it('keeps every event, finds each by key, and knows which actors are used', async () => {
		const many = Array.from({ length: 450 }, (_, i) =>
			event({
				id: `e-${String(i).padStart(3, '0')}`,
				start: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
				participants: [{ actor: i % 2 ? 'a-odd' : 'a-even' }]
			})
		);
		const other = [event({ id: 'o-1', start: '1999', participants: [{ actor: 'a-other' }] })];
		const v4 = new Dexie(V4);
		v4.version(4).stores(VERSION_4);
		await v4.open();
		const sets = [
			{ id: 'big' as DatasetId, events: many },
			{ id: 'small' as DatasetId, events: other }
		];
		for (const s of sets) {
			await v4.table('datasets').put({
				id: s.id,
				name: s.id,
				origin: { kind: 'paste' },
				importedAt: '2026-11-22T10:00:00.000Z',
				eventCount: s.events.length
			} satisfies Dataset);
			await v4.table('events').bulkPut(s.events.map((e) => toStored(e, s.id)));
			// Version 4's head blocks (their shape does not matter: version 5 builds them again).
			await v4.table('heads').put({ datasetId: s.id, block: 0, heads: [] });
		}
		await v4
			.table('actors')
			.bulkPut(
				['a-odd', 'a-even', 'a-other'].map((id) => ({ id, name: id, kind: 'person', aliases: [] }))
			);
		v4.close();

		db = new TramaDatabase(V4);
		const repo = new Repository(db);
		const expected = many.map((e) => toStored(e, 'big' as DatasetId)).sort(compareDated);
		expect(await repo.events(['big' as DatasetId])).toEqual(expected);
		expect(db.verno).toBe(11);
		// 450 events: three record blocks of at most 200, one head block.
		expect(await db.records.count()).toBe(4);
		const heads = await repo.heads(['big' as DatasetId]);
		expect(heads.map((h) => h.id)).toEqual(expected.map((e) => e.id));
		expect(heads.map((h) => h.recordBlock)).toEqual(expected.map((_, i) => Math.floor(i / 200)));
		// By key, with the block the head names and without one.
		const last = expected[449]!;
		const [withBlock] = await repo.eventsByKey([
			{ key: eventKey(last), block: heads[449]!.recordBlock }
		]);
		expect(withBlock).toEqual(last);
		const [withoutBlock, none] = await repo.eventsByKey([
			eventKey({ datasetId: 'small', id: 'o-1' }),
			eventKey({ datasetId: 'small', id: 'nope' })
		]);
		expect(withoutBlock?.title).toBe(other[0]!.title);
		expect(none).toBeUndefined();
		// Deleting the big dataset takes its two actors with it, not the small one's.
		await repo.deleteDataset('big' as DatasetId);
		await repo.purgeTrash(new Date(Date.now() + 8 * 86_400_000));
		expect((await repo.actors()).map((a) => a.id)).toEqual(['a-other']);
		expect(await db.records.count()).toBe(1);
	});
});

/** Version 6 as it shipped: head blocks hold their heads as objects. */
const VERSION_6 = {
	records: '[datasetId+block]',
	heads: '[datasetId+block], *actorIds',
	actors: 'id',
	datasets: 'id',
	periods: '[datasetId+id], datasetId',
	meta: 'key'
};

describe('opening a version-6 database: head blocks become text', () => {
	const V6 = 'upgrade-from-6';

	it('keeps every head and its record block, and finds records through them', async () => {
		const events = Array.from({ length: 260 }, (_, i) =>
			toStored(
				event({
					id: `h-${String(i).padStart(3, '0')}`,
					start: `2021-02-${String((i % 27) + 1).padStart(2, '0')}`,
					participants: [{ actor: 'a-one' }, { actor: i % 3 ? 'a-two' : 'a-three' }],
					tags: [`t-${i % 4}`]
				}),
				'six' as DatasetId
			)
		);
		// Blocks as version 6 wrote them: the same heads, as an array of objects.
		const blocks = datasetBlocks('six' as DatasetId, events);
		const v6 = new Dexie(V6);
		v6.version(6).stores(VERSION_6);
		await v6.open();
		await v6.table('datasets').put({
			id: 'six' as DatasetId,
			name: 'Six',
			origin: { kind: 'paste' },
			importedAt: '2026-11-30T10:00:00.000Z',
			eventCount: events.length
		} satisfies Dataset);
		await v6.table('records').bulkPut(blocks.records);
		await v6.table('heads').bulkPut(blocks.heads.map(asObjects));
		v6.close();

		db = new TramaDatabase(V6);
		const repo = new Repository(db);
		const heads = await repo.heads();
		expect(db.verno).toBe(11);
		const sorted = [...events].sort(compareDated);
		expect(heads.map((h) => h.id)).toEqual(sorted.map((e) => e.id));
		expect(heads.map((h) => h.recordBlock)).toEqual(sorted.map((_, i) => Math.floor(i / 200)));
		expect(heads[5]?.participants).toEqual(sorted[5]?.participants);
		expect(heads[5]?.tags).toEqual(sorted[5]?.tags);
		// Stored in columns now (version 7 made text of them, version 11 columns), with nothing
		// left of the old shapes.
		const raw = (await db.heads.toArray()) as (HeadBlock & { heads?: unknown })[];
		expect(raw).toHaveLength(1);
		expect(raw[0]?.cols?.count).toBe(260);
		expect(raw[0]?.text).toBeUndefined();
		expect(raw[0]?.heads).toBeUndefined();
		expect([...(raw[0]?.actorIds ?? [])].sort()).toEqual(['a-one', 'a-three', 'a-two']);
		// Version 8's change log starts empty: nothing to undo in data from before it.
		expect(await repo.undoState()).toEqual({});
		// Records by key, through the heads' blocks.
		const last = sorted[259]!;
		const [found] = await repo.eventsByKey([eventKey(last)]);
		expect(found).toEqual(last);
	});
});

describe('opening a version-8 database: each change names its events', () => {
	const V8 = 'upgrade-from-8';

	it('finds the edits version 8 kept as the event’s history, and still undoes them', async () => {
		const dataset8 = 'eight' as DatasetId;
		const before = toStored(event({ id: 'e-1', title: 'Before' }), dataset8);
		const after = { ...before, title: 'After' };
		const blocks = datasetBlocks(dataset8, [after]);
		const v8 = new Dexie(V8);
		v8.version(8).stores({ ...VERSION_6, changes: '++seq' });
		await v8.open();
		await v8.table('datasets').put({
			id: dataset8,
			name: 'Eight',
			origin: { kind: 'paste' },
			importedAt: '2026-12-01T10:00:00.000Z',
			eventCount: 1
		} satisfies Dataset);
		await v8.table('records').bulkPut(blocks.records);
		await v8.table('heads').bulkPut(blocks.heads);
		// A change as version 8 kept it: no event id of its own.
		await v8.table('changes').add({
			at: '2026-12-01T11:00:00.000Z',
			kind: 'event.edit',
			datasetId: dataset8,
			before,
			after,
			undone: false
		});
		v8.close();

		db = new TramaDatabase(V8);
		const repo = new Repository(db);
		const history = await repo.eventHistory(dataset8, before.id);
		expect(db.verno).toBe(11);
		expect(history.map((c) => [c.eventId, c.before?.title, c.after?.title])).toEqual([
			['e-1', 'Before', 'After']
		]);
		await repo.undo();
		expect((await repo.events()).map((e) => e.title)).toEqual(['Before']);
	});
});

describe('a database a newer Trama wrote', () => {
	const NEWER = 'newer-trama';
	/** Trama's stores as a version 99 might keep them, with one this version does not know. */
	async function makeNewer(): Promise<void> {
		const newer = new Dexie(NEWER);
		newer.version(99).stores({
			records: '[datasetId+block]',
			actors: 'id',
			datasets: 'id',
			periods: '[datasetId+id], datasetId',
			heads: '[datasetId+block], *actorIds',
			meta: 'key',
			changes: '++seq, *eventKeys',
			annotations: 'id'
		});
		await newer.open();
		await newer.table('datasets').put(dataset);
		await newer.table('annotations').put({ id: 'a1', text: 'kept' });
		newer.close();
	}

	it('is refused in words, and nothing in it is read, written or deleted', async () => {
		await makeNewer();
		const older = new TramaDatabase(NEWER);
		const repo = new Repository(older);
		let loaded = false;
		const why = await rejection(
			repo.ensureDefaultDataset(() => {
				loaded = true;
				return Promise.resolve(file);
			})
		);
		expect(why).toBe(
			'this browser holds data written by a newer version of Trama. Open that version to work with it, or restore a backup in another browser profile. Nothing was changed.'
		);
		expect(loaded).toBe(false);
		const after = new Dexie(NEWER);
		await after.open();
		expect(after.verno).toBe(99);
		expect(await after.table('datasets').toArray()).toEqual([dataset]);
		expect(await after.table('annotations').toArray()).toEqual([{ id: 'a1', text: 'kept' }]);
		after.close();
		await after.delete();
	});
});

/**
 * Every shipped version's tables, as Dexie held them after that version (a table keeps the
 * schema of the last version that named it), written out so the tests do not follow later edits.
 */
const SHIPPED: Record<number, Record<string, string>> = {
	1: VERSION_1,
	2: VERSION_2,
	3: VERSION_2,
	4: VERSION_4,
	5: { ...VERSION_4, records: '[datasetId+block]', heads: '[datasetId+block], *actorIds' },
	6: VERSION_6,
	7: VERSION_6,
	8: { ...VERSION_6, changes: '++seq' },
	9: { ...VERSION_6, changes: '++seq, [datasetId+eventId]' },
	10: { ...VERSION_6, changes: '++seq, *eventKeys' }
};

/**
 * A database as version `v` left it, holding the test meetings (one of them edited once, from
 * version 8 on, when changes were first kept): records in the shape that version wrote.
 */
async function makeVersion(v: number, name: string): Promise<StoredEvent[]> {
	const stored = file.events.map((e) => toStored(e, datasetId));
	const edited = stored[0]!;
	const old = new Dexie(name);
	old.version(v).stores(SHIPPED[v]!);
	await old.open();
	await old.table('datasets').put(dataset);
	await old.table('actors').bulkPut(file.actors);
	await old.table('periods').put(period);
	await old.table('meta').put({ key: 'defaultDatasetLoaded', value: true });
	// Up to version 5, one record per event (version 6 dropped the table).
	if (v <= 5) await old.table('events').bulkPut(stored);
	if (v === 4) await old.table('heads').put({ datasetId, block: 0, heads: [] });
	if (v >= 5) {
		const blocks = datasetBlocks(datasetId, stored);
		await old.table('records').bulkPut(blocks.records);
		// Until version 7, head blocks held their heads as objects; until version 11, as text.
		await old
			.table('heads')
			.bulkPut(v >= 7 ? blocks.heads.map(asText) : blocks.heads.map(asObjects));
	}
	if (v >= 8)
		await old.table('changes').add({
			at: '2026-12-01T11:00:00.000Z',
			kind: 'event.edit',
			datasetId,
			before: { ...edited, title: 'Before the edit' },
			after: edited,
			undone: false,
			// Version 9 named the change's event, version 10 the keys of its events.
			...(v === 9 ? { eventId: edited.id } : {}),
			...(v === 10 ? { eventKeys: [eventKey(edited)] } : {})
		});
	old.close();
	return stored;
}

describe('every shipped version opens with every record intact and every index working', () => {
	it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('from version %i', async (v) => {
		const name = `upgrade-every-${v}`;
		const stored = await makeVersion(v, name);
		db = new TramaDatabase(name);
		const repo = new Repository(db);
		try {
			const sorted = [...stored].sort(compareDated);
			expect(await repo.events()).toEqual(sorted);
			expect(db.verno).toBe(11);
			expect(await repo.datasets()).toEqual([dataset]);
			expect(await repo.actors()).toEqual(
				[...file.actors].sort((a, b) => a.id.localeCompare(b.id))
			);
			expect(await repo.periods()).toEqual([period]);
			// Heads in date order, each finding its record by key, from blocks in columns now.
			const heads = await repo.heads();
			const blocks = await db.heads.toArray();
			expect(blocks.map((b) => [b.cols?.count, b.text])).toEqual([[sorted.length, undefined]]);
			expect(heads.map((h) => h.id)).toEqual(sorted.map((e) => e.id));
			expect(await repo.eventsByKey(sorted.map(eventKey))).toEqual(sorted);
			// The actor index of the head blocks: Putin's events.
			expect((await repo.eventsNaming('putin' as ActorId)).map((e) => e.id).sort()).toEqual(
				sorted
					.filter((e) => e.participants.some((p) => p.actor === 'putin'))
					.map((e) => e.id)
					.sort()
			);
			// The change log: an edit kept by version 8 or 9 is the event's history and undoes.
			const edited = stored[0]!;
			const history = await repo.eventHistory(datasetId, edited.id);
			expect(history.map((c) => c.after?.title)).toEqual(v >= 8 ? [edited.title] : []);
			if (v >= 8) {
				await repo.undo();
				const [back] = await repo.eventsByKey([eventKey(edited)]);
				expect(back?.title).toBe('Before the edit');
			}
		} finally {
			db.close();
		}
	});
});

describe('a database with tables Trama did not write', () => {
	it('is not upgraded when that would delete another program’s table, and says so', async () => {
		const name = 'foreign-table';
		const old = new Dexie(name);
		old.version(9).stores({ ...SHIPPED[9], annotations: 'id, page' });
		await old.open();
		await old.table('annotations').put({ id: 'a', page: 3, note: 'mine' });
		old.close();

		db = new TramaDatabase(name);
		expect(await rejection(db.open())).toBe(
			'this browser\u2019s Trama data also holds tables Trama did not write ("annotations"), perhaps another program\u2019s on this site. Updating the data to this version of Trama would delete them, so it was not done and nothing was changed. Download the stored data as it is to keep a copy.'
		);
		const after = new Dexie(name);
		await after.open();
		expect(after.verno).toBe(9);
		expect(await after.table('annotations').toArray()).toEqual([
			{ id: 'a', page: 3, note: 'mine' }
		]);
		after.close();
	});

	it('a table of Trama’s with another key: written by another program, said in words', async () => {
		const name = 'foreign-key';
		const old = new Dexie(name);
		old.version(9).stores({ ...SHIPPED[9], heads: 'id' });
		await old.open();
		old.close();
		db = new TramaDatabase(name);
		expect(await rejection(db.open())).toMatch(
			/^the data stored under Trama’s name in this browser was written by another program/
		);
	});

	it('a new database is created as before; one of this version opens without a look', async () => {
		db = new TramaDatabase('fresh');
		await db.open();
		expect(db.verno).toBe(11);
		db.close();
		await db.open();
		expect(db.isOpen()).toBe(true);
	});
});

describe('the stored data as it is', () => {
	it('is read whole without opening it through Trama or changing it', async () => {
		const name = 'raw-copy';
		const old = new Dexie(name);
		old.version(9).stores({ ...SHIPPED[9], annotations: 'id' });
		await old.open();
		await old.table('annotations').put({ id: 'a', note: 'mine' });
		await old.table('datasets').put(dataset);
		old.close();
		const raw = await readRawStore(name);
		expect(raw?.version).toBe(90);
		expect(raw?.tables.annotations).toEqual([{ key: 'a', value: { id: 'a', note: 'mine' } }]);
		expect(raw?.tables.datasets).toEqual([{ key: dataset.id, value: dataset }]);
		expect(await readRawStore('no-such-database')).toBeUndefined();
		await Dexie.delete(name);
	});
});

describe('opening a version-10 database: head blocks become columns', () => {
	it('turns each block of heads Trama wrote into columns, and keeps another program’s as stored', async () => {
		const name = 'upgrade-from-10';
		const stored = file.events.map((e) => toStored(e, datasetId));
		const otherId = 'other' as DatasetId;
		const others = file.events.map((e) => toStored(e, otherId));
		const old = new Dexie(name);
		old.version(10).stores(SHIPPED[10]!);
		await old.open();
		const brokenId = 'broken' as DatasetId;
		await old
			.table('datasets')
			.bulkPut([
				dataset,
				{ ...dataset, id: otherId, name: 'Other' },
				{ ...dataset, id: brokenId, name: 'Broken', eventCount: 1 }
			]);
		const mine = datasetBlocks(datasetId, stored);
		const theirs = datasetBlocks(otherId, others);
		await old.table('records').bulkPut([...mine.records, ...theirs.records]);
		// The other dataset's block holds a head another program wrote (participants as text).
		// (As JSON: what the page keeps on its heads is not the program's.)
		const foreign = JSON.parse(JSON.stringify(headsOf(theirs.heads[0]!))) as unknown as Record<
			string,
			unknown
		>[];
		foreign[0] = { ...foreign[0], participants: 'Putin; Kim' };
		const foreignText = JSON.stringify(foreign);
		await old.table('heads').bulkPut([
			asText(mine.heads[0]!),
			{ ...asText(theirs.heads[0]!), text: foreignText },
			// A block that is not even JSON: the upgrade leaves it too, and the store opens.
			{ datasetId: brokenId, block: 0, text: '{not json', actorIds: [], rev: 'broken' }
		]);
		old.close();

		db = new TramaDatabase(name);
		const repo = new Repository(db);
		const heads = await repo.parseHeads(await repo.headBlocks());
		expect(db.verno).toBe(11);
		const blocks = await db.heads.toArray();
		const byDataset = new Map(blocks.map((b) => [b.datasetId, b]));
		expect(byDataset.get(datasetId)?.cols?.count).toBe(stored.length);
		expect(byDataset.get(datasetId)?.text).toBeUndefined();
		expect(byDataset.get(otherId)?.cols).toBeUndefined();
		expect(byDataset.get(otherId)?.text).toBe(foreignText);
		expect(byDataset.get(brokenId)?.text).toBe('{not json');
		// Every head drawn but the foreign one, which is set aside as it was stored.
		expect(heads).toHaveLength(stored.length * 2 - 1);
		expect(repo.setAside).toEqual(
			expect.arrayContaining([
				{
					datasetId: otherId,
					block: 0,
					id: foreign[0]?.id,
					field: 'participants',
					stored: foreign[0]
				},
				{ datasetId: brokenId, block: 0, field: '', stored: '{not json' }
			])
		);
		expect(repo.setAside).toHaveLength(2);
		const sorted = [...stored].sort(compareDated);
		// The same heads (as JSON writes them: the views' slot only columns' heads have left out).
		expect(JSON.stringify(heads.filter((h) => h.datasetId === datasetId))).toBe(
			JSON.stringify(headsOf(mine.heads[0]!))
		);
		expect(await repo.eventsByKey(sorted.map(eventKey))).toEqual(sorted);
		db.close();
		await Dexie.delete(name);
		db = undefined;
	});
});
