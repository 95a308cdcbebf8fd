import { describe, expect, it } from 'vitest';
import { actorSchema, eventSchema, isDirected, periodSchema } from '$lib/model/schema';
import { describeProblem } from '$lib/i18n';
import { parseNativeFile, validate, type Validated } from '$lib/model/validate';
import { actorInputs, eventInput, meetings } from '../helpers';

/** The problems as the user reads them, in English. */
const said = (r: Validated<unknown>) => (r.ok ? [] : r.problems.map(describeProblem));
const problems = (input: unknown) => said(validate(eventSchema, input));

describe('event schema: good records', () => {
	it('accepts a full record and applies defaults to a minimal one', () => {
		const full = eventSchema.parse({
			id: 'kim-putin-vostochny-2023',
			title: 'Kim and Putin meet at the Vostochny Cosmodrome',
			summary: 'Talks on arms and satellites.',
			start: '2023-09-13',
			uncertainty: { circa: false },
			place: { name: 'Vostochny Cosmodrome', country: 'RU', lat: 51.88, lon: 128.33 },
			participants: [
				{ actor: 'putin', role: 'host' },
				{ actor: 'kim-jong-un', role: 'guest' }
			],
			relations: [
				{ type: 'hosted', source: 'putin', target: 'kim-jong-un' },
				{ type: 'met', source: 'putin', target: 'kim-jong-un' }
			],
			kind: 'summit',
			tags: ['arms', 'space'],
			sources: [
				{
					url: 'https://www.reuters.com/world/x',
					title: 'Putin and Kim meet',
					publisher: 'Reuters',
					published: '2023-09-13',
					quote: 'That is why we came here.',
					language: 'en'
				}
			],
			confidence: 'confirmed',
			notes: 'The seed article expected Vladivostok.',
			extra: { media: { credit: 'AP' }, rank: 3 }
		});
		expect(full.place?.country).toBe('RU');
		expect(full.relations.map(isDirected)).toEqual([true, false]);

		const minimal = eventSchema.parse({
			id: 'e',
			title: 'T',
			start: '2023',
			confidence: 'claimed'
		});
		expect(minimal).toMatchObject({
			participants: [],
			relations: [],
			tags: [],
			sources: [],
			kind: 'other'
		});
	});

	it('lets a relation override its default direction', () => {
		const e = eventSchema.parse(
			eventInput({
				id: 'call',
				participants: [{ actor: 'putin' }, { actor: 'xi-jinping' }],
				relations: [{ type: 'called', source: 'putin', target: 'xi-jinping', directed: false }]
			})
		);
		expect(e.relations[0] && isDirected(e.relations[0])).toBe(false);
	});

	it('keeps an actor with aliases in several scripts', () => {
		const putin = actorSchema.parse(actorInputs[0]);
		expect(putin.aliases).toEqual(['Vladímir Putin', 'Владимир Путин']);
	});

	it('accepts a period', () => {
		expect(
			periodSchema.parse({ id: 'p', label: 'War', start: '2022-02-24', end: '2024' }).label
		).toBe('War');
	});
});

describe('event schema: bad records get a path and a reason', () => {
	it('an impossible date', () => {
		expect(problems(eventInput({ id: 'e', start: '2023-13' }))).toEqual([
			'start: "2023-13": 13 is not a month'
		]);
		expect(problems(eventInput({ id: 'e', start: '2023-02-30' }))).toEqual([
			'start: "2023-02-30": 30 is not a day of February 2023 (it has 28 days)'
		]);
	});

	it('a year outside 10000 BCE to 9999', () => {
		expect(problems(eventInput({ id: 'e', start: '-10000' }))).toEqual([
			'start: year outside 10000 BCE to 9999'
		]);
		expect(problems(eventInput({ id: 'e', start: '-0299', end: '0014' }))).toEqual([]);
	});

	it('an end before the start', () => {
		expect(problems(eventInput({ id: 'e', start: '2023-09-13', end: '2023-09-12' }))).toEqual([
			'end: ends (2023-09-12) before it starts (2023-09-13)'
		]);
	});

	it('uncertainty bounds that contradict the date', () => {
		expect(
			problems(eventInput({ id: 'e', start: '2023-08', uncertainty: { earliest: '2023-09-02' } }))
		).toEqual([
			'uncertainty.earliest: the earliest date (2023-09-02) is after the event (2023-08)'
		]);
		expect(
			problems(eventInput({ id: 'e', start: '2023-08', uncertainty: { latest: '2023-07' } }))
		).toEqual(['uncertainty.latest: the latest date (2023-07) is before the event (2023-08)']);
		expect(
			problems(
				eventInput({
					id: 'e',
					start: '2023',
					uncertainty: { earliest: '2023-10', latest: '2023-03' }
				})
			)
		).toEqual(['uncertainty.latest: the latest date (2023-03) is before the earliest (2023-10)']);
	});

	it('an end inside the start’s own span is fine (month start, day end)', () => {
		expect(problems(eventInput({ id: 'e', start: '2023-09', end: '2023-09-20' }))).toEqual([]);
	});

	it('missing required fields and unknown confidence', () => {
		expect(problems({ id: 'e', start: '2023' })).toEqual([
			'title: the title must be text',
			'confidence: Invalid option: expected one of "confirmed"|"reported"|"claimed"|"denied"|"unassessed"'
		]);
	});

	it('an empty title, a bad country, a half coordinate, a non-http URL', () => {
		expect(
			problems(
				eventInput({
					id: 'e',
					title: '   ',
					place: { name: 'Moscow', country: 'XX', lat: 55.75 },
					sources: [{ url: 'javascript:alert(1)' }]
				})
			)
		).toEqual([
			'title: the title is empty',
			'place.country: "XX" is not a country code',
			'place.lat: give both lat and lon, or neither',
			'sources[0].url: a source URL must be a full http(s) address'
		]);
	});

	it('a country code of the wrong shape is said once, and never throws', () => {
		// Once a RangeError from Intl refused the whole file.
		for (const country of ['"RU"', 'ru', 'RUS', '', '\u0000'])
			expect(problems(eventInput({ id: 'e', place: { name: 'Moscow', country } }))).toEqual([
				'place.country: use a two-letter ISO 3166-1 country code such as "RU"'
			]);
	});

	it('a relation to an actor who is not a participant, and a participant listed twice', () => {
		expect(
			problems(
				eventInput({
					id: 'e',
					participants: [{ actor: 'putin' }, { actor: 'putin' }],
					relations: [{ type: 'supplied_weapons_to', source: 'kim-jong-un', target: 'putin' }]
				})
			)
		).toEqual([
			'participants[1].actor: "putin" is listed twice',
			'relations[0].source: "kim-jong-un" is not a participant of this event'
		]);
	});

	it('an unknown field is refused rather than silently dropped', () => {
		expect(problems({ ...eventInput({ id: 'e' }), startt: '2023' })).toEqual([
			'Unrecognized key: "startt"'
		]);
	});
});

describe('native file', () => {
	const file = (over: Record<string, unknown>) => ({
		format: 'trama',
		version: 1,
		dataset: { id: 'd', name: 'D' },
		actors: actorInputs,
		events: meetings,
		...over
	});

	it('accepts a valid file', () => {
		const r = parseNativeFile(file({}));
		expect(r.ok && r.value.events.length).toBe(4);
	});

	it('refuses something that is not a Trama file with one message', () => {
		expect(said(parseNativeFile([1, 2]))).toEqual([
			'a Trama file is a JSON object with "format": "trama"'
		]);
		expect(said(parseNativeFile({ events: [] }))).toEqual([
			'format: this is not a Trama file ("format" is not "trama")'
		]);
	});

	it('names a newer format version, or one it does not know', () => {
		expect(said(parseNativeFile(file({ version: 2 })))).toEqual([
			'version: the file is format version 2; this version of Trama reads version 1'
		]);
		expect(said(parseNativeFile(file({ version: '1' })))).toEqual([
			'version: unknown format version "1"; this version of Trama reads version 1'
		]);
	});

	it('finds duplicate ids and unknown actors', () => {
		const r = parseNativeFile(
			file({
				events: [
					meetings[0],
					meetings[0],
					eventInput({ id: 'x', participants: [{ actor: 'nobody' }] })
				]
			})
		);
		expect(said(r)).toEqual([
			'events[1].id: the id "xi-moscow-2013" is used twice',
			'events[2].participants[0].actor: no actor has the id "nobody"'
		]);
	});
});
