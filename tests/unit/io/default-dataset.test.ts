import { describe, expect, it } from 'vitest';
import { fetchDefaultDataset } from '$lib/io/default-dataset';
import { meetings, rejection } from '../helpers';

const respond =
	(body: string, status = 200): typeof fetch =>
	() =>
		Promise.resolve(new Response(body, { status }));

describe('fetchDefaultDataset', () => {
	it('returns the validated file', async () => {
		const body = JSON.stringify({
			format: 'trama',
			version: 1,
			dataset: { id: 'default', name: 'Default' },
			actors: [
				{ id: 'putin', name: 'Vladimir Putin', kind: 'person' },
				{ id: 'xi-jinping', name: 'Xi Jinping', kind: 'person' }
			],
			events: [meetings[0]]
		});
		const file = await fetchDefaultDataset('', respond(body));
		expect(file.events.map((e) => e.id)).toEqual(['xi-moscow-2013']);
	});

	it('says what went wrong', async () => {
		expect(await rejection(fetchDefaultDataset('', respond('nope', 404)))).toBe(
			'the default dataset could not be fetched: HTTP 404'
		);
		expect(await rejection(fetchDefaultDataset('', respond('{not json')))).toBe(
			'the default dataset is not valid JSON'
		);
		expect(
			await rejection(
				fetchDefaultDataset(
					'',
					respond(
						'{"format":"trama","version":1,"dataset":{"id":"d","name":"D"},"events":[{"id":"e"}]}'
					)
				)
			)
		).toBe(
			'the default dataset is invalid: events[0].title: the title must be text; events[0].start: a date must be text such as "2023-09-13"; events[0].confidence: Invalid option: expected one of "confirmed"|"reported"|"claimed"|"denied"|"unassessed"'
		);
		const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
		expect(await rejection(fetchDefaultDataset('', offline))).toBe(
			'the default dataset could not be fetched (TypeError: Failed to fetch)'
		);
	});
});
