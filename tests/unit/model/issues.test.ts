/**
 * zod issues as messages: the schema's own messages come back as they were given, and zod's
 * built-in checks read, in English, exactly as zod's own English says them.
 */
import { describe, expect, it } from 'vitest';
import { z } from '$lib/model/zod';
import { describeMessage, describeProblem } from '$lib/i18n';
import { groupProblems, messageOfIssue } from '$lib/model/issues';
import { msg } from '$lib/model/messages';
import { datasetSchema, eventSchema, placeSchema, relationSchema } from '$lib/model/schema';
import { formatPath, validate } from '$lib/model/validate';
import { eventInput } from '../helpers';

/** Our English and zod's English for the same input, issue by issue. */
function bothWays(schema: z.ZodType, input: unknown) {
	const ours = validate(schema, input);
	const zods = schema.safeParse(input);
	expect(ours.ok).toBe(false);
	expect(zods.success).toBe(false);
	return {
		ours: ours.ok ? [] : ours.problems.map(describeProblem),
		zods: (zods.error?.issues ?? []).map((i) => {
			const path = formatPath(i.path);
			return path === '' ? i.message : `${path}: ${i.message}`;
		})
	};
}

describe('zod’s built-in checks', () => {
	it.each([
		['a wrong kind and an unknown option', eventSchema, eventInput({ id: 'e', kind: 5 as never })],
		['a list that is text', eventSchema, { ...eventInput({ id: 'e' }), participants: 'x' }],
		['a flag that is text', relationSchema, { type: 'met', source: 'a', target: 'b', directed: 1 }],
		['several unknown keys', eventSchema, { ...eventInput({ id: 'e' }), a: 1, b: 2 }],
		['an extra that is a list', eventSchema, { ...eventInput({ id: 'e' }), extra: [1] }],
		['coordinates out of range', placeSchema, { name: 'P', lat: 100, lon: -200 }],
		['coordinates that are not numbers', placeSchema, { name: 'P', lat: NaN, lon: Infinity }],
		[
			'an origin of no known kind, a bad instant, a negative and a fractional count',
			datasetSchema,
			{
				id: 'd',
				name: 'D',
				origin: { kind: 'fax' },
				importedAt: 'yesterday',
				eventCount: -1.5
			}
		],
		['a number that is not a multiple', z.number().multipleOf(3), 4],
		['a missing prefix', z.string().startsWith('ab'), 'x'],
		['a missing suffix', z.string().endsWith('yz'), 'x'],
		['a missing part', z.string().includes('mid'), 'x'],
		['a pattern', z.string().regex(/^a+$/), 'b'],
		['an e-mail', z.email(), 'b'],
		[
			'a short string and a long list',
			z.object({ s: z.string().min(3), l: z.array(z.number()).max(1) }),
			{ s: 'a', l: [1, 2] }
		],
		['an exact length', z.string().length(2), 'abc'],
		['a set element', z.set(z.number()), new Set(['a'])],
		['a map key', z.map(z.number(), z.string()), new Map([['a', 'b']])],
		['one literal', z.literal('trama'), 'x'],
		['a plain union', z.union([z.string(), z.number()]), true]
	])('%s', (_what, schema, input) => {
		const { ours, zods } = bothWays(schema as z.ZodType, input);
		expect(ours).toEqual(zods);
	});
});

describe('the schema’s own messages', () => {
	it('come back as the messages they were given', () => {
		const r = validate(eventSchema, eventInput({ id: 'e', start: '2023-13' }));
		expect(r.ok ? [] : r.problems).toEqual([
			{
				path: 'start',
				message: msg('date.at', { text: '2023-13', reason: msg('date.notAMonth', { value: 13 }) })
			}
		]);
	});

	it('an issue that went round the error map still says that the input is invalid', () => {
		const zods = z.number().safeParse('x');
		const issue = zods.error?.issues[0];
		expect(issue && messageOfIssue(issue)).toEqual(msg('zod.invalid'));
	});
});

describe('identical problems of several records', () => {
	const month13 = msg('date.notAMonth', { value: 13 });
	const problems = [
		{ path: 'events[0].start_date.month', message: month13 },
		{ path: 'events[1].text', message: msg('import.eventNotObject') },
		{ path: 'events[2].start_date.month', message: month13 },
		{ path: 'events[2].end_date.month', message: month13 },
		{ path: 'events[5].start_date.month', message: msg('date.notAMonth', { value: 14 }) },
		{ path: 'events[7].start_date.month', message: month13 }
	];

	it('are gathered by message, in the order each first appears, with their records and paths', () => {
		const groups = groupProblems(problems);
		expect(groups.map((g) => [describeMessage(g.message), g.count, g.records, g.paths])).toEqual([
			[
				'13 is not a month',
				4,
				3,
				[
					'events[0].start_date.month',
					'events[2].start_date.month',
					'events[2].end_date.month',
					'events[7].start_date.month'
				]
			],
			['an event must be an object', 1, 1, ['events[1].text']],
			// Another value is another message: not grouped with 13.
			['14 is not a month', 1, 1, ['events[5].start_date.month']]
		]);
	});

	it('keep at most the paths asked for, and count them all', () => {
		const many = Array.from({ length: 250 }, (_, i) => ({
			path: `[${i}].when`,
			message: msg('date.empty')
		}));
		const [group] = groupProblems(many, 100);
		expect(group?.count).toBe(250);
		expect(group?.records).toBe(250);
		expect(group?.paths).toHaveLength(100);
		expect(group?.paths[99]).toBe('[99].when');
	});
});
