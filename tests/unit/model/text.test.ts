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
