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
	const betweenXiAndPutin = (r: { source: string; target: string }) =>
		[r.source, r.target].sort().join() === 'putin,xi-jinping';
	const withBoth = (e: (typeof file.events)[number]) =>
		e.participants.some((p) => p.actor === 'putin') &&
		e.participants.some((p) => p.actor === 'xi-jinping');
	const xiPutin = file.events.filter(
		(e) => withBoth(e) && e.relations.some((r) => r.type === 'met' && betweenXiAndPutin(r))
	);
	/** How a summit both attended without a one-to-one meeting is marked, everywhere. */
	const CO_ATTENDANCE_LABEL = 'attended the same summit; no one-to-one meeting found';
	const coAttendances = file.events.filter((e) => e.tags.includes('co-attendance'));
	const encounters = [...xiPutin, ...coAttendances].sort((a, b) => a.start.localeCompare(b.start));

	it('has at least 60 events and 15 actors', () => {
		expect(file.events.length).toBeGreaterThanOrEqual(60);
		expect(file.actors.length).toBeGreaterThanOrEqual(15);
	});

	it('lists the Xi–Putin in-person meetings 2013–2024, each with a place and a source', () => {
		expect(xiPutin).toHaveLength(40);
		for (const e of encounters) {
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

	it('holds the 45 verified in-person encounters of Xi and Putin, year by year', () => {
		const byYear: Record<string, string[]> = {};
		for (const e of encounters) (byYear[e.start.slice(0, 4)] ??= []).push(e.start.slice(5));
		expect(byYear).toEqual({
			'2013': ['03-22', '03-27', '09-05', '09-13', '10-07'],
			'2014': ['02-06', '05-20', '07-14', '09-11', '11-09', '11-15'],
			'2015': ['05-08', '07-08', '09-03', '09-28', '11-15', '11-30'],
			'2016': ['06-23', '06-25', '09-04', '10-15', '11-19'],
			'2017': ['05-14', '06-08', '07-03', '07-07', '09-03', '11-10'],
			'2018': ['06-08', '07-26', '09-11', '11-30'],
			'2019': ['04-26', '06-05', '06-14', '06-15', '06-28', '11-13'],
			'2022': ['02-04', '09-15'],
			'2023': ['03-20', '10-17'],
			'2024': ['05-16', '07-03', '10-22']
		});
		expect(encounters).toHaveLength(45);
		expect(new Set(encounters.map((e) => e.id)).size).toBe(45);
	});

	it('five summits both attended without a one-to-one meeting, all marked the same way', () => {
		expect(coAttendances.map((e) => e.id)).toEqual([
			'xi-putin-2013-03-27-durban',
			'xi-putin-2013-09-13-bishkek',
			'xi-putin-2014-11-15-brisbane',
			'xi-putin-2015-09-28-new-york',
			'xi-putin-2017-07-07-hamburg'
		]);
		for (const e of coAttendances) {
			expect(withBoth(e), e.id).toBe(true);
			expect(e.kind, e.id).toBe('summit');
			expect(e.relations, e.id).toEqual([
				{
					type: 'other',
					source: 'putin',
					target: 'xi-jinping',
					directed: false,
					label: CO_ATTENDANCE_LABEL
				}
			]);
			expect(e.tags, e.id).toContain('multilateral');
			expect(e.tags, e.id).not.toContain('bilateral');
			expect(e.tags, e.id).not.toContain('xi-putin');
			expect(e.notes?.startsWith('Multilateral encounter only.'), e.id).toBe(true);
		}
		// And a meeting is never marked as one.
		for (const e of xiPutin) {
			expect(e.tags, e.id).toContain('xi-putin');
			expect(e.tags, e.id).not.toContain('co-attendance');
			expect(e.tags, e.id).not.toContain('multilateral');
		}
		const labelled = file.events.filter((e) =>
			e.relations.some((r) => r.label === CO_ATTENDANCE_LABEL)
		);
		expect(labelled.map((e) => e.id)).toEqual(coAttendances.map((e) => e.id));
	});

	it('the Kremlin records a Xi–Putin meeting at the Paris climate conference, 30 Nov 2015', () => {
		const paris = get('xi-putin-2015-11-30-paris');
		expect(paris).toMatchObject({
			start: '2015-11-30',
			kind: 'summit',
			place: { name: 'Paris', country: 'FR' }
		});
		expect(paris.tags).toEqual(expect.arrayContaining(['bilateral', 'xi-putin']));
		expect(paris.sources.some((s) => s.url?.includes('kremlin.ru'))).toBe(true);
		const brasilia = get('xi-putin-2019-11-13-brasilia');
		expect(brasilia).toMatchObject({
			start: '2019-11-13',
			place: { name: 'Brasília', country: 'BR' }
		});
		expect(brasilia.tags).toEqual(expect.arrayContaining(['brics', 'bilateral', 'xi-putin']));
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
