import { describe, expect, it } from 'vitest';
import { parseQuery } from '$lib/search/query';
import { fold, phraseText, tokenize } from '$lib/search/text';

describe('tokenize', () => {
	it('folds case and accents in Latin and Cyrillic script', () => {
		expect(tokenize('Vladímir PUTIN, Ёлка')).toEqual(['vladimir', 'putin', 'елка']);
		expect(fold('Владимир Путин')).toBe('владимир путин');
	});
	it('splits CJK text into its characters and keeps Hangul syllables whole', () => {
		expect(tokenize('习近平 visited')).toEqual(['习', '近', '平', 'visited']);
		expect(tokenize('김정은')).toEqual(['김', '정', '은']);
	});
	it('gives the phrase check whole words between spaces', () => {
		expect(phraseText('Kim Jong-un')).toBe(' kim jong un ');
		expect(phraseText('  ')).toBe('');
	});
});

describe('parseQuery', () => {
	it('reads words, all required, the last still open', () => {
		expect(parseQuery('Kim putin')).toEqual([
			{ tokens: ['kim'], phrase: false, negate: false, open: false },
			{ tokens: ['putin'], phrase: false, negate: false, open: true }
		]);
		expect(parseQuery('kim ')[0]?.open).toBe(false);
	});
	it('reads phrases, exclusions and field prefixes', () => {
		expect(parseQuery('"Kim Jong" -tag:rumour actor:"Xi" -denied place:Moscú')).toEqual([
			{ tokens: ['kim', 'jong'], phrase: true, negate: false, open: false },
			{ tokens: ['rumour'], phrase: false, field: 'tag', negate: true, open: false },
			{ tokens: ['xi'], phrase: false, field: 'actor', negate: false, open: false },
			{ tokens: ['denied'], phrase: false, negate: true, open: false },
			{ tokens: ['moscu'], phrase: false, field: 'place', negate: false, open: true }
		]);
	});
	it('keeps an unclosed phrase open and reads a hyphenated word and CJK as phrases', () => {
		expect(parseQuery('"north kor')).toEqual([
			{ tokens: ['north', 'kor'], phrase: true, negate: false, open: true }
		]);
		expect(parseQuery('kim-jong')[0]).toMatchObject({ tokens: ['kim', 'jong'], phrase: true });
		expect(parseQuery('普京')[0]).toMatchObject({ tokens: ['普', '京'], phrase: true });
	});
	it('searches an unknown field and its value as words, and ignores what has no words', () => {
		expect(parseQuery('foo:bar')).toEqual([
			{ tokens: ['foo', 'bar'], phrase: false, negate: false, open: true }
		]);
		expect(parseQuery(' - "" , ')).toEqual([]);
	});
});
