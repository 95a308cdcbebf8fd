import { describe, expect, it } from 'vitest';
import { mergedActor, mergeInEvent, names, relationsLost, withoutActor } from '$lib/model/actors';
import { actorSchema, type ActorId } from '$lib/model/schema';
import { event } from '../helpers';

const id = (s: string) => s as ActorId;
const talks = event({
	id: 'talks',
	participants: [{ actor: 'putin' }, { actor: 'pasted-putin', role: 'host' }, { actor: 'kim' }],
	relations: [
		{ type: 'met', source: 'pasted-putin', target: 'kim' },
		{ type: 'met', source: 'putin', target: 'kim' },
		{ type: 'hosted', source: 'pasted-putin', target: 'putin' }
	]
});

describe('merging two actors that are one', () => {
	it('names the kept actor once, with a role, and drops relations that would link it to itself', () => {
		const merged = mergeInEvent(talks, id('putin'), id('pasted-putin'));
		expect(merged.participants).toEqual([{ actor: 'putin', role: 'host' }, { actor: 'kim' }]);
		// "pasted met Kim" became the same as "Putin met Kim": kept once; "pasted hosted Putin" went.
		expect(merged.relations).toEqual([{ type: 'met', source: 'putin', target: 'kim' }]);
		expect(relationsLost(talks, id('putin'), id('pasted-putin'))).toBe(2);
		expect(names(merged, id('pasted-putin'))).toBe(false);
	});

	it('gives the kept actor the other’s names as aliases, once each, and fills what it lacks', () => {
		const keep = actorSchema.parse({
			id: 'putin',
			name: 'Vladimir Putin',
			aliases: ['Владимир Путин'],
			kind: 'person'
		});
		const drop = actorSchema.parse({
			id: 'pasted-putin',
			name: 'Putin',
			aliases: ['vladímir putin', 'Владимир Путин', 'V. Putin'],
			kind: 'person',
			country: 'RU',
			description: 'President of Russia'
		});
		expect(mergedActor(keep, drop)).toEqual({
			...keep,
			aliases: ['Владимир Путин', 'Putin', 'V. Putin'],
			country: 'RU',
			description: 'President of Russia'
		});
	});
});

describe('taking an actor out of an event', () => {
	it('drops its participation and every relation it is in', () => {
		const out = withoutActor(talks, id('kim'));
		expect(out.participants.map((p) => p.actor)).toEqual(['putin', 'pasted-putin']);
		expect(out.relations).toEqual([{ type: 'hosted', source: 'pasted-putin', target: 'putin' }]);
	});
});
