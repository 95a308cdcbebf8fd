/**
 * Every message code has English words and nothing else does; nested messages render inside
 * their parents; messages cross to the page as plain data; `i18n` depends on the model only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeError, describeMessage, describeProblem, t } from '$lib/i18n';
import { en } from '$lib/i18n/en';
import { MessageError } from '$lib/model/errors';
import {
	FIELDS,
	JSON_SYNTAX_ERRORS,
	MESSAGE_CODES,
	MESSAGE_PARAMS,
	msg,
	type Message,
	type ParamKinds
} from '$lib/model/messages';

/** A value of each parameter kind, to render every message with. */
const samples: ParamKinds = {
	number: 7,
	text: 'x',
	texts: ['"a"', '"b"'],
	flag: false,
	field: 'title',
	jsonSyntax: 'ValueExpected',
	message: msg('date.empty'),
	problems: [{ path: 'events[0]', message: msg('date.empty') }]
};

describe('the English catalogue', () => {
	it('has a text for every message code, and for nothing else', () => {
		expect(Object.keys(en.messages).sort()).toEqual([...MESSAGE_CODES].sort());
		expect(MESSAGE_CODES.length).toBeGreaterThan(80);
	});

	it('puts every code into words, whatever its parameters', () => {
		for (const code of MESSAGE_CODES) {
			const kinds: Record<string, keyof ParamKinds> = MESSAGE_PARAMS[code];
			const params = Object.fromEntries(
				Object.entries(kinds).map(([k, kind]) => [k, samples[kind]])
			);
			const text = describeMessage({ code, params } as Message);
			expect(text, code).toMatch(/\S/);
			expect(text, code).not.toMatch(/undefined|\[object |NaN/);
		}
	});

	it('names every field and every JSON syntax error', () => {
		for (const field of FIELDS) {
			expect(describeMessage(msg('schema.empty', { field }))).toMatch(/^(the|a|an) .+ is empty$/);
		}
		for (const reason of JSON_SYNTAX_ERRORS) {
			expect(describeMessage(msg('json.syntax', { line: 1, column: 2, reason }))).toMatch(
				/^not valid JSON at line 1, column 2: \S/
			);
		}
	});
});

describe('messages inside messages', () => {
	const notAMonth = msg('date.at', {
		text: '2023-13',
		reason: msg('date.notAMonth', { value: 13 })
	});

	it('renders a nested reason', () => {
		expect(describeMessage(notAMonth)).toBe('"2023-13": 13 is not a month');
		expect(describeProblem({ path: 'events[12].start', message: notAMonth })).toBe(
			'events[12].start: "2023-13": 13 is not a month'
		);
		expect(describeProblem({ path: '', message: msg('file.notObject') })).toBe(
			'a Trama file is a JSON object with "format": "trama"'
		);
	});

	it('renders lists of problems, each with its path and nested messages', () => {
		const problems = [
			{ path: 'actors[0].name', message: msg('schema.empty', { field: 'name' }) },
			{ path: 'datasets[1].events[3].start', message: notAMonth },
			{ path: '', message: msg('zod.unrecognizedKeys', { keys: ['"extra"'] }) }
		];
		expect(describeMessage(msg('backup.damaged', { problems, more: 2 }))).toBe(
			'the backup is damaged: actors[0].name: the name is empty; datasets[1].events[3].start: "2023-13": 13 is not a month; Unrecognized key: "extra" (and 2 more problems)'
		);
		expect(
			describeMessage(msg('backup.damaged', { problems: problems.slice(0, 1), more: 0 }))
		).toBe('the backup is damaged: actors[0].name: the name is empty');
		expect(describeMessage(msg('default.invalid', { problems: problems.slice(1, 2) }))).toBe(
			'the default dataset is invalid: datasets[1].events[3].start: "2023-13": 13 is not a month'
		);
	});

	it('goes into the interface’s own sentences', () => {
		expect(t.importer.urlBad(msg('download.notAddress', { text: 'x y' }))).toBe(
			'Cannot download: “x y” is not a web address.'
		);
		expect(t.importer.failed(msg('import.nothingValid'))).toBe(
			'The import failed and nothing was written: there is nothing valid to import'
		);
	});

	it('crosses from the worker to the page as plain data', () => {
		const summary = { error: notAMonth, problems: [{ path: 'a', message: notAMonth }] };
		expect(structuredClone(summary)).toEqual(summary);
	});
});

describe('errors', () => {
	it('carry a message, rendered by the page; other errors keep their own text', () => {
		const error = new MessageError(msg('store.noDataset', { id: 'nope' }));
		expect(error.msg).toEqual({ code: 'store.noDataset', params: { id: 'nope' } });
		expect(error.message).toBe('store.noDataset {"id":"nope"}');
		expect(describeError(error)).toBe('there is no dataset "nope"');
		expect(describeError(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
		expect(describeError('odd')).toBe('odd');
	});
});

describe('src/lib/i18n', () => {
	it('imports from the model and from itself only', () => {
		const dir = 'src/lib/i18n';
		for (const file of readdirSync(dir)) {
			const source = readFileSync(`${dir}/${file}`, 'utf8');
			const imports = [...source.matchAll(/^import[^;]*?from '([^']+)'/gms)].map((m) => m[1]);
			expect(imports.length, file).toBeGreaterThan(0);
			for (const from of imports) expect(from, file).toMatch(/^\.\.\/model\/|^\.\//);
		}
	});
});
