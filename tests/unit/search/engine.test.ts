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

it('tells the page the keys of each block it names by places, once per writing, and which it let go', async () => {
	const engine = new SearchEngine((_datasetId, block) =>
		Promise.resolve({
			rev: `r${block}`,
			events: events.slice(block * 2, block * 2 + 2),
			// The first head of block 1 has no record here.
			at: block === 1 ? [1, 2] : [0, 1]
		})
	);
	const told: { added: string[][]; dropped: string[] }[] = [];
	engine.keys = (change) =>
		told.push({
			added: change.added.map(([rev, keys]) => [
				rev,
				...keys.split('\n').map((k) => k.split('\u001f')[1] ?? '')
			]),
			dropped: change.dropped
		});
	const ref = (block: number) => ({ datasetId: 'm', block, rev: `r${block}` });
	await engine.sync([ref(0), ref(1)]);
	expect(told).toEqual([
		{
			added: [
				['r0', events[0]!.id, events[1]!.id],
				['r1', '', events[2]!.id, events[3]!.id]
			],
			dropped: []
		}
	]);
	// The same writings: nothing to tell. One block gone: let go.
	await engine.sync([ref(0), ref(1)]);
	expect(told).toHaveLength(1);
	await engine.sync([ref(1)]);
	expect(told[1]).toEqual({ added: [], dropped: ['r0'] });
});
