import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkedHeadsOf,
	datasetBlocks,
	storedHeads,
	toStored,
	type LocatedHead
} from '$lib/db/database';
import {
	columnsHoldId,
	DamagedColumns,
	headColumns,
	headsFromColumns,
	type HeadColumns,
	viewSlot
} from '$lib/db/head-columns';
import { rawStoreJson } from '$lib/db/raw';
import type { DatasetId } from '$lib/model/schema';
import { event, meetings, nativeFile } from '../helpers';

const DATASET = 'ds-1' as DatasetId;

const text = fc.string({ unit: 'binary', maxLength: 12 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** A head with any of its optional parts, as the blocks keep it (no key set to undefined). */
const head: fc.Arbitrary<LocatedHead> = fc
	.record({
		id: text,
		title: text,
		start: text,
		end: maybe(text),
		uncertainty: maybe(
			fc.record(
				{ circa: maybe(fc.boolean()), earliest: maybe(text) },
				{ requiredKeys: [], noNullPrototype: true }
			)
		),
		kind: text,
		confidence: text,
		tags: fc.array(text, { maxLength: 3 }),
		participants: fc.array(
			fc.record({ actor: text, role: text }, { requiredKeys: ['actor'], noNullPrototype: true }),
			{
				maxLength: 3
			}
		),
		relations: fc.array(
			fc.record(
				{ type: text, source: text, target: text, directed: fc.boolean(), label: text },
				{ requiredKeys: ['type', 'source', 'target'], noNullPrototype: true }
			),
			{ maxLength: 2 }
		),
		country: maybe(text),
		startMs: fc.double({ noNaN: true }),
		endMs: fc.double({ noNaN: true }),
		recordBlock: fc.nat(1000)
	})
	.map(({ end, uncertainty, country, ...h }) => {
		const out = { ...h, datasetId: DATASET } as unknown as LocatedHead;
		if (end !== undefined) out.end = end as LocatedHead['end'];
		if (uncertainty !== undefined)
			out.uncertainty = JSON.parse(JSON.stringify(uncertainty)) as LocatedHead['uncertainty'];
		if (country !== undefined) out.place = { country };
		return out;
	});

function plainHead(id: string, more: Record<string, unknown> = {}): LocatedHead {
	return {
		id,
		title: `Event ${id}`,
		start: '2020',
		kind: 'other',
		confidence: 'reported',
		tags: [],
		participants: [],
		relations: [],
		datasetId: DATASET,
		startMs: 0,
		endMs: 1,
		recordBlock: 0,
		...more
	} as unknown as LocatedHead;
}

/**
 * Where each head's first participant (its actor's number; its role's is next) is among the
 * columns' numbers, for heads of one participant and no relation.
 */
function firstParticipants(cols: HeadColumns): number[] {
	const out: number[] = [];
	for (let at = 0, i = 0; i < cols.count; i++) {
		const actor = at + 3 + 1 + (cols.refs[at + 3] as number) + 1;
		out.push(actor);
		at = actor + 2 + 1;
	}
	return out;
}

function withRef(refs: Int32Array, at: number, value: number): Int32Array {
	const out = refs.slice();
	out[at] = value;
	return out;
}

/** A head's own fields, less the views' slot. */
function withoutSlot(h: LocatedHead): Omit<LocatedHead, typeof viewSlot> {
	const { [viewSlot]: _slot, ...own } = h;
	return own;
}

describe('head columns', () => {
	it('give back every head they were made from, with nothing added or lost', () => {
		fc.assert(
			fc.property(fc.array(head, { maxLength: 20 }), (heads) => {
				const back = headsFromColumns(headColumns(heads), DATASET);
				// Every head has the same fields (one shape for the engine): those it lacks are
				// undefined, which `toEqual` holds equal to absent, and nothing else is there but
				// the views' slot, empty; its span is read from the columns.
				for (const h of back) expect(Object.getOwnPropertySymbols(h)).toEqual([viewSlot]);
				expect(back.every((h) => h[viewSlot] === undefined)).toBe(true);
				const whole = back.map((h) => ({ ...withoutSlot(h), startMs: h.startMs, endMs: h.endMs }));
				expect(whole).toEqual(heads);
				for (const [i, h] of whole.entries())
					expect(
						Object.keys(h)
							.filter((k) => h[k as keyof typeof h] !== undefined)
							.sort()
					).toEqual(Object.keys(heads[i]!).sort());
				// JSON writes a head whole.
				expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(heads)));
			})
		);
	});

	it('keep the heads of a dataset as its blocks have them: ranges, uncertainty, roles, relations', () => {
		const file = nativeFile(meetings);
		const stored = file.events.map((e) => toStored(e, DATASET));
		const blocks = datasetBlocks(DATASET, stored);
		const block = blocks.heads[0]!;
		expect(block.cols?.count).toBe(meetings.length);
		expect(block.text).toBeUndefined();
		const heads = headsFromColumns(block.cols!, DATASET);
		const xi = heads.find((h) => h.id === 'xi-moscow-2013');
		expect(xi).toMatchObject({
			title: 'Xi Jinping state visit to Moscow',
			start: '2013-03-22',
			end: '2013-03-24',
			kind: 'state_visit',
			place: { country: 'RU' },
			datasetId: DATASET
		});
		expect(xi?.participants[0]).toEqual({ actor: 'xi-jinping', role: 'guest' });
		// Each head as the model makes it of its event (what the views drew before columns).
		for (const h of heads) {
			const e = stored.find((s) => s.id === h.id)!;
			expect(h.participants).toEqual(e.participants);
			expect(h.relations).toEqual(e.relations);
			expect(h.tags).toEqual(e.tags);
			expect(h.uncertainty).toEqual(e.uncertainty);
			expect([h.startMs, h.endMs]).toEqual([e.startMs, e.endMs]);
		}
	});

	it('share dates within a block, and values across blocks; relations are each head’s own', () => {
		const allies = { type: 'ally', source: 'putin', target: 'xi', directed: false };
		const blockOf = (ids: string[], more: Record<string, unknown>[]) =>
			headsFromColumns(headColumns(ids.map((id, i) => plainHead(id, more[i]))), DATASET);
		const [a, b, c] = blockOf(
			['a', 'b', 'c'],
			[
				{ relations: [allies], start: '2023-09-13', end: '2023-09-14' },
				{ relations: [{ ...allies }], start: '2023-09-13' },
				{ start: '2023-09-14', participants: [{ actor: 'kim' }] }
			]
		) as [LocatedHead, LocatedHead, LocatedHead];
		// Each date of the block is one string: equal, as written.
		expect(b.start).toBe('2023-09-13');
		expect(a.end).toBe(c.start);
		expect(b.end).toBeUndefined();
		expect(a.relations).toEqual([allies]);
		expect(b.relations).toEqual(a.relations);
		expect(b.relations).not.toBe(a.relations);
		// Another block's actor ids are the same values.
		const [e] = blockOf(['e'], [{ participants: [{ actor: 'kim' }] }]) as [LocatedHead];
		expect(e.participants[0]?.actor).toBe(c.participants[0]?.actor);
	});

	it('share a block’s places, participants and lists of tags between its heads, and keep each head’s own', () => {
		const same = {
			place: { country: 'RU' },
			participants: [{ actor: 'putin', role: 'host' }],
			tags: ['summit', 'energy']
		};
		const heads = headsFromColumns(
			headColumns([
				plainHead('a', same),
				plainHead('b', { ...same, tags: ['summit', 'energy'] }),
				plainHead('c', {
					place: { country: 'KP' },
					participants: [{ actor: 'putin' }],
					tags: ['energy', 'summit']
				}),
				plainHead('d', { tags: ['summit'] }),
				plainHead('e', { tags: ['summit'] })
			]),
			DATASET
		);
		const [a, b, c, d, e] = heads as [
			LocatedHead,
			LocatedHead,
			LocatedHead,
			LocatedHead,
			LocatedHead
		];
		expect(a.place).toBe(b.place);
		expect(a.participants[0]).toBe(b.participants[0]);
		// Each head's list of them is its own.
		expect(a.participants).not.toBe(b.participants);
		expect(a.tags).toBe(b.tags);
		expect(d.tags).toBe(e.tags);
		// The empty lists are one; relations of no head here.
		expect(a.relations).toBe(e.relations);
		expect(d.participants).toBe(a.relations);
		expect(c.place).toEqual({ country: 'KP' });
		expect(c.participants).toEqual([{ actor: 'putin' }]);
		// The same tags in another order are another list, in its own order.
		expect(c.tags).toEqual(['energy', 'summit']);
		expect(heads.map((h) => h.tags)).toEqual([
			['summit', 'energy'],
			['summit', 'energy'],
			['energy', 'summit'],
			['summit'],
			['summit']
		]);
	});

	it('find an id exactly, not a part of another', () => {
		const ids = ['a-10', 'b', 'a-1x', 'tail'];
		const heads = ids.map((id) => plainHead(id, { title: `a-1 ${id}`, tags: ['a-1'] }));
		const cols = headColumns(heads);
		expect(ids.map((id) => columnsHoldId(cols, id))).toEqual([true, true, true, true]);
		// A prefix of an id, of a title, a tag, an empty id: none is a head's id.
		expect(['a-1', 'a', 'tai', '', 'other'].map((id) => columnsHoldId(cols, id))).toEqual([
			false,
			false,
			false,
			false,
			false
		]);
	});

	it('that are damaged are refused whole, never half read', () => {
		const cols = datasetBlocks(
			DATASET,
			[
				event({ id: 'one', participants: [{ actor: 'putin', role: 'host' }] }),
				event({ id: 'two', start: '2024-01-01', participants: [{ actor: 'putin' }] })
			].map((e) => toStored(e, DATASET))
		).heads[0]!.cols!;
		const damaged: [string, (c: HeadColumns) => HeadColumns][] = [
			['a count beyond the heads', (c) => ({ ...c, count: 3 })],
			['a text cut short', (c) => ({ ...c, text: c.text.slice(0, -2) })],
			['a text too long', (c) => ({ ...c, text: `${c.text}x` })],
			[
				'a length past the text',
				(c) => ({ ...c, lengths: c.lengths.map((l, i) => (i ? l : 999)) })
			],
			['a word that is not there', (c) => ({ ...c, refs: c.refs.map((r, i) => (i ? r : 99)) })],
			['numbers missing', (c) => ({ ...c, refs: c.refs.slice(0, -1) })],
			['numbers left over', (c) => ({ ...c, refs: Int32Array.from([...c.refs, 0]) })],
			['a negative count', (c) => ({ ...c, refs: c.refs.map((r, i) => (i === 3 ? -2 : r)) })],
			[
				// The second head's participant, numbered so that it would be the first's (the same
				// actor and role) if the numbers were not checked.
				'a role before the first word',
				(c) => {
					const [first, second] = firstParticipants(c) as [number, number];
					const [actor, role] = [c.refs[first] as number, c.refs[first + 1] as number];
					const refs = withRef(c.refs, second, actor + 1);
					return { ...c, refs: withRef(refs, second + 1, role - (c.words.length + 1)) };
				}
			],
			['starts of another length', (c) => ({ ...c, startMs: new Float64Array(1) })],
			['no words', (c) => ({ ...c, words: undefined as unknown as string[] })],
			['a title missing', (c) => ({ ...c, titles: c.titles.slice(1) })],
			['a title not text', (c) => ({ ...c, titles: [c.titles[0]!, 7 as unknown as string] })],
			['a list for a typed array', (c) => ({ ...c, refs: [...c.refs] as unknown as Int32Array })]
		];
		for (const [what, damage] of damaged) {
			const bad = damage(cols);
			expect(() => headsFromColumns(bad, DATASET), what).toThrow(DamagedColumns);
			const checked = checkedHeadsOf({ datasetId: DATASET, block: 4, cols: bad });
			expect(checked.heads, what).toEqual([]);
			// How many events the block holds is said only where the columns agree on it.
			const said =
				what === 'a count beyond the heads' || what === 'a title missing' ? {} : { events: 2 };
			expect(checked.setAside, what).toEqual([
				{ datasetId: DATASET, block: 4, field: '', stored: bad, ...said }
			]);
		}
		expect(headsFromColumns(cols, DATASET).map((h) => h.id)).toEqual(['one', 'two']);
	});

	it('hold only heads as Trama writes them: another program’s stay text, as stored', () => {
		const good = datasetBlocks(DATASET, [toStored(event({ id: 'one' }), DATASET)]).heads[0]!;
		const heads = headsFromColumns(good.cols!, DATASET);
		expect(storedHeads(heads).cols?.count).toBe(1);
		const foreign = [
			{ ...heads[0], participants: 'Putin; Kim' },
			{ ...heads[0], end: 2024 },
			{ ...heads[0], place: { country: 7 } },
			{ ...heads[0], relations: [{ type: 'met', source: 'a', target: 'b', directed: 'yes' }] }
		] as unknown as LocatedHead[];
		for (const h of foreign) {
			const stored = storedHeads([heads[0]!, h]);
			expect(stored.cols).toBeUndefined();
			expect(stored.text).toBe(JSON.stringify([heads[0], h]));
		}
	});

	it('are kept as lists of numbers in a copy of the stored data', () => {
		const cols = headColumns([]);
		const json = rawStoreJson({
			database: 'trama',
			version: 110,
			tables: {
				heads: [
					{
						key: ['d', 0],
						value: { startMs: new Float64Array([1.5, 2]), refs: Int32Array.from([3, -1]), cols }
					}
				]
			}
		});
		const back = JSON.parse(json) as {
			tables: { heads: { value: { startMs: unknown; refs: unknown } }[] };
		};
		expect(back.tables.heads[0]?.value.startMs).toEqual([1.5, 2]);
		expect(back.tables.heads[0]?.value.refs).toEqual([3, -1]);
	});
});
