import { describe, expect, it } from 'vitest';
import { convertImport } from '$lib/io/detect';
import { fieldsOf, fromRecords, guessMapping, mappingKey, readMapping } from '$lib/io/records';
import { describeMessage, describeProblem } from '$lib/i18n';

const records = [
	{
		headline: 'Kim and Putin meet at Vostochny',
		when: '2023-09-13',
		who: 'Vladímir Putin; Kim Jong Un',
		where: 'Vostochny Cosmodrome',
		link: 'https://example.org/summit',
		mood: 'tense'
	},
	{ headline: 'Shoigu in Pyongyang', when: '2023-07', who: ['Sergei Shoigu'], mood: null },
	{ headline: 'Year only', when: 2019 },
	{ headline: 'Bad month', when: '2023-13-01' },
	{ headline: '', when: '2023-01-01' },
	'not an object'
];
const options = { datasetId: 'r', datasetName: 'Records' };

describe('plain lists of records', () => {
	it('lists the fields with how often each is filled and an example', () => {
		const fields = fieldsOf(records);
		expect(fields.map((f) => [f.name, f.filled])).toEqual([
			['headline', 4],
			['when', 5],
			['who', 2],
			['where', 1],
			['link', 1],
			['mood', 1]
		]);
		expect(fields[0]?.sample).toBe('Kim and Putin meet at Vostochny');
	});

	it('guesses the mapping from common field names', () => {
		expect(guessMapping(fieldsOf(records))).toEqual({
			title: 'headline',
			start: 'when',
			actors: 'who',
			place: 'where',
			url: 'link'
		});
	});

	it('converts with the mapping, keeping precision, and reports bad records with their field', () => {
		const result = fromRecords(records, {
			...options,
			mapping: { ...guessMapping(fieldsOf(records)), title: 'headline', start: 'when' }
		});
		expect(result.file.events.map((e) => [e.title, e.start])).toEqual([
			['Kim and Putin meet at Vostochny', '2023-09-13'],
			['Shoigu in Pyongyang', '2023-07'],
			['Year only', '2019']
		]);
		const summit = result.file.events[0];
		expect(summit?.participants.map((p) => p.actor)).toEqual([
			'actor-vladimir-putin',
			'actor-kim-jong-un'
		]);
		expect(summit?.place).toEqual({ name: 'Vostochny Cosmodrome' });
		expect(summit?.sources).toEqual([{ url: 'https://example.org/summit' }]);
		expect(summit?.extra).toEqual({ mood: 'tense' });
		expect(result.file.actors.map((a) => a.name)).toEqual([
			'Vladímir Putin',
			'Kim Jong Un',
			'Sergei Shoigu'
		]);
		expect(result.problems.map(describeProblem)).toEqual([
			'[3].when: "2023-13-01": 13 is not a month',
			'[4].headline: the title is empty',
			'[5]: a record must be an object'
		]);
		expect(result.total).toBe(6);
	});

	it('keeps a confidence the records state, and claims none they do not', () => {
		const stated = [
			{ title: 'Stated', date: '2023', confidence: 'Confirmed ' },
			{ title: 'Denied', date: '2023', confidence: 'denied' },
			{ title: 'Blank', date: '2023', confidence: '' },
			{ title: 'Other word', date: '2023', confidence: 'likely' },
			{ title: 'A number', date: '2023', confidence: 0.8 }
		];
		const mapping = guessMapping(fieldsOf(stated));
		expect(mapping.confidence).toBe('confidence');
		const r = fromRecords(stated, {
			...options,
			mapping: { ...mapping, title: 'title', start: 'date' }
		});
		expect(r.file.events.map((e) => [e.title, e.confidence])).toEqual([
			['Stated', 'confirmed'],
			['Denied', 'denied'],
			['Blank', 'unassessed']
		]);
		expect(r.problems.map(describeProblem)).toEqual([
			'[3].confidence: "likely" is not a confidence: use confirmed, reported, claimed, denied, unassessed, or leave the field unmapped (then every record is unassessed)',
			'[4].confidence: 0.8 is not a confidence: use confirmed, reported, claimed, denied, unassessed, or leave the field unmapped (then every record is unassessed)'
		]);
		// Records without a confidence field are unassessed, never "reported".
		const plain = fromRecords(records, {
			...options,
			mapping: { title: 'headline', start: 'when' }
		});
		expect(new Set(plain.file.events.map((e) => e.confidence))).toEqual(new Set(['unassessed']));
	});

	it('gives the same ids to the same records, so a second import changes nothing', () => {
		const mapping = { title: 'headline', start: 'when' };
		const a = fromRecords(records, { ...options, mapping });
		const b = fromRecords(structuredClone(records), { ...options, mapping });
		expect(a.file.events.map((e) => e.id)).toEqual(b.file.events.map((e) => e.id));
		expect(new Set(a.file.events.map((e) => e.id)).size).toBe(3);
	});

	it('asks for the title and date fields when it cannot guess them', () => {
		const read = convertImport([{ a: 'x', b: 'y' }], { group: 'tag', ...options });
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(describeMessage(read.error)).toBe(
			'this is a list of records: choose which field is the title and which the date'
		);
		expect(read.records?.fields.map((f) => f.name)).toEqual(['a', 'b']);
		const mapped = convertImport([{ a: 'x', b: '2020-05' }], {
			group: 'tag',
			...options,
			mapping: { title: 'a', start: 'b' }
		});
		expect(mapped.ok && mapped.result.file.events[0]?.start).toBe('2020-05');
	});

	it('remembers mappings by the set of field names, whatever their order', () => {
		expect(mappingKey(fieldsOf([{ b: 1, a: 2 }]))).toBe(mappingKey(fieldsOf([{ a: 1, b: 2 }])));
		expect(mappingKey(fieldsOf([{ a: 1 }]))).not.toBe(mappingKey(fieldsOf([{ a: 1, b: 2 }])));
	});

	it('reads records with fields seen before through the mapping remembered for them', () => {
		const key = mappingKey(fieldsOf([{ a: 1, b: 2 }]));
		const read = (remembered: Record<string, unknown>) =>
			convertImport([{ a: 'Summit', b: '2023-09-13' }], { group: 'tag', ...options, remembered });
		// Nothing guesses "a" and "b"; the remembered choice does.
		const known = read({ [key]: { title: 'a', start: 'b' } });
		expect(known.ok && known.result.file.events.map((e) => [e.title, e.start])).toEqual([
			['Summit', '2023-09-13']
		]);
		expect(known.records?.mapping).toEqual({ title: 'a', start: 'b' });
		expect(known.records?.key).toBe(key);
		// One that does not fit the fields (or is no mapping) is left for the guess.
		expect(read({ [key]: { title: 'headline', start: 'when' } }).ok).toBe(false);
		expect(read({ other: { title: 'a', start: 'b' } }).ok).toBe(false);
	});

	it('trusts a remembered mapping only when it is one, for fields the records have', () => {
		const fields = fieldsOf(records);
		const stored = (text: string) => readMapping(JSON.parse(text), fields);
		expect(stored('{"title": "headline", "start": "when", "actors": "who"}')).toEqual({
			title: 'headline',
			start: 'when',
			actors: 'who'
		});
		expect(stored('{}')).toEqual({});
		// A backup can carry any setting: whatever is not a mapping of these fields is ignored.
		expect(stored('{"title": "headline", "start": "when", "colour": "mood"}')).toBeUndefined();
		expect(stored('{"title": "headline", "start": 3}')).toBeUndefined();
		expect(stored('{"title": "headline", "start": "date"}')).toBeUndefined();
		expect(stored('{"__proto__": {"title": "headline"}}')).toBeUndefined();
		expect(stored('["headline", "when"]')).toBeUndefined();
		expect(stored('"headline"')).toBeUndefined();
		expect(stored('null')).toBeUndefined();
	});
});

describe('years before 1 and times without a zone in records', () => {
	const mapping = { title: 'headline', start: 'when' };
	const start = (when: unknown) => {
		const r = fromRecords([{ headline: 'X', when }], { ...options, mapping });
		return r.file.events[0]?.start ?? r.problems.map(describeProblem).join('; ');
	};

	it('reads a negative year number as spreadsheets write it: -300 is 300 BCE', () => {
		expect(start(-300)).toBe('-0299');
		expect(start(-3500)).toBe('-3499');
	});

	it('reads ISO years before 1 and years with their era', () => {
		expect(start('-0299')).toBe('-0299');
		expect(start('300 BCE')).toBe('-0299');
		expect(start('44 BC')).toBe('-0043');
	});

	it('refuses a cosmological year with the range message, never as an instant of 1969', () => {
		expect(start(-13_800_000_000)).toBe('[0].when: year outside 10000 BCE to 9999');
	});

	it('keeps a time without a zone as given', () => {
		expect(start('2023-09-13 10:00')).toBe('2023-09-13T10:00');
		expect(start('2023-09-13T10:00+02:00')).toBe('2023-09-13T08:00Z');
	});
});
