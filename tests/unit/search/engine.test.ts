import { expect, it } from 'vitest';
import { SearchEngine } from '$lib/search/engine';
import { actorInputs, event, meetings } from '../helpers';

const events = meetings.map((e) => ({ ...event(e), datasetId: 'm' }));

it('reads only the blocks it lacks at their revision, drops those no longer shown, and goes light past its bound', async () => {
	const reads: string[] = [];
	const engine = new SearchEngine((datasetId, block) => {
		reads.push(`${datasetId}:${block}`);
		return Promise.resolve({ rev: `r${block}`, events: events.slice(block * 2, block * 2 + 2) });
	}, 10_000);
	engine.setActors(actorInputs.map((a) => ({ ...a, aliases: [...a.aliases] })) as never);
	const progress: string[] = [];
	await engine.sync(
		[
			{ datasetId: 'm', block: 0, rev: 'r0' },
			{ datasetId: 'm', block: 1, rev: 'r1' }
		],
		(p) => progress.push(`${p.done}/${p.total}`)
	);
	expect(reads).toEqual(['m:0', 'm:1']);
	expect(progress).toEqual(['1/2', '2/2']);
	expect((await engine.query({ text: 'summit', facets: {} })).matched).toBe(1);

	// The same revisions: nothing read; one block gone: dropped.
	await engine.sync([{ datasetId: 'm', block: 0, rev: 'r0' }]);
	expect(reads).toHaveLength(2);
	expect((await engine.query({ text: '', facets: {} })).total).toBe(2);

	// Three blocks of up to 5,000 pass a bound of 10,000: a light index, read anew.
	await engine.sync([0, 1, 2].map((block) => ({ datasetId: 'm', block, rev: `r${block}` })));
	expect(reads.slice(2)).toEqual(['m:0', 'm:1', 'm:2']);
	const light = await engine.query({ text: 'kim', facets: {} });
	expect(light.light).toBe(true);
	expect(light.total).toBe(4);
});
