import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertImport, detectFormat, isTimelineJs2, readImport } from '$lib/io/detect';
import { describeMessage, describeProblem } from '$lib/i18n';
import { inEnglish } from '../helpers';

const options = { group: 'tag' as const, datasetId: 'x', datasetName: 'X' };
const defaultText = readFileSync('static/data/default.json', 'utf8');

describe('reading an import', () => {
	it('detects each format', () => {
		expect(detectFormat(JSON.parse(defaultText))).toBe('native');
		expect(
			detectFormat(
				JSON.parse(readFileSync('tests/fixtures/timelinejs/src_template_eras.json', 'utf8'))
			)
		).toBe('timelinejs');
		expect(detectFormat([{ id: 1, content: 'a', start: '2023' }])).toBe('vis-timeline');
		expect(detectFormat([{ when: '2023', what: 'a' }])).toBe('records');
		expect(detectFormat({ hello: 'world' })).toBe('unknown');
	});

	it('a valid native file comes through whole', () => {
		const r = readImport(defaultText, options);
		expect(r.ok && r.result.file.events.length).toBe(86);
		expect(r.ok && r.result.problems).toEqual([]);
	});

	it('a native file with bad records keeps the good ones and names the bad', () => {
		const file = JSON.parse(defaultText) as { events: Record<string, unknown>[] };
		file.events[3] = { ...file.events[3], start: '2023-13' };
		file.events[5] = { ...file.events[5], end: '1999' };
		const r = readImport(JSON.stringify(file), options);
		if (!r.ok) throw new Error(describeMessage(r.error));
		expect(r.result.file.events).toHaveLength(84);
		expect(r.result.problems.map(describeProblem)).toEqual([
			'events[3].start: "2023-13": 13 is not a month',
			expect.stringMatching(/^events\[5\]\.end: ends \(1999\) before it starts/)
		]);
	});

	it('says why it cannot read the rest', () => {
		expect(inEnglish(readImport('', options))).toEqual({ ok: false, error: 'the file is empty' });
		expect(
			inEnglish(
				readImport(
					'{"format":"trama","version":7,"dataset":{"id":"a","name":"A"},"events":[]}',
					options
				)
			)
		).toEqual({
			ok: false,
			format: 'native',
			error: 'the file is format version 7; this version of Trama reads version 1'
		});
		expect(inEnglish(readImport('[]', options))).toMatchObject({
			ok: false,
			error: 'the file holds an empty list: there is nothing to import'
		});
		expect(readImport('{"a": 1}', options)).toMatchObject({ ok: false, format: 'unknown' });
		expect(readImport('[{"when":"2023"}]', options)).toMatchObject({
			ok: false,
			format: 'records'
		});
		expect(inEnglish(readImport('{"a": }', options))).toMatchObject({
			ok: false,
			error: 'not valid JSON at line 1, column 7: a value was expected'
		});
	});
});

describe('a TimelineJS 2 (legacy) file', () => {
	it('is named in its refusal, with what to do', () => {
		const legacy = {
			timeline: {
				headline: 'Sh*t People Say',
				type: 'default',
				text: 'People say stuff',
				date: [
					{
						startDate: '2012,1,26',
						endDate: '2012,1,27',
						headline: 'Sh*t Politicians Say',
						text: '<p>In true political fashion…</p>',
						asset: { media: 'https://youtu.be/u4XpeU9erbg', credit: '', caption: '' }
					}
				]
			}
		};
		const read = convertImport(legacy, options);
		expect(inEnglish(read)).toEqual({
			ok: false,
			error:
				'this is a TimelineJS 2 (legacy) file (timeline.date[] with dates such as "2012,1,26"); TimelineJS 2 files are not supported: convert it to TimelineJS3 JSON (events[] with start_date objects) and import that'
		});
		expect(isTimelineJs2(legacy)).toBe(true);
		expect(isTimelineJs2({ timeline: { era: [] } })).toBe(true);
		expect(isTimelineJs2({ events: [] })).toBe(false);
		expect(isTimelineJs2({ timeline: 'x' })).toBe(false);
	});
});

describe('a backup brought to Import', () => {
	it('is pointed to Restore', () => {
		expect(
			inEnglish(
				readImport('{"format": "trama-backup", "version": 1, "datasets": []}', {
					group: 'tag',
					datasetId: 'x',
					datasetName: 'X'
				})
			)
		).toEqual({
			ok: false,
			format: 'unknown',
			error:
				'this is a Trama backup of a whole store: bring it back with “Restore from a backup…” (it replaces everything)'
		});
	});
});
