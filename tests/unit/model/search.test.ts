import { describe, expect, it } from 'vitest';
import { matchesTerms, normalise, queryTerms, searchText } from '$lib/model/search';
import { actorSchema, type Actor, type ActorId } from '$lib/model/schema';
import { actorInputs, event } from '../helpers';

const actors = new Map<ActorId, Actor>(
	actorInputs.map((a) => {
		const actor = actorSchema.parse(a);
		return [actor.id, actor];
	})
);

describe('the table filter', () => {
	const e = event({
		id: 'v',
		title: 'Summit at the Vostochny Cosmodrome',
		place: { name: 'Amur Oblast', country: 'RU' },
		participants: [{ actor: 'putin' }, { actor: 'kim-jong-un' }],
		tags: ['arms'],
		sources: [{ url: 'https://www.reuters.com/x', publisher: 'Reuters' }]
	});
	const text = searchText(e, actors, ['Russia']);
	const matches = (q: string) => matchesTerms(text, queryTerms(q));

	it('ignores case and accents, both ways', () => {
		expect(normalise('Vladímir  PUTIN')).toBe('vladimir putin');
		expect(matches('VOSTOCHNY')).toBe(true);
		expect(matches('vladímir')).toBe(true);
		expect(matches('Serguéi')).toBe(false);
	});

	it('finds actors by name and by alias in another script', () => {
		expect(matches('kim')).toBe(true);
		expect(matches('Путин')).toBe(true);
		expect(matches('김정은')).toBe(true);
		expect(matches('xi')).toBe(false);
	});

	it('requires every word, anywhere', () => {
		expect(matches('putin arms reuters')).toBe(true);
		expect(matches('putin xi')).toBe(false);
		expect(matches('russia amur')).toBe(true);
	});

	it('an empty query has no terms', () => {
		expect(queryTerms('   ')).toEqual([]);
	});
});
