/**
 * Every language file says the same things: a key one has, the others have, and every key is
 * used somewhere in the interface. A third language is one more file; this test names what it
 * lacks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '$lib/i18n/en';
import { es } from '$lib/i18n/es';
import { chooseLanguage, LANGUAGE_KEY, LANGUAGES } from '$lib/i18n';
import { checkedSetting } from '$lib/state/settings';

/** Every key path of a language's texts: `table.circa`; message codes are keys (`date.shape`). */
function paths(value: unknown, prefix: string[] = []): string[][] {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
	return Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]));
}

const at = (texts: unknown, path: string[]): unknown =>
	path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], texts);

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(name) && !/\/i18n\/[a-z]{2}\.ts$/.test(path) ? [path] : [];
	});
}

describe('the language files', () => {
	it('offers each language the registry names', () => {
		expect(Object.keys(LANGUAGES)).toEqual(['en', 'es']);
	});

	it('have the same keys, each of the same kind (text or function)', () => {
		const kinds = (texts: unknown) =>
			paths(texts).map((p) => `${p.join(' → ')}: ${typeof at(texts, p)}`);
		expect(kinds(es)).toEqual(kinds(en));
	});

	it('have no key that nothing uses', () => {
		const source = sourceFiles('src')
			.map((f) => readFileSync(f, 'utf8'))
			.join('\n');
		// Sections read by a key chosen at run time (`t.confidence[level]`) count as used whole.
		// Message codes are read through the code a message carries; the types pair them.
		const { messages: _codes, ...sections } = en;
		const unused = Object.entries(sections).flatMap(([section, texts]) => {
			if (typeof texts !== 'object')
				return new RegExp(`\\.${section}\\b`).test(source) ? [] : [section];
			if (new RegExp(`\\.${section}\\[`).test(source)) return [];
			return Object.keys(texts).flatMap((key) =>
				new RegExp(`\\.${section}\\.${key}\\b|\\.${section}\\?\\.${key}\\b`).test(source)
					? []
					: [`${section}.${key}`]
			);
		});
		expect(unused).toEqual([]);
	});

	it('translate what they show: no Spanish text is the English one, but for names and shared words', () => {
		const same = paths(en)
			.filter((p) => {
				const text = at(en, p);
				return typeof text === 'string' && text === at(es, p) && /[a-z]{4}/.test(text);
			})
			.map((p) => p.join('.'));
		// Names, and words Spanish shares with English, each looked at.
		expect(same).toEqual([
			'app.name',
			'timeline.grouping.actor',
			'importer.urlPlaceholder',
			'importer.format.native',
			'importer.format.timelinejs',
			'importer.format.vis-timeline',
			'actorPanel.label',
			'details.mediaKind.audio',
			'filter.facet.actor'
		]);
	});
});

describe('choosing the language', () => {
	it('takes the user’s choice, else the first of the browser’s languages Trama speaks, else English', () => {
		expect(chooseLanguage(null, ['es-ES', 'en-GB'])).toBe('es');
		expect(chooseLanguage(null, ['fr-FR', 'es-419', 'en'])).toBe('es');
		expect(chooseLanguage(null, ['en-US', 'es'])).toBe('en');
		expect(chooseLanguage('en', ['es-ES'])).toBe('en');
		expect(chooseLanguage('es', ['en-US'])).toBe('es');
		expect(chooseLanguage('fr', ['de-DE', 'pt-BR'])).toBe('en');
		expect(chooseLanguage(null, [])).toBe('en');
	});

	it('is a setting a backup carries, restored only when Trama speaks it', () => {
		expect(checkedSetting(LANGUAGE_KEY, 'es')).toBe('es');
		expect(checkedSetting(LANGUAGE_KEY, 'fr')).toBeUndefined();
		expect(checkedSetting(LANGUAGE_KEY, '<b>es</b>')).toBeUndefined();
	});
});
