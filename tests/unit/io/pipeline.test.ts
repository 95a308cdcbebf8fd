import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TramaDatabase } from '$lib/db/database';
import { Repository, type StoreContents } from '$lib/db/repository';
import {
	commitPrepared,
	preparePreview,
	readSource,
	type ImportSource,
	type Prepared,
	type Stage
} from '$lib/io/pipeline';
import { inEnglish, nativeFile, meetings, rejection } from '../helpers';

let repo: Repository;
let n = 0;
const stages: Stage[] = [];
const progress = (stage: Stage) => void stages.push(stage);

beforeEach(() => {
	repo = new Repository(new TramaDatabase(`pipeline-${++n}`));
	stages.length = 0;
});
afterEach(async () => {
	await repo.db.delete();
});

const fixtureText = (name: string) =>
	readFileSync(`tests/fixtures/timelinejs/${name}.json`, 'utf8');
const fileSource = (name: string, text: string): ImportSource => ({
	kind: 'file',
	file: new Blob([text], { type: 'application/json' }),
	name
});

async function preview(source: ImportSource, group: 'tag' | 'actor' = 'tag', refused?: string[]) {
	const read = await readSource(source, progress);
	return preparePreview(read, { group, ...(refused ? { refused } : {}) }, repo, progress);
}

describe('reading an input', () => {
	it('reads a file through to a preview with counts, and says which stages it went through', async () => {
		const p = await preview(fileSource('women.json', fixtureText('contrib_women_in_computing')));
		expect(p.summary.error).toBeUndefined();
		expect(p.summary.format).toBe('timelinejs');
		expect(p.summary.dataset?.id).toBe('import-women');
		expect(p.summary.dataset?.existing).toBe(false);
		expect(p.summary.total).toBeGreaterThan(0);
		expect(p.summary.added).toBe(p.summary.valid);
		// TimelineJS3 states no confidence: the preview says every event will be unassessed.
		expect(p.summary.unassessed).toBe(p.summary.valid);
		expect(p.summary.identical).toBe(0);
		expect(new Set(stages)).toEqual(new Set(['reading', 'parsing', 'validating', 'comparing']));
	});

	it('says each stage of a valid native file in order, its check too (done in one go)', async () => {
		const text = readFileSync('static/data/default.json', 'utf8');
		const p = await preview(fileSource('default.json', text));
		expect(p.summary.error).toBeUndefined();
		expect(stages.filter((s, i) => s !== stages[i - 1])).toEqual([
			'reading',
			'parsing',
			'validating',
			'comparing'
		]);
	});

	it('gathers identical problems over every record, not only the ones listed', async () => {
		const events = [
			...Array.from({ length: 120 }, (_, i) => ({
				start_date: { year: 2023, month: 13 },
				text: { headline: `Bad ${i}` }
			})),
			{ start_date: { year: 2023 }, text: { headline: 'Good' } }
		];
		const p = await preview(fileSource('months.json', JSON.stringify({ events })));
		expect(p.summary.problemCount).toBe(120);
		expect(p.summary.problemGroups).toHaveLength(1);
		const [group] = p.summary.problemGroups;
		expect(inEnglish(group?.message)).toBe('13 is not a month');
		expect([group?.count, group?.records, group?.paths.length]).toEqual([120, 120, 100]);
		expect(group?.paths[0]).toBe('events[0].start_date.month');
	});

	it('gives malformed JSON its line and column, and a too large file its size', async () => {
		const bad = await preview(fileSource('bad.json', '[\n  {"a": 1},\n  {"b": }\n]'));
		expect(inEnglish(bad.summary.error)).toBe(
			'not valid JSON at line 3, column 9: a value was expected'
		);
		const huge = {
			size: 573.2 * 1024 * 1024,
			stream: () => new Blob(['[]']).stream()
		} as unknown as Blob;
		const big = await readSource({ kind: 'file', file: huge, name: 'big.json' }, progress);
		expect(inEnglish(big.summary.error)).toBe(
			'the file is 573.2 MB; Trama reads files up to 500 MB'
		);
	});

	it('names a dataset read from an address after its file, one per address', async () => {
		const pasted = (text: string) => readSource({ kind: 'text', text, name: 'x' }, progress);
		// Pasting the same text again updates its dataset; other text makes another.
		expect((await pasted('[1]')).summary.dataset?.id).toBe(
			(await pasted('[1]')).summary.dataset?.id
		);
		expect((await pasted('[1]')).summary.dataset?.id).not.toBe(
			(await pasted('[2]')).summary.dataset?.id
		);
		const { originOf } = await import('$lib/io/pipeline');
		const a = originOf({ kind: 'url', url: 'https://a.example/data/events.json' });
		const b = originOf({ kind: 'url', url: 'https://b.example/data/events.json' });
		expect(a.name).toBe('events');
		expect(a.datasetId).not.toBe(b.datasetId);
		expect(a.origin).toEqual({ kind: 'url', url: 'https://a.example/data/events.json' });
	});
});

describe('committing', () => {
	it('a second import of the same file changes nothing', async () => {
		const text = fixtureText('src_template_eras');
		const first = await preview(fileSource('eras.json', text));
		expect(await commitPrepared([first], repo, progress)).toEqual({
			events: first.summary.valid,
			datasets: 1
		});
		const before = await repo.events();
		const second = await preview(fileSource('eras.json', text));
		expect(second.summary.dataset?.existing).toBe(true);
		expect([second.summary.added, second.summary.changedCount, second.summary.removed]).toEqual([
			0, 0, 0
		]);
		expect(second.summary.identical).toBe(first.summary.valid);
		await commitPrepared([second], repo, progress);
		expect(await repo.events()).toEqual(before);
		expect((await repo.datasets()).length).toBe(1);
		expect(stages).toContain('writing');
	});

	it('a dataset the user renamed keeps its name when imported again', async () => {
		const text = fixtureText('src_template_eras');
		await commitPrepared([await preview(fileSource('eras.json', text))], repo, progress);
		const [dataset] = await repo.datasets();
		await repo.renameDataset(dataset!.id, 'My eras');
		const again = await preview(fileSource('eras.json', text));
		expect(again.summary.dataset).toEqual({ id: dataset!.id, name: 'My eras', existing: true });
		await commitPrepared([again], repo, progress);
		expect((await repo.datasets()).map((d) => d.name)).toEqual(['My eras']);
	});

	it('proposes matches to stored actors, and a refused match creates the actor', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'default' });
		const vis = JSON.stringify({
			items: [{ id: 1, content: 'Talks', start: '2024-06-19', group: 'p' }],
			groups: [{ id: 'p', content: 'Vladímir Putin' }]
		});
		const accepted = await preview(fileSource('vis.json', vis), 'actor');
		expect(accepted.summary.matches).toEqual([
			{
				imported: { id: 'group-vladimir-putin', name: 'Vladímir Putin' },
				existing: { id: 'putin', name: 'Vladimir Putin' },
				via: 'Vladímir Putin',
				refused: false
			}
		]);
		expect(accepted.summary.newActorCount).toBe(0);
		expect(accepted.file?.events[0]?.participants).toEqual([{ actor: 'putin' }]);

		const refused = await preview(fileSource('vis.json', vis), 'actor', ['group-vladimir-putin']);
		expect(refused.summary.matches[0]?.refused).toBe(true);
		expect(refused.summary.newActors).toEqual(['Vladímir Putin']);
		await commitPrepared([refused], repo, progress);
		expect((await repo.actors()).map((a) => a.id).sort()).toContain('group-vladimir-putin');
	});

	it('takes a new actor the user says is a stored one, whose names do not match', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'default' });
		const vis = JSON.stringify({
			items: [{ id: 1, content: 'Talks', start: '2024-06-19', group: 'p' }],
			groups: [{ id: 'p', content: 'VVP' }]
		});
		const read = await readSource(fileSource('vis.json', vis), progress);
		const plain = await preparePreview(read, { group: 'actor' }, repo, progress);
		expect(plain.summary.newActors).toEqual(['VVP']);
		expect(plain.summary.newActorIds).toEqual(['group-vvp']);
		const chosen = await preparePreview(
			read,
			{ group: 'actor', chosen: { 'group-vvp': 'putin' } },
			repo,
			progress
		);
		expect(chosen.summary.matches).toEqual([
			{
				imported: { id: 'group-vvp', name: 'VVP' },
				existing: { id: 'putin', name: 'Vladimir Putin' },
				via: 'VVP',
				chosen: true,
				refused: false
			}
		]);
		expect(chosen.summary.newActorCount).toBe(0);
		await commitPrepared([chosen], repo, progress);
		expect((await repo.actors()).map((a) => a.id)).not.toContain('group-vvp');
		const [talks] = await repo.datasetEvents('import-vis' as never);
		expect(talks?.participants).toEqual([{ actor: 'putin' }]);
	});

	it('writes several files in one transaction: an abort leaves the database as it was', async () => {
		await repo.writeDataset(nativeFile(meetings), { kind: 'default' });
		const before = {
			events: await repo.events(),
			datasets: await repo.datasets(),
			actors: await repo.actors()
		};
		const items: Prepared[] = [
			await preview(fileSource('eras.json', fixtureText('src_template_eras'))),
			await preview(fileSource('women.json', fixtureText('contrib_women_in_computing')))
		];
		const abort = new AbortController();
		const stop = (stage: Stage) => {
			if (stage === 'writing') abort.abort(new Error('cancelled by the user'));
		};
		expect(await rejection(commitPrepared(items, repo, stop, abort.signal))).toContain(
			'cancelled by the user'
		);
		expect(await repo.events()).toEqual(before.events);
		expect(await repo.datasets()).toEqual(before.datasets);
		expect(await repo.actors()).toEqual(before.actors);
		// Without the abort both land, as two datasets.
		expect((await commitPrepared(items, repo, progress)).datasets).toBe(2);
		expect((await repo.datasets()).length).toBe(3);
	});

	it('refuses to commit when nothing is valid', async () => {
		const bad = await preview(fileSource('bad.json', '{"nope": 1}'));
		expect(inEnglish(bad.summary.error)).toBe(
			'this JSON is not a Trama, TimelineJS3 or vis-timeline file, nor a list of records'
		);
		expect(await rejection(commitPrepared([bad], repo, progress))).toBe(
			'there is nothing valid to import'
		);
	});
});

describe('a backup brought to Import', () => {
	it('adds its datasets back with identical records, leaving other datasets alone', async () => {
		const { makeBackup } = await import('$lib/io/backup');
		await repo.writeDataset(nativeFile(meetings), { kind: 'file', name: 'm.json' });
		const eras = await preview(fileSource('eras.json', fixtureText('src_template_eras')));
		await commitPrepared([eras], repo, progress);
		const before = await repo.contents();
		const text = JSON.stringify(makeBackup(before, {}));
		await repo.deleteDataset('test' as never);
		const p = await preview(fileSource('backup.json', text));
		expect(p.summary.error).toBeUndefined();
		expect(p.summary.format).toBe('backup');
		expect(p.summary.datasets).toEqual([
			{ name: before.datasets[0]!.name, existing: before.datasets[0]!.id !== 'test' },
			{ name: before.datasets[1]!.name, existing: before.datasets[1]!.id !== 'test' }
		]);
		const events = (store: StoreContents) => store.datasets.flatMap((d) => d.events);
		const periods = (store: StoreContents) => store.datasets.flatMap((d) => d.periods);
		expect(p.summary.added).toBe(meetings.length);
		expect(p.summary.identical).toBe(events(before).length - meetings.length);
		await commitPrepared([p], repo, progress);
		const after = await repo.contents();
		expect(events(after)).toEqual(events(before));
		expect(after.actors).toEqual(before.actors);
		expect(periods(after)).toEqual(periods(before));
		expect(after.datasets.map((d) => [d.id, d.name, d.origin, d.eventCount])).toEqual(
			before.datasets.map((d) => [d.id, d.name, d.origin, d.eventCount])
		);
	});

	it('a damaged backup says what is wrong', async () => {
		const p = await preview(
			fileSource('b.json', '{"format": "trama-backup", "version": 1, "datasets": "x"}')
		);
		expect(inEnglish(p.summary.error)).toBe(
			'the backup is damaged: createdAt: Invalid input: expected string, received undefined; datasets: Invalid input: expected array, received string; actors: Invalid input: expected array, received undefined'
		);
	});
});
