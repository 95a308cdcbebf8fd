/** The shipped default dataset: valid, sourced, without duplicates, and internally consistent. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endMs, startMs } from '$lib/model/dates';
import { normalise } from '$lib/model/search';
import { describeProblem } from '$lib/i18n';
import { parseNativeFile } from '$lib/model/validate';
import { actorIdsOf } from '$lib/model/events';

const json: unknown = JSON.parse(readFileSync('static/data/default.json', 'utf8'));
const parsed = parseNativeFile(json);

describe('static/data/default.json', () => {
	it('validates against the native schema', () => {
		expect(parsed.ok ? [] : parsed.problems.map(describeProblem)).toEqual([]);
	});
	if (!parsed.ok) return;
	const file = parsed.value;

	it('is the default dataset', () => {
		expect(file.dataset.id).toBe('default');
	});

	it('every event cites at least one source with a URL', () => {
		const unsourced = file.events.filter((e) => !e.sources.some((s) => s.url !== undefined));
		expect(unsourced.map((e) => e.id)).toEqual([]);
	});

	it('no two events are duplicates (same title, or same start and same actors and kind)', () => {
		const titles = new Map<string, string>();
		const keys = new Map<string, string>();
		const dupes: string[] = [];
		for (const e of file.events) {
			const title = normalise(e.title);
			const key = [e.start, e.end ?? '', e.kind, actorIdsOf(e).sort().join('+')].join('|');
			if (titles.has(title)) dupes.push(`${e.id} = ${titles.get(title)}`);
			if (keys.has(key)) dupes.push(`${e.id} ~ ${keys.get(key)}`);
			titles.set(title, e.id);
			keys.set(key, e.id);
		}
		expect(dupes).toEqual([]);
	});

	it('every actor referenced exists, and every actor is used', () => {
		const actors = new Set<string>(file.actors.map((a) => a.id));
		const used = new Set<string>(file.events.flatMap((e) => actorIdsOf(e)));
		expect([...used].filter((id) => !actors.has(id))).toEqual([]);
		expect([...actors].filter((id) => !used.has(id))).toEqual([]);
	});

	it('every end is after its start', () => {
		const bad = file.events.filter((e) => e.end !== undefined && endMs(e.end) <= startMs(e.start));
		expect(bad.map((e) => e.id)).toEqual([]);
	});

	it('every event has participants; denied claims are marked denied', () => {
		expect(file.events.filter((e) => e.participants.length === 0).map((e) => e.id)).toEqual([]);
		expect(file.events.some((e) => e.confidence === 'denied')).toBe(true);
	});
});

describe('the default dataset tells the checked facts', () => {
	if (!parsed.ok) return;
	const file = parsed.value;
	const byId = new Map<string, (typeof file.events)[number]>(file.events.map((e) => [e.id, e]));
	const get = (id: string) => {
		const e = byId.get(id);
		if (!e) throw new Error(`no event ${id}`);
		return e;
	};
	const xiPutin = file.events.filter(
		(e) =>
			e.participants.some((p) => p.actor === 'putin') &&
			e.participants.some((p) => p.actor === 'xi-jinping') &&
			e.relations.some(
				(r) => r.type === 'met' && [r.source, r.target].sort().join() === 'putin,xi-jinping'
			)
	);

	it('has at least 60 events and 15 actors', () => {
		expect(file.events.length).toBeGreaterThanOrEqual(60);
		expect(file.actors.length).toBeGreaterThanOrEqual(15);
	});

	it('lists the Xi–Putin in-person meetings 2013–2024, each with a place and a source', () => {
		expect(xiPutin.length).toBeGreaterThanOrEqual(38);
		for (const e of xiPutin) {
			expect(e.start >= '2013' && e.start < '2025', e.id).toBe(true);
			expect(e.place?.name, e.id).toBeTruthy();
			expect(e.sources.length, e.id).toBeGreaterThan(0);
		}
		// Xi's first trip abroad as president: Moscow, 22–24 March 2013.
		expect(get('xi-putin-2013-03-22-moscow')).toMatchObject({
			start: '2013-03-22',
			end: '2013-03-24',
			kind: 'state_visit',
			place: { name: 'Moscow', country: 'RU' }
		});
	});

	it('the Kim–Putin summit took place at Vostochny on 13 Sept 2023, not in Vladivostok', () => {
		expect(get('kim-putin-vostochny-2023')).toMatchObject({
			start: '2023-09-13',
			place: { name: 'Vostochny Cosmodrome, Amur Oblast', country: 'RU' },
			confidence: 'confirmed'
		});
	});

	it('the 2023 Eastern Economic Forum ran 10–13 Sept (the seed said 12–15)', () => {
		expect(get('eastern-economic-forum-2023')).toMatchObject({
			start: '2023-09-10',
			end: '2023-09-13'
		});
	});

	it('ballistic missiles went from Iran to Russia (the seed had the direction reversed), and Iran denied it', () => {
		const transfer = get('iran-ballistic-missiles-to-russia-2024');
		expect(transfer.relations).toContainEqual(
			expect.objectContaining({ type: 'supplied_weapons_to', source: 'iran', target: 'russia' })
		);
		expect(transfer.confidence).toBe('denied');
		expect(get('iran-denies-missiles-to-russia-2024').kind).toBe('denial');
	});

	it('the Starlink refusal near Crimea happened in Sept 2022 and was reported in Sept 2023', () => {
		expect(get('musk-starlink-sevastopol-refusal-2022').start).toBe('2022-09');
		expect(get('isaacson-excerpt-starlink-crimea-2023').start).toBe('2023-09-07');
	});

	it('the reported Musk–Putin contacts are denied, and the Kremlin denial is its own event', () => {
		expect(get('musk-putin-regular-contacts-reported').confidence).toBe('denied');
		expect(get('kremlin-denies-musk-putin-contacts-2024')).toMatchObject({
			start: '2024-10-25',
			kind: 'denial'
		});
	});

	it('Shoigu was in Pyongyang 25–27 July 2023; Putin visited Pyongyang and signed the treaty on 19 June 2024', () => {
		expect(get('shoigu-visit-pyongyang-2023')).toMatchObject({
			start: '2023-07-25',
			end: '2023-07-27'
		});
		expect(get('putin-state-visit-pyongyang-2024').start).toBe('2024-06-19');
		expect(
			get('russia-nk-comprehensive-strategic-partnership-treaty-2024').relations
		).toContainEqual(
			expect.objectContaining({
				type: 'signed_agreement_with',
				source: 'russia',
				target: 'north-korea'
			})
		);
	});
});
