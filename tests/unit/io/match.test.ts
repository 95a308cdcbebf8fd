import { describe, expect, it } from 'vitest';
import { applyMatches, matchActors } from '$lib/io/match';
import { actorSchema, eventSchema, nativeFileSchema, type Actor } from '$lib/model/schema';
import { actorInputs } from '../helpers';

const stored: Actor[] = actorInputs.map((a) => actorSchema.parse(a));
const actor = (id: string, name: string, aliases: string[] = []) =>
	actorSchema.parse({ id, name, aliases, kind: 'person' });

describe('matching imported actors to stored ones', () => {
	it('matches by name ignoring case and accents', () => {
		const matches = matchActors([actor('group-vladimir-putin', 'VLADÍMIR PUTIN')], stored);
		expect(matches).toEqual([
			{
				imported: { id: 'group-vladimir-putin', name: 'VLADÍMIR PUTIN' },
				existing: { id: 'putin', name: 'Vladimir Putin' },
				via: 'VLADÍMIR PUTIN'
			}
		]);
	});

	it('matches through an alias on either side, in any script', () => {
		const matches = matchActors(
			[actor('a1', 'Серге́й Шойгу', ['Sergei Shoigu']), actor('a2', '김정은')],
			stored
		);
		expect(matches.map((m) => [m.imported.id, m.existing.id])).toEqual([
			['a1', 'shoigu'],
			['a2', 'kim-jong-un']
		]);
	});

	it('leaves alone actors already stored under their id, and names that only look alike', () => {
		expect(
			matchActors([actor('putin', 'Vladimir Putin'), actor('x', 'Vladimir Putín Jr.')], stored)
		).toEqual([]);
	});

	it('rewrites events to the stored actor and drops the imported record', () => {
		const file = nativeFileSchema.parse({
			format: 'trama',
			version: 1,
			dataset: { id: 'd', name: 'D' },
			actors: [
				{ id: 'vp', name: 'Vladímir Putin', kind: 'person' },
				{ id: 'putin', name: 'Vladimir Putin', kind: 'person' },
				{ id: 'kim', name: 'Kim Jong-un', kind: 'person' }
			],
			events: [
				{
					id: 'e1',
					title: 'Summit',
					start: '2023-09-13',
					confidence: 'confirmed',
					participants: [{ actor: 'vp' }, { actor: 'putin' }, { actor: 'kim' }],
					relations: [
						{ type: 'met', source: 'vp', target: 'putin' },
						{ type: 'met', source: 'vp', target: 'kim' }
					]
				}
			]
		});
		const matches = matchActors(file.actors, stored);
		expect(matches.map((m) => m.imported.id)).toEqual(['vp', 'kim']);
		const out = applyMatches(file, matches);
		expect(out.actors.map((a) => a.id)).toEqual(['putin']);
		expect(out.events[0]?.participants.map((p) => p.actor)).toEqual(['putin', 'kim-jong-un']);
		expect(out.events[0]?.relations).toEqual([
			{ type: 'met', source: 'putin', target: 'kim-jong-un' }
		]);
		// The events stay valid (their actors now live in the store, not in the file).
		expect(out.events.every((e) => eventSchema.safeParse(e).success)).toBe(true);
	});
});
