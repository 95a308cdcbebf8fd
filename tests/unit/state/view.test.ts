import { describe, expect, it } from 'vitest';
import { decodeView, encodeView } from '$lib/state/view';

describe('the view in the URL', () => {
	it('round-trips window, grouping and selection', () => {
		const view = {
			window: { start: Date.UTC(2023, 8, 1), end: Date.UTC(2023, 9, 1) },
			grouping: 'kind' as const,
			event: 'kim-putin-vostochny-2023'
		};
		const search = encodeView(view);
		expect(search).toBe(
			'?from=2023-09-01T00%3A00%3A00.000Z&to=2023-10-01T00%3A00%3A00.000Z&lanes=kind&event=kim-putin-vostochny-2023'
		);
		expect(decodeView(new URLSearchParams(search))).toEqual({ view, problems: [] });
	});

	it('names the dataset of a selected event only alongside the event', () => {
		const view = { grouping: 'actor' as const, event: '1', dataset: 'import-vis' };
		expect(encodeView(view)).toBe('?event=1&dataset=import-vis');
		expect(decodeView(new URLSearchParams('event=1&dataset=import-vis')).view).toEqual(view);
		expect(decodeView(new URLSearchParams('dataset=import-vis')).view).toEqual({
			grouping: 'actor'
		});
		expect(encodeView({ grouping: 'actor' }, new URLSearchParams('event=1&dataset=x'))).toBe('');
	});

	it('leaves the default grouping out and keeps parameters it does not own', () => {
		expect(
			encodeView({ grouping: 'actor' }, new URLSearchParams('import=https://x.org/a.json'))
		).toBe('?import=https%3A%2F%2Fx.org%2Fa.json');
	});

	it('reports what it could not understand and ignores it', () => {
		expect(
			decodeView(new URLSearchParams('from=yesterday&to=2023-10-01T00:00:00.000Z&lanes=colour'))
		).toEqual({
			view: { grouping: 'actor' },
			problems: ['window', 'lanes']
		});
		expect(
			decodeView(new URLSearchParams('from=2023-10-01T00:00:00.000Z&to=2023-09-01T00:00:00.000Z'))
				.problems
		).toEqual(['window']);
		expect(
			decodeView(
				new URLSearchParams('from=-010000-01-01T00:00:00.000Z&to=2023-09-01T00:00:00.000Z')
			).problems
		).toEqual(['window']);
	});
});

describe('instants in links', () => {
	it('refuses a calendar date that does not exist instead of rolling it over', () => {
		expect(
			decodeView(new URLSearchParams('from=2023-02-30T00:00:00.000Z&to=2023-03-10T00:00:00.000Z'))
				.problems
		).toEqual(['window']);
	});
});

describe('dates as people write them in links', () => {
	const window = (search: string) => decodeView(new URLSearchParams(search));

	it('a window from the start of one period to the end of another', () => {
		expect(window('from=2023-09&to=2023-10')).toEqual({
			view: {
				grouping: 'actor',
				window: { start: Date.UTC(2023, 8, 1), end: Date.UTC(2023, 10, 1) }
			},
			problems: []
		});
		expect(window('from=2023-09-10&to=2023-09-20').view.window).toEqual({
			start: Date.UTC(2023, 8, 10),
			end: Date.UTC(2023, 8, 21)
		});
		// One period at both ends is that period.
		expect(window('from=2023&to=2023').view.window).toEqual({
			start: Date.UTC(2023, 0, 1),
			end: Date.UTC(2024, 0, 1)
		});
		// Either kind at either end.
		expect(window('from=2023-09-10&to=2023-09-20T12:00:00.000Z').view.window).toEqual({
			start: Date.UTC(2023, 8, 10),
			end: Date.UTC(2023, 8, 20, 12)
		});
	});

	it('refuses dates that do not exist and windows that end before they start', () => {
		expect(window('from=2023-09-31&to=2023-10').problems).toEqual(['window']);
		expect(window('from=2023-10&to=2023-09').problems).toEqual(['window']);
		expect(window('from=2023-09').problems).toEqual(['window']);
	});
});
