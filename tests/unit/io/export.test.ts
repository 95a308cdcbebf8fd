import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { TramaDatabase } from '$lib/db/database';
import { Repository } from '$lib/db/repository';
import { makeBackup, readBackup } from '$lib/io/backup';
import { convertImport } from '$lib/io/detect';
import { fileName, nativeFileOf, nativeText, toCsv, toTimelineJs } from '$lib/io/export';
import { indexById } from '$lib/model/events';
import { parseNativeFile } from '$lib/model/validate';
import type { Actor, ActorId } from '$lib/model/schema';
import { event, inEnglish, meetings, nativeFile } from '../helpers';

const defaultFile = (() => {
	const r = parseNativeFile(JSON.parse(readFileSync('static/data/default.json', 'utf8')));
	if (!r.ok) throw new Error('default dataset invalid');
	return r.value;
})();
const actors: ReadonlyMap<ActorId, Actor> = indexById(defaultFile.actors);
const options = { group: 'tag' as const, datasetId: 'x', datasetName: 'X' };

describe('native export', () => {
	it('exports a dataset that imports back to identical records', () => {
		const file = nativeFileOf(defaultFile.dataset, defaultFile.events, actors, defaultFile.periods);
		const read = convertImport(JSON.parse(nativeText(file)), options);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.result.problems).toEqual([]);
		expect(read.result.file.events).toEqual(defaultFile.events);
		expect(read.result.file.actors).toEqual(
			[...defaultFile.actors].sort((a, b) => a.id.localeCompare(b.id))
		);
		expect(read.result.file.dataset).toEqual(defaultFile.dataset);
	});

	it('a selection keeps only the actors its events use, and keeps colliding ids apart', () => {
		const a = { ...event({ id: 'e1', participants: [{ actor: 'putin' }] }), datasetId: 'one' };
		const b = { ...event({ id: 'e1', title: 'Other' }), datasetId: 'two' };
		const file = nativeFileOf({ id: 'sel', name: 'Selection' }, [a, b], actors);
		expect(file.events.map((e) => e.id)).toEqual(['e1', 'e1~two']);
		expect(file.actors.map((x) => x.id)).toEqual(['putin']);
		expect(parseNativeFile(JSON.parse(nativeText(file))).ok).toBe(true);
	});
});

describe('CSV export', () => {
	it('writes one row per event with actors and sources joined', () => {
		const csv = toCsv(defaultFile.events.slice(0, 3), actors, () => 'Default');
		const rows = Papa.parse<string[]>(csv).data;
		expect(rows[0]).toEqual([
			'id',
			'dataset',
			'title',
			'start',
			'end',
			'circa',
			'kind',
			'confidence',
			'actors',
			'place',
			'country',
			'tags',
			'summary',
			'sources',
			'notes'
		]);
		expect(rows).toHaveLength(4);
		const first = defaultFile.events[0]!;
		expect(rows[1]?.[0]).toBe(first.id);
		expect(rows[1]?.[3]).toBe(first.start);
		expect(rows[1]?.[8]).toBe(first.participants.map((p) => actors.get(p.actor)?.name).join('; '));
	});

	it('neutralises cells a spreadsheet would run as formulas, and quotes commas and quotes', () => {
		const evil = event({
			id: 'x',
			title: '=HYPERLINK("http://evil.example","click")',
			summary: '+1, "quoted"',
			notes: '@SUM(A1)',
			tags: ['-2']
		});
		const csv = toCsv([evil], actors);
		const row = Papa.parse<string[]>(csv).data[1]!;
		expect(row[2]).toBe(`'=HYPERLINK("http://evil.example","click")`);
		expect(row[12]).toBe(`'+1, "quoted"`);
		expect(row[14]).toBe(`'@SUM(A1)`);
		expect(row[11]).toBe(`'-2`);
	});
});

describe('TimelineJS3 export', () => {
	it('round-trips what TimelineJS can hold: ids, titles, summaries, dates at their precision, media, periods', () => {
		const media = {
			url: 'https://example.org/photo.jpg',
			caption: 'Kim & Putin <at> the cosmodrome',
			credit: 'Example Wire',
			alt: 'Two men shake hands',
			thumbnail: 'https://example.org/photo-small.jpg'
		};
		const events = [
			event({
				id: 'a',
				title: 'Kim & Putin <summit>',
				summary: 'At Vostochny',
				start: '2023-09-13',
				sources: [{ url: 'https://example.org/r', title: 'Report', publisher: 'Example' }],
				media: [media]
			}),
			event({ id: 'b', title: 'A month', start: '2023-07', end: '2023-08', tags: ['arms'] }),
			event({ id: 'c', title: 'A year', start: '2019', sources: [{ title: 'A book' }] })
		];
		const file = nativeFileOf({ id: 't', name: 'Test <set>' }, events, actors, [
			{ id: 'p' as never, label: 'War', start: '2022-02' as never, end: '2023-12' as never }
		]);
		const tljs = toTimelineJs(file, actors) as {
			events: { media?: unknown; text: { text?: string } }[];
		};
		const text = JSON.stringify(tljs);
		expect(text).not.toContain('<summit>');
		// Media go out as media; the source is a link in the text, not posing as media.
		expect(tljs.events[0]?.media).toEqual({
			...media,
			caption: 'Kim &amp; Putin &lt;at&gt; the cosmodrome'
		});
		expect(tljs.events[0]?.text.text).toBe(
			'<p>At Vostochny</p><p><a href="https://example.org/r">Report</a> (Example)</p>'
		);
		expect(tljs.events[2]?.media).toBeUndefined();
		expect(tljs.events[2]?.text.text).toBe('<p>A book</p>');
		const read = convertImport(JSON.parse(text), options);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const back = read.result.file;
		expect(back.dataset.name).toBe('Test <set>');
		expect(back.events.map((e) => [e.id, e.title, e.start, e.end])).toEqual([
			['a', 'Kim & Putin <summit>', '2023-09-13', undefined],
			['b', 'A month', '2023-07', '2023-08'],
			['c', 'A year', '2019', undefined]
		]);
		expect(back.events[0]?.media).toEqual([media]);
		expect(back.events[0]?.summary).toBe('At Vostochny\nReport (Example)');
		expect(back.events[0]?.sources).toEqual([{ url: 'https://example.org/r', title: 'Report' }]);
		// TimelineJS holds no confidence: what comes back is unassessed, not a judgement.
		expect(back.events.map((e) => e.confidence)).toEqual([
			'unassessed',
			'unassessed',
			'unassessed'
		]);
		expect(back.events[1]?.tags).toEqual(['arms']);
		expect(back.periods.map((p) => [p.label, p.start, p.end])).toEqual([
			['War', '2022-02', '2023-12']
		]);
	});

	it('CSV and Trama JSON write the confidence as it is, unassessed included', () => {
		const e = event({ id: 'u', confidence: 'unassessed' });
		const rows = Papa.parse<Record<string, string>>(toCsv([e], actors), { header: true }).data;
		expect(rows[0]?.confidence).toBe('unassessed');
		const file = nativeFileOf({ id: 'n', name: 'N' }, [e], actors);
		expect(
			(JSON.parse(nativeText(file)) as { events: { confidence: string }[] }).events[0]?.confidence
		).toBe('unassessed');
	});
});

describe('dates before year 1 and without a zone in exports', () => {
	const ancient = [
		event({ id: 'cuneiform', title: 'Cuneiform', start: '-3499' }),
		event({ id: 'alexandria', title: 'Alexandria', start: '-0299', end: '-0279' }),
		event({ id: 'ides', title: 'Ides of March', start: '-0043-03-15' }),
		event({ id: 'bce1', title: 'The year before 1', start: '0000' }),
		event({ id: 'vostochny', title: 'Vostochny', start: '2023-09-13T10:00' })
	];

	it('TimelineJS3 renders its strings as HTML: the group and the alternative text are escaped too', () => {
		const file = nativeFileOf(
			{ id: 't', name: 'T' },
			[
				event({
					id: 'a',
					title: 'A',
					start: '2023',
					tags: ['<img src=x onerror=alert(1)>'],
					media: [{ url: 'https://example.org/p.jpg', alt: '"><svg onload=alert(1)>' }]
				})
			],
			actors,
			[]
		);
		const tljs = toTimelineJs(file, actors) as {
			events: { group?: string; media?: { alt?: string } }[];
		};
		expect(tljs.events[0]!.group).toBe('&lt;img src=x onerror=alert(1)&gt;');
		expect(tljs.events[0]!.media?.alt).toBe('&quot;&gt;&lt;svg onload=alert(1)&gt;');
	});

	it('TimelineJS3 gets years as it counts them (-300 for 300 BCE) and reads them back the same', () => {
		const file = nativeFileOf({ id: 't', name: 'Ancient' }, ancient, actors);
		const tljs = toTimelineJs(file, actors) as { events: { start_date: object }[] };
		expect(tljs.events.map((e) => e.start_date)).toEqual([
			{ year: -3500 },
			{ year: -300 },
			{ year: -44, month: 3, day: 15 },
			{ year: -1 },
			{ year: 2023, month: 9, day: 13, hour: 10, minute: 0 }
		]);
		const read = convertImport(JSON.parse(JSON.stringify(tljs)), options);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.result.problems).toEqual([]);
		expect(read.result.file.events.map((e) => [e.id, e.start, e.end])).toEqual([
			['cuneiform', '-3499', undefined],
			['alexandria', '-0299', '-0279'],
			['ides', '-0043-03-15', undefined],
			['bce1', '0000', undefined],
			['vostochny', '2023-09-13T10:00', undefined]
		]);
	});

	it('CSV keeps ISO 8601 dates as they are: no formula mark before a minus sign', () => {
		const rows = Papa.parse<string[]>(toCsv(ancient, actors)).data;
		const [header, ...body] = rows;
		const start = header?.indexOf('start') ?? -1;
		const end = header?.indexOf('end') ?? -1;
		expect(body.map((r) => [r[start], r[end]])).toEqual([
			['-3499', ''],
			['-0299', '-0279'],
			['-0043-03-15', ''],
			['0000', ''],
			['2023-09-13T10:00', '']
		]);
		// Text that only looks like a date near a formula still gets its mark.
		const formula = toCsv([event({ id: 'f', title: '-0299+cmd', start: '2023' })], actors);
		expect(formula).toContain("'-0299+cmd");
	});

	it('the native file keeps them as they are', () => {
		const file = nativeFileOf({ id: 't', name: 'Ancient' }, ancient, actors);
		const back = parseNativeFile(JSON.parse(nativeText(file)));
		expect(back.ok ? back.value.events.map((e) => e.start) : back.problems).toEqual([
			'-3499',
			'-0299',
			'-0043-03-15',
			'0000',
			'2023-09-13T10:00'
		]);
	});
});

describe('backup', () => {
	let repo: Repository;
	let n = 0;
	beforeEach(() => {
		repo = new Repository(new TramaDatabase(`backup-${++n}`));
	});
	afterEach(async () => {
		await repo.db.delete();
	});

	it('back up → delete everything → restore gives the same store', async () => {
		await repo.writeDataset(defaultFile, { kind: 'default' });
		await repo.writeDataset(nativeFile(meetings), { kind: 'file', name: 'm.json' });
		await repo.setDatasetHidden('test' as never, true);
		const before = await repo.contents();
		const backup = makeBackup(before, { theme: 'dark' }, new Date('2026-11-22T12:00:00Z'));
		const text = JSON.stringify(backup);
		await repo.deleteDataset('default' as never);
		await repo.deleteDataset('test' as never);
		await repo.purgeTrash(new Date(Date.now() + 8 * 86_400_000));
		expect(await repo.contents()).toEqual({ datasets: [], actors: [] });
		const read = readBackup(text);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.backup.settings).toEqual({ theme: 'dark' });
		await repo.restoreBackup(read.backup);
		expect(await repo.contents()).toEqual(before);
		// The default dataset does not come back by itself after a restore without it.
		expect(await repo.ensureDefaultDataset(() => Promise.resolve(defaultFile))).toBe('present');
	});

	it('a restore over a store is undone: every dataset and actor as it was, and redone', async () => {
		await repo.writeDataset(defaultFile, { kind: 'default' });
		const theirs = await repo.contents();
		const backup = makeBackup(theirs, {});
		await repo.deleteDataset('default' as never);
		await repo.writeDataset(nativeFile(meetings), { kind: 'file', name: 'm.json' });
		await repo.renameDataset('test' as never, 'Mine');
		const mine = await repo.contents();
		await repo.restoreBackup(backup);
		expect(await repo.contents()).toEqual(theirs);
		expect((await repo.undoState()).undo?.kind).toBe('backup.restore');
		await repo.undo();
		expect(await repo.contents()).toEqual(mine);
		await repo.redo();
		expect(await repo.contents()).toEqual(theirs);
		await repo.undo();
		// And the changes made before it can still be undone, one by one.
		await repo.undo();
		expect((await repo.datasets()).map((d) => d.name)).toEqual(['Test set']);
	});

	it('a failing restore leaves the old store', async () => {
		await repo.writeDataset(defaultFile, { kind: 'default' });
		const before = await repo.contents();
		const broken = structuredClone(makeBackup(before, {}));
		// No id: IndexedDB refuses the key half-way through the writes.
		(broken.datasets[0]!.events[5] as { id?: string }).id = undefined;
		await expect(repo.restoreBackup(broken)).rejects.toThrow();
		expect(await repo.contents()).toEqual(before);
	});

	it('says what is wrong with a file that is not a usable backup', () => {
		expect(inEnglish(readBackup('{"format": "trama", "version": 1}'))).toEqual({
			ok: false,
			error: 'this is a Trama dataset file, not a backup: import it with “Import…”'
		});
		expect(inEnglish(readBackup('{"format": "trama-backup", "version": 2}'))).toEqual({
			ok: false,
			error: 'this backup was made by a newer Trama (backup version 2); this one reads version 1'
		});
		expect(inEnglish(readBackup('[1,'))).toMatchObject({
			ok: false,
			error: expect.stringMatching(/^not valid JSON at line 1/) as unknown
		});
		const damaged = readBackup(
			JSON.stringify({
				format: 'trama-backup',
				version: 1,
				createdAt: '2026-11-22T12:00:00Z',
				datasets: [],
				actors: [{ id: 'a', name: '', kind: 'person' }]
			})
		);
		expect(inEnglish(damaged.ok ? '' : damaged.error)).toBe(
			'the backup is damaged: actors[0].name: the name is empty'
		);
	});

	it('names files after what they hold and the day', () => {
		expect(
			fileName('Russia, China and North Korea, 2013–2025', 'csv', new Date('2026-11-22T23:00:00Z'))
		).toBe('trama-russia-china-and-north-korea-2013-2025-2026-11-22.csv');
	});
});
