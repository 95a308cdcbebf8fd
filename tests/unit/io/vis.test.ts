import { describe, expect, it } from 'vitest';
import { fromVisTimeline, isVisTimeline } from '$lib/io/vis';
import { describeProblem } from '$lib/i18n';

const options = { group: 'actor' as const, datasetId: 'vis', datasetName: 'vis items' };

describe('vis-timeline importer', () => {
	const json = {
		groups: [
			{ id: 1, content: 'Kremlin' },
			{ id: 2, content: '<b>Zhongnanhai</b>' }
		],
		items: [
			{
				id: 'a',
				content: 'Talks in <i>Moscow</i>',
				start: '2023-03-20',
				end: '2023-03-22',
				group: 1,
				type: 'range'
			},
			{ id: 'b', content: 'Call', start: '2022-12-30T13:05:00+03:00', group: 2, className: 'call' },
			{ id: 'c', content: 'Bad', start: '2023-02-30' },
			{ id: 'a', content: 'Twin', start: '2023' },
			{
				content: '<img src=x onerror=alert(1)>Forum',
				start: Date.UTC(2023, 8, 12),
				title: '<a href="https://forumvostok.ru/en/">EEF</a>'
			}
		]
	};

	it('detects item arrays and { items, groups }', () => {
		expect(isVisTimeline(json)).toBe(true);
		expect(isVisTimeline(json.items)).toBe(true);
		expect(isVisTimeline({ events: [] })).toBe(false);
	});

	it('maps items: dates in UTC at their precision, groups to actors, HTML to text, the rest to extra', () => {
		const r = fromVisTimeline(json, options);
		expect(r.total).toBe(5);
		expect(r.problems.map(describeProblem)).toEqual([
			'items[2].start: "2023-02-30": 30 is not a day of February 2023 (it has 28 days)',
			'items[3].id: the id "a" is used twice (first at items[0])'
		]);
		const [a, b, forum] = r.file.events;
		expect(a).toMatchObject({
			id: 'a',
			title: 'Talks in Moscow',
			start: '2023-03-20',
			end: '2023-03-22'
		});
		expect(a?.participants).toEqual([{ actor: 'group-kremlin' }]);
		expect(a?.extra).toMatchObject({ type: 'range', content_html: 'Talks in <i>Moscow</i>' });
		// 13:05 at +03:00 is 10:05 UTC.
		expect(b).toMatchObject({ start: '2022-12-30T10:05:00Z', extra: { className: 'call' } });
		expect(forum).toMatchObject({ title: 'Forum', start: '2023-09-12T00:00Z' });
		expect(forum?.sources).toEqual([{ url: 'https://forumvostok.ru/en/', title: 'EEF' }]);
		expect(r.file.actors.map((x) => x.name).sort()).toEqual(['Kremlin', 'Zhongnanhai']);
		// vis-timeline items state no confidence: none is given to them.
		expect(r.file.events.map((e) => e.confidence)).toEqual([
			'unassessed',
			'unassessed',
			'unassessed'
		]);
	});
});

describe('vis-timeline items with years before 1 and times without a zone', () => {
	it('reads expanded ISO years and keeps zone-less times as given', () => {
		const r = fromVisTimeline(
			[
				{ id: 'a', content: 'Alexandria', start: '-000299-01-01T00:00:00.000Z' },
				{ id: 'b', content: 'Caesar', start: '-0043-03-15' },
				{ id: 'c', content: 'Local', start: '2023-09-13T10:00' }
			],
			{ datasetId: 'v', datasetName: 'V', group: 'actor' as const }
		);
		expect(r.file.events.map((e) => e.start)).toEqual([
			'-0299-01-01T00:00:00Z',
			'-0043-03-15',
			'2023-09-13T10:00'
		]);
	});
});
