import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
	DATA_FORMATS,
	backupFileName,
	dataFile,
	exportsBackup,
	pictureFileName,
	type DataContents
} from '$lib/io/export-files';
import { nativeFileOf } from '$lib/io/export';
import { indexById } from '$lib/model/events';
import { event, meetings, nativeFile } from '../helpers';
import type { Actor, ActorId } from '$lib/model/schema';

const now = new Date('2026-11-22T10:00:00Z');
const actors: ReadonlyMap<ActorId, Actor> = indexById(nativeFile(meetings).actors);
const summit = {
	...event({
		id: 'vostochny-2023',
		title: 'Kim–Putin summit',
		participants: [{ actor: 'putin' }, { actor: 'kim-jong-un' }]
	}),
	datasetId: 'meetings'
};
const contents: DataContents = {
	file: nativeFileOf({ id: 'meetings', name: 'Meetings' }, [summit], actors),
	events: [summit],
	actors,
	datasetName: (id) => (id === 'meetings' ? 'Meetings, 2013–2025' : id)
};

describe('the file of a data export', () => {
	it('names the file after the dataset and the day, with the format’s extension and MIME type', () => {
		expect(DATA_FORMATS.map((f) => dataFile(f, 'Russia & China', contents, now))).toEqual([
			{
				name: 'trama-russia-china-2026-11-22.json',
				text: expect.stringContaining('"format": "trama"') as unknown,
				type: 'application/json'
			},
			{
				name: 'trama-russia-china-2026-11-22.csv',
				text: expect.stringMatching(/^\uFEFFid,dataset,title,/) as unknown,
				type: 'text/csv'
			},
			{
				name: 'trama-russia-china-2026-11-22.timelinejs.json',
				text: expect.stringContaining('"unique_id": "vostochny-2023"') as unknown,
				type: 'application/json'
			}
		]);
	});

	it('CSV rows name the dataset and the actors', () => {
		const rows = Papa.parse<string[]>(dataFile('csv', 'x', contents, now).text).data;
		expect(rows[1]?.slice(0, 3)).toEqual([
			'vostochny-2023',
			'Meetings, 2013–2025',
			'Kim–Putin summit'
		]);
		expect(rows[1]?.[8]).toBe('Vladimir Putin; Kim Jong Un');
	});

	it('CSV starts with a UTF-8 byte-order mark, once, and keeps accents, dashes and Cyrillic as written', () => {
		const putin = {
			...event({
				id: 'moscow-talks',
				title: 'Переговоры в Москве — café “Pushkin”',
				summary: 'São Paulo, Zürich; 23–24 June',
				participants: [{ actor: 'putin' }]
			}),
			datasetId: 'meetings'
		};
		const withCyrillic: ReadonlyMap<ActorId, Actor> = new Map([
			...actors,
			['putin' as ActorId, { ...actors.get('putin' as ActorId)!, name: 'Владимир Путин' }]
		]);
		const text = dataFile(
			'csv',
			'x',
			{ ...contents, events: [putin], actors: withCyrillic },
			now
		).text;
		// As bytes: EF BB BF, then the header; every character survives the UTF-8 round trip.
		const bytes = new TextEncoder().encode(text);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(text.indexOf('\uFEFF', 1)).toBe(-1);
		const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		expect(decoded.startsWith('\uFEFFid,dataset,')).toBe(true);
		const rows = Papa.parse<string[]>(decoded.slice(1)).data;
		expect(rows[1]?.[2]).toBe('Переговоры в Москве — café “Pushkin”');
		expect(rows[1]?.[8]).toBe('Владимир Путин');
		expect(rows[1]?.[12]).toBe('São Paulo, Zürich; 23–24 June');
	});

	it('only CSV carries the byte-order mark: JSON files start with their brace', () => {
		expect(dataFile('native', 'x', contents, now).text.startsWith('{')).toBe(true);
		expect(dataFile('timelinejs', 'x', contents, now).text.startsWith('{')).toBe(true);
	});

	it('the native file ends with a newline, like the shipped files', () => {
		expect(dataFile('native', 'x', contents, now).text.endsWith('}\n')).toBe(true);
	});
});

describe('what a choice of scope and format makes', () => {
	it('every dataset in the native format is a backup; anything else is a data file', () => {
		expect(exportsBackup('all', 'native')).toBe(true);
		expect(exportsBackup('all', 'csv')).toBe(false);
		expect(exportsBackup('selection', 'native')).toBe(false);
		expect(exportsBackup('default', 'native')).toBe(false);
	});
});

describe('picture and backup file names', () => {
	it('a picture is named after its view and window', () => {
		expect(pictureFileName('network', '1 Sept – 30 Sept 2023', 'png', now)).toBe(
			'trama-network-1-sept-30-sept-2023-2026-11-22.png'
		);
		expect(pictureFileName('timeline', '2023', 'svg', now)).toBe(
			'trama-timeline-2023-2026-11-22.svg'
		);
	});

	it('a backup is named after the day', () => {
		expect(backupFileName(now)).toBe('trama-backup-2026-11-22.json');
	});
});
