import { describe, expect, it } from 'vitest';
import {
	actorIdsOf,
	actorsUsedBy,
	compareEvents,
	eventSpan,
	involves,
	overlaps
} from '$lib/model/events';
import type { ActorId } from '$lib/model/schema';
import { event } from '../helpers';

const utc = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);

describe('eventSpan', () => {
	it('a day event covers its day; a range covers through its last day', () => {
		expect(eventSpan(event({ id: 'a', start: '2023-09-13' }))).toEqual({
			start: utc(2023, 9, 13),
			end: utc(2023, 9, 14)
		});
		expect(eventSpan(event({ id: 'b', start: '2023-09-10', end: '2023-09-13' }))).toEqual({
			start: utc(2023, 9, 10),
			end: utc(2023, 9, 14)
		});
	});

	it('a month event covers all of its month, a year event all of its year', () => {
		expect(eventSpan(event({ id: 'm', start: '2023-09' }))).toEqual({
			start: utc(2023, 9),
			end: utc(2023, 10)
		});
		expect(eventSpan(event({ id: 'y', start: '2021' }))).toEqual({
			start: utc(2021),
			end: utc(2022)
		});
	});

	it('takes the earliest and latest bounds of an uncertain date, wider or narrower', () => {
		const wider = event({
			id: 'u',
			start: '2023-08',
			uncertainty: { earliest: '2023-07-27', latest: '2023-09' }
		});
		expect(eventSpan(wider)).toEqual({ start: utc(2023, 7, 27), end: utc(2023, 10) });
		const narrower = event({ id: 'n', start: '2022', uncertainty: { earliest: '2022-10' } });
		expect(eventSpan(narrower)).toEqual({ start: utc(2022, 10), end: utc(2023) });
	});
});

describe('overlaps (the event window)', () => {
	const september = { start: utc(2023, 9), end: utc(2023, 10) };
	const mid = { start: utc(2023, 9, 10), end: utc(2023, 9, 20) };

	it('a month-precision September event belongs to a window inside September', () => {
		expect(overlaps(eventSpan(event({ id: 'm', start: '2023-09' })), mid)).toBe(true);
	});

	it('a range that straddles the window edge belongs to it', () => {
		expect(
			overlaps(eventSpan(event({ id: 'r', start: '2023-08-30', end: '2023-09-02' })), september)
		).toBe(true);
	});

	it('windows are half-open: an event ending where the window starts is out', () => {
		expect(overlaps(eventSpan(event({ id: 'a', start: '2023-08-31' })), september)).toBe(false);
		expect(overlaps(eventSpan(event({ id: 'b', start: '2023-10-01' })), september)).toBe(false);
		expect(overlaps(eventSpan(event({ id: 'c', start: '2023-09-30' })), september)).toBe(true);
	});
});

describe('compareEvents and actorIdsOf', () => {
	it('orders by date, then title', () => {
		const list = [
			event({ id: '3', title: 'B', start: '2023-09-13' }),
			event({ id: '1', title: 'Z', start: '2013' }),
			event({ id: '2', title: 'A', start: '2023-09-13' })
		];
		expect(list.sort(compareEvents).map((e) => e.id)).toEqual(['1', '2', '3']);
	});

	it('orders by the span an event may cover: a year narrowed to its autumn comes after September', () => {
		const list = [
			event({ id: 'late', title: 'Late', start: '2022', uncertainty: { earliest: '2022-10' } }),
			event({ id: 'sept', title: 'Sept', start: '2022-09' }),
			event({ id: 'year', title: 'Year', start: '2022' })
		];
		expect(list.sort(compareEvents).map((e) => e.id)).toEqual(['year', 'sept', 'late']);
	});

	it('lists participants and relation ends once each', () => {
		const e = event({
			id: 'x',
			participants: [{ actor: 'putin' }, { actor: 'kim-jong-un' }],
			relations: [{ type: 'met', source: 'kim-jong-un', target: 'putin' }]
		});
		expect(actorIdsOf(e)).toEqual(['putin', 'kim-jong-un']);
	});

	it('tells an event involves an actor exactly when the actor is among its actors', () => {
		const e = event({
			id: 'x',
			participants: [{ actor: 'putin' }, { actor: 'north-korea' }, { actor: 'russia' }],
			relations: [{ type: 'supplied_weapons_to', source: 'north-korea', target: 'russia' }]
		});
		for (const actor of ['putin', 'north-korea', 'russia', 'xi-jinping', 'put'])
			expect(involves(e, actor as ActorId), actor).toBe(actorIdsOf(e).includes(actor as ActorId));
		expect(involves(e, 'russia' as ActorId)).toBe(true);
		expect(involves(e, 'xi-jinping' as ActorId)).toBe(false);
	});

	it('collects the actors a list of events uses, once each, in order of first appearance', () => {
		const events = [
			event({ id: 'a', participants: [{ actor: 'xi-jinping' }, { actor: 'putin' }] }),
			event({ id: 'b', participants: [{ actor: 'putin' }, { actor: 'kim-jong-un' }] }),
			event({ id: 'c' })
		];
		expect([...actorsUsedBy(events)]).toEqual(['xi-jinping', 'putin', 'kim-jong-un']);
		expect(actorsUsedBy([]).size).toBe(0);
	});
});
