/**
 * Properties of every importer and of backup restore, over random and mutated inputs: reading
 * never throws and never hangs, an input that is refused writes nothing, and an input imported
 * once imports the same way again (everything identical, nothing written twice).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TramaDatabase } from '$lib/db/database';
import { Repository } from '$lib/db/repository';
import { checkBackup, makeBackup, readBackup } from '$lib/io/backup';
import { commitPrepared, preparePreview, readSource, type Prepared } from '$lib/io/pipeline';
import { describeMessage } from '$lib/i18n';

/** A valid input of each kind the importer reads: the shipped examples and a list of records. */
const valid: Record<string, unknown> = {
	native: JSON.parse(readFileSync('static/examples/trama-example.json', 'utf8')),
	timelinejs: JSON.parse(readFileSync('static/examples/timelinejs-example.json', 'utf8')),
	vis: JSON.parse(readFileSync('static/examples/vis-timeline-example.json', 'utf8')),
	records: [
		{ title: 'Kim and Putin meet', date: '2023-09-13', place: 'Vostochny', actors: 'Kim; Putin' },
		{ title: 'Shoigu in Pyongyang', date: '2023-07-26', place: 'Pyongyang', actors: 'Shoigu' }
	]
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a JSON value, as a path of keys and indexes. */
function pathsOf(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []) {
	out.push(path);
	if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
	else if (value !== null && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
	return out;
}

type Mutation =
	| { kind: 'replace'; with: Json }
	| { kind: 'delete' }
	| { kind: 'wrap' }
	| { kind: 'stringify' }
	| { kind: 'duplicate' };

/** The value with one place changed: replaced, removed, put in a list, made text, or doubled. */
function mutate(value: Json, at: number, mutation: Mutation): Json {
	const copy = structuredClone(value);
	const paths = pathsOf(copy);
	const path = paths[at % paths.length]!;
	if (path.length === 0) return mutation.kind === 'replace' ? mutation.with : [copy];
	const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string, Json>)[k]!, copy);
	const key = path.at(-1)!;
	const holder = parent as Record<string | number, Json>;
	const old = holder[key]!;
	switch (mutation.kind) {
		case 'replace':
			holder[key] = mutation.with;
			break;
		case 'delete':
			if (Array.isArray(parent)) parent.splice(key as number, 1);
			else delete holder[key];
			break;
		case 'wrap':
			holder[key] = [old];
			break;
		case 'stringify':
			holder[key] = JSON.stringify(old);
			break;
		case 'duplicate':
			if (Array.isArray(parent)) parent.push(structuredClone(old));
			else holder[`${key}2`] = structuredClone(old);
			break;
	}
	return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('replace' as const), with: fc.jsonValue() as fc.Arbitrary<Json> }),
	fc.constant({ kind: 'delete' as const }),
	fc.constant({ kind: 'wrap' as const }),
	fc.constant({ kind: 'stringify' as const }),
	fc.constant({ kind: 'duplicate' as const })
);

/** A valid input of one kind with one to three changes. */
const mutated: fc.Arbitrary<Json> = fc
	.tuple(
		fc.constantFrom(...Object.values(valid)) as fc.Arbitrary<Json>,
		fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 })
	)
	.map(([base, changes]) => changes.reduce((v, [at, m]) => mutate(v, at, m), base));

let repo: Repository;
let n = 0;
beforeEach(() => {
	repo = new Repository(new TramaDatabase(`properties-${++n}`));
});
afterEach(async () => {
	await repo.db.delete();
});

const noProgress = () => {};

async function preview(text: string, name = 'input.json'): Promise<Prepared> {
	const read = await readSource({ kind: 'text', text, name }, noProgress);
	return preparePreview(read, { group: 'tag' }, repo, noProgress);
}

/** What is stored, to compare before and after. */
const stored = async () => JSON.stringify(await repo.contents());

describe('the importer, over random and mutated inputs', () => {
	it('never throws on any text, JSON or not', async () => {
		await fc.assert(
			fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), async (text) => {
				const p = await preview(text);
				// Either a reason, or what it read.
				expect(p.summary.error !== undefined || p.summary.total >= 0).toBe(true);
			}),
			{ numRuns: 150, timeout: 5_000 }
		);
	});

	it('never throws on any JSON value, and says why when nothing can be imported', async () => {
		await fc.assert(
			fc.asyncProperty(fc.jsonValue(), async (json) => {
				const p = await preview(JSON.stringify(json));
				if (p.summary.valid === 0)
					expect(
						p.summary.error !== undefined || p.summary.problemCount > 0 || p.summary.total === 0
					).toBe(true);
			}),
			{ numRuns: 150, timeout: 5_000 }
		);
	});

	it('a mutated file: read without throwing; refused, it writes nothing; imported, it imports the same way twice', async () => {
		await fc.assert(
			fc.asyncProperty(mutated, async (json) => {
				const text = JSON.stringify(json);
				const before = await stored();
				const first = await preview(text);
				if (first.summary.error || first.summary.valid === 0) {
					await expect(commitPrepared([first], repo, noProgress)).rejects.toThrow();
					expect(await stored()).toBe(before);
					return;
				}
				// Read twice, the same preview.
				const again = await preview(text);
				expect(again.summary).toEqual(first.summary);
				await commitPrepared([first], repo, noProgress);
				const written = await stored();
				// Imported once, the same file is all identical: nothing more to write.
				const third = await preview(text);
				expect(third.summary.added).toBe(0);
				expect(third.summary.changedCount).toBe(0);
				expect(third.summary.identical).toBe(first.summary.valid);
				expect(await stored()).toBe(written);
			}),
			{ numRuns: 300, timeout: 10_000 }
		);
	}, 120_000);
});

describe('restoring a backup, over random and mutated inputs', () => {
	const backup = makeBackup(
		{ datasets: [], actors: [] },
		{ 'trama.theme': 'dark' },
		new Date('2026-12-01T00:00:00Z')
	);

	it('never throws: a backup that is not one says why', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.jsonValue().map((v) => JSON.stringify(v)),
					fc
						.tuple(fc.nat(), mutation)
						.map(([at, m]) =>
							JSON.stringify(mutate(JSON.parse(JSON.stringify(backup)) as Json, at, m))
						)
				),
				(text) => {
					const read = readBackup(text);
					if (!read.ok) expect(read.error.code).toBeTruthy();
					let json: unknown;
					try {
						json = JSON.parse(text);
					} catch {
						return;
					}
					expect(() => checkBackup(json)).not.toThrow();
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('deeply nested input', () => {
	const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
	const base = { format: 'trama', version: 1, dataset: { id: 'd', name: 'D' }, actors: [] };
	const event = (id: string) => ({ id, title: id, start: '2023', confidence: 'reported' });

	it('a record with a value nested 10,000 levels deep is refused with its path; the others are kept', async () => {
		const native = JSON.stringify({ ...base, events: [event('a'), event('b')] }).replace(
			'"title":"a"',
			`"title":"a","extra":{"x":${deep(10_000)}}`
		);
		const p = await preview(native);
		expect(p.summary.error).toBeUndefined();
		expect(p.summary.valid).toBe(1);
		expect(p.summary.problems.map((x) => [x.path, describeMessage(x.message)])).toEqual([
			[
				'events[0].extra.x',
				'nested more than 100 levels deep: this record is left out (the others are kept)'
			]
		]);
		// In a list of records the field is the file's own.
		const records = `[{"title":"A","date":"2023","x":${deep(100_000)}},{"title":"B","date":"2024"}]`;
		const r = await preview(records);
		expect(r.summary.valid).toBe(1);
		expect(r.summary.problems.map((x) => x.path)).toEqual(['[0].x']);
	});

	it('a document nested 100,000 levels deep is refused in words, without a stack overflow', async () => {
		const p = await preview(deep(100_000));
		expect(describeMessage(p.summary.error!)).toBe(
			'this JSON is not a Trama, TimelineJS3 or vis-timeline file, nor a list of records'
		);
	});
});
