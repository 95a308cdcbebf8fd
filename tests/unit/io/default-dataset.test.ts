import { describe, expect, it } from 'vitest';
import { fetchDefaultDataset } from '$lib/io/default-dataset';
import { meetings } from '../helpers';

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
		await expect(fetchDefaultDataset('', respond('nope', 404))).rejects.toThrow(
			'the default dataset could not be fetched: HTTP 404'
		);
		await expect(fetchDefaultDataset('', respond('{not json'))).rejects.toThrow(
			'the default dataset is not valid JSON'
		);
		await expect(
			fetchDefaultDataset(
				'',
				respond(
					'{"format":"trama","version":1,"dataset":{"id":"d","name":"D"},"events":[{"id":"e"}]}'
				)
			)
		).rejects.toThrow('the default dataset is invalid: events[0].title: the title must be text');
		const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
		await expect(fetchDefaultDataset('', offline)).rejects.toThrow(
			'the default dataset could not be fetched (TypeError: Failed to fetch)'
		);
	});
});
