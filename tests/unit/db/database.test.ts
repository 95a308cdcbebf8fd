import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TramaDatabase } from '$lib/db/database';
import { fromStored, Repository, toStored } from '$lib/db/repository';
import { compareDated } from '$lib/model/events';
import type { Dataset, DatasetId } from '$lib/model/schema';
import { meetings, nativeFile } from '../helpers';

/** Version 1 as it shipped, written out here so the test does not follow later edits. */
const VERSION_1 = {
	events: '[datasetId+id], startMs, [datasetId+startMs], *actorIds, kind',
	actors: 'id, name',
	datasets: 'id',
	periods: '[datasetId+id], datasetId',
	meta: 'key'
};

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
		expect(db.verno).toBe(2);

		expect(await repo.datasets()).toEqual([dataset]);
		const stored = file.events.map((e) => toStored(e, datasetId)).sort(compareDated);
		expect(await repo.events()).toEqual(stored);
		expect(await repo.events([datasetId])).toEqual(stored);
		expect(await repo.datasetEvents(datasetId)).toEqual(stored.map(fromStored));
		const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
		expect((await repo.actors()).sort(byId)).toEqual([...file.actors].sort(byId));
		expect(await repo.periods()).toEqual([period]);
		// The first-start flag survived, so the default dataset does not come back.
		expect(await repo.ensureDefaultDataset(() => Promise.reject(new Error('not called')))).toBe(
			'present'
		);

		const indexes = (table: string) =>
			[...db!.backendDB().transaction(table).objectStore(table).indexNames].sort();
		expect(indexes('events')).toEqual(['[datasetId+startMs]', 'actorIds']);
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
		// The actors went with the last events that used them (found through *actorIds).
		expect(await repo.contents()).toEqual({ datasets: [], actors: [] });
		expect(await repo.periods()).toEqual([]);
	});
});
