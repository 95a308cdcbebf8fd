import { describe, expect, it } from 'vitest';
import { toImportResult } from '$lib/io/result';
import { describeProblem } from '$lib/i18n';
import { msg } from '$lib/model/messages';
import { event } from '../helpers';

const options = { datasetId: 'import-x', datasetName: 'x' };
const organisation = (id: string) => ({ id, name: id, kind: 'organisation' as const, aliases: [] });

describe('the end every importer shares', () => {
	const events = [
		event({ id: 'a', participants: [{ actor: 'group-kremlin' }] }),
		event({ id: 'b', start: '2024' })
	];
	const problem = { path: '[2].start', message: msg('date.shape', { text: 'soon' }) };

	it('makes a native file of the valid events with only the actors they use', () => {
		const result = toImportResult(
			'vis-timeline',
			{
				dataset: { id: 'import-x', name: 'Talks', description: 'From a file' },
				actors: [organisation('group-kremlin'), organisation('group-unused')],
				events
			},
			[problem],
			3,
			options
		);
		expect(result.format).toBe('vis-timeline');
		expect(result.total).toBe(3);
		expect(result.problems).toEqual([problem]);
		expect(result.file).toMatchObject({
			format: 'trama',
			version: 1,
			dataset: { id: 'import-x', name: 'Talks', description: 'From a file' },
			periods: []
		});
		expect(result.file.actors.map((a) => a.id)).toEqual(['group-kremlin']);
		expect(result.file.events.map((e) => e.id)).toEqual(['a', 'b']);
	});

	it('keeps the periods it is given, and names the dataset as the user was told by default', () => {
		const period = { id: 'era-1', label: 'War', start: '2022-02', end: '2023-12' };
		const result = toImportResult(
			'timelinejs',
			{ actors: [organisation('group-kremlin')], periods: [period as never], events },
			[],
			2,
			options
		);
		expect(result.file.periods).toEqual([period]);
		expect(result.file.dataset).toEqual({ id: 'import-x', name: 'x' });
	});

	it('gives an empty dataset under the name the user was told, with what the schema refused', () => {
		const result = toImportResult(
			'records',
			{ dataset: { id: 'import-x', name: '' }, actors: [organisation('group-kremlin')], events },
			[problem],
			3,
			options
		);
		expect(result.file.dataset).toEqual({ id: 'import-x', name: 'x' });
		expect(result.file.events).toEqual([]);
		expect(result.file.actors).toEqual([]);
		expect(result.problems.map(describeProblem)).toEqual([
			'[2].start: "soon" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM, with Z for UTC (-0299 for 300 BCE)',
			'dataset.name: the dataset name is empty'
		]);
	});
});
