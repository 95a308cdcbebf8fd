import { describe, expect, it } from 'vitest';
import { changedFields, sameValue } from '$lib/model/changes';
import { event } from '../helpers';

describe('what a change did to an event', () => {
	const before = event({
		id: 'e',
		title: 'Talks',
		start: '2023-09',
		participants: [{ actor: 'putin' }, { actor: 'kim-jong-un', role: 'guest' }],
		tags: ['arms']
	});

	it('lists the fields that differ, in the history’s order, with both values', () => {
		const after = {
			...before,
			tags: ['arms', 'rail'],
			title: 'Talks in Vladivostok',
			end: '2023-09-14' as typeof before.start,
			start: '2023-09-13' as typeof before.start
		};
		expect(changedFields(before, after)).toEqual([
			{ field: 'title', before: 'Talks', after: 'Talks in Vladivostok' },
			{ field: 'start', before: '2023-09', after: '2023-09-13' },
			{ field: 'end', before: undefined, after: '2023-09-14' },
			{ field: 'tags', before: ['arms'], after: ['arms', 'rail'] }
		]);
	});

	it('sees no change in the order of an object’s keys, or in an absent list made empty', () => {
		const reordered = {
			...before,
			participants: [{ actor: 'putin' }, { role: 'guest', actor: 'kim-jong-un' }]
		} as typeof before;
		expect(sameValue(before, reordered)).toBe(true);
		expect(changedFields(before, reordered)).toEqual([]);
		const { relations: _r, ...withoutRelations } = before;
		expect(changedFields(before, withoutRelations)).toEqual([]);
		// The order of a list is data: participants swapped is a change.
		const swapped = { ...before, participants: [...before.participants].reverse() };
		expect(changedFields(before, swapped).map((c) => c.field)).toEqual(['participants']);
	});
});
