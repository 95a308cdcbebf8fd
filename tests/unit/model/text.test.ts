import { describe, expect, it } from 'vitest';
import { foldAccents } from '$lib/model/text';
import { normalise } from '$lib/model/search';
import { slug } from '$lib/io/result';

describe('foldAccents', () => {
	it('lower-cases and drops accents, leaving other scripts and spacing alone', () => {
		expect(foldAccents('Vladímir  PUTIN')).toBe('vladimir  putin');
		expect(foldAccents('Serguéi Shoigú')).toBe('serguei shoigu');
		expect(foldAccents('Владимир Путин')).toBe('владимир путин');
	});

	it('is the one folding the table filter and ids share', () => {
		expect(normalise(' Grupo  Wágner ')).toBe('grupo wagner');
		expect(slug('Grupo Wágner')).toBe('grupo-wagner');
	});
});

describe('findNamed', () => {
	const actors = [
		{ id: 'putin', name: 'Vladimir Putin', aliases: ['Vladímir Putin', 'Владимир Путин'] },
		{ id: 'kim', name: 'Kim Jong Un', aliases: ['Kim Jong-un'] },
		{ id: 'a', name: 'Alias Holder', aliases: ['Kim Jong Un'] }
	];

	it('finds a record by its name or an alias, whatever the case, accents and spaces', async () => {
		const { findNamed } = await import('$lib/model/text');
		expect(findNamed(actors, '  vladimir   PUTIN ')?.id).toBe('putin');
		expect(findNamed(actors, 'Владимир Путин')?.id).toBe('putin');
		expect(findNamed(actors, 'kim jong-un')?.id).toBe('kim');
		// A name wins over another record's alias.
		expect(findNamed(actors, 'Kim Jong Un')?.id).toBe('kim');
		expect(findNamed(actors, 'Putin')).toBeUndefined();
		expect(findNamed(actors, '  ')).toBeUndefined();
	});
});

describe('hidden characters', () => {
	it('finds the bidirectional and zero-width characters a name can hide, and writes them out', async () => {
		const { hiddenCharacters, revealHidden } = await import('$lib/model/text');
		// With an override in front, "nituP" shows as "Putin"; a zero-width space splits another.
		expect(hiddenCharacters('\u202Enitu\u200BP\u202E')).toEqual(['U+202E', 'U+200B']);
		expect(revealHidden('\u202EnituP')).toBe('⟦U+202E⟧nituP');
		expect(revealHidden('Pu\u200Btin\uFEFF')).toBe('Pu⟦U+200B⟧tin⟦U+FEFF⟧');
		// Ordinary text in any script is left alone, joiners in emoji and Arabic marks aside.
		for (const text of [
			'Владимир Путин',
			'习近平',
			'김정은',
			'Vladímir Putin',
			'محمد',
			'می\u200Cخواهم'
		])
			expect(hiddenCharacters(text)).toEqual([]);
	});
});
