import { describe, expect, it } from 'vitest';
import { canonical, diffEvents } from '$lib/io/diff';
import { event } from '../helpers';

describe('what an import would change', () => {
	const a = event({ id: 'a', title: 'A', start: '2023' });
	const b = event({ id: 'b', title: 'B', start: '2023-09-13' });
	const c = event({ id: 'c', title: 'C', start: '2024' });

	it('counts new, changed (with fields), identical and removed', () => {
		const d = diffEvents(
			[a, b, c],
			[
				a,
				{ ...b, title: 'B2', confidence: 'denied' },
				event({ id: 'd', title: 'D', start: '2025' })
			]
		);
		expect(d.added.map((e) => e.id)).toEqual(['d']);
		expect(d.changed).toEqual([{ id: 'b', title: 'B2', fields: ['confidence', 'title'] }]);
		expect(d.identical).toBe(1);
		expect(d.removed.map((e) => e.id)).toEqual(['c']);
	});

	it('the same records twice change nothing, whatever the key order', () => {
		const reordered = JSON.parse(canonical(a)) as typeof a;
		expect(diffEvents([a, b], [reordered, b])).toEqual({
			added: [],
			changed: [],
			identical: 2,
			removed: []
		});
	});
});
