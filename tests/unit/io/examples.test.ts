import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeMessage } from '$lib/i18n';
import { readImport } from '$lib/io/detect';

const read = (name: string) =>
	readImport(readFileSync(`static/examples/${name}`, 'utf8'), {
		group: 'actor',
		datasetId: 'example',
		datasetName: 'Example'
	});

describe('the example files shipped in static/examples', () => {
	it.each([
		['trama-example.json', 'native', 2],
		['timelinejs-example.json', 'timelinejs', 3],
		['vis-timeline-example.json', 'vis-timeline', 3]
	])('%s reads as %s with %i events and no problems', (name, format, events) => {
		const r = read(name);
		if (!r.ok) throw new Error(describeMessage(r.error));
		expect(r.result.format).toBe(format);
		expect(r.result.file.events).toHaveLength(events);
		expect(r.result.problems).toEqual([]);
	});
});
