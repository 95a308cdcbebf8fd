import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeMessage as say } from '$lib/i18n';
import {
	comparePartialDates,
	endMs,
	formatDateRange,
	formatPartialDate,
	fromParts,
	parsePartialDate,
	formatYear,
	fromSignedYear,
	parseInstant,
	parseLooseDate,
	partialDateFromMs,
	precisionOf,
	startMs,
	toParts,
	toSignedYear,
	zoneOf,
	type PartialDate
} from '$lib/model/dates';

const d = (s: string): PartialDate => {
	const r = parsePartialDate(s);
	if (!r.ok) throw new Error(say(r.error));
	return r.value;
};
const utc = (y: number, m = 1, day = 1, h = 0, mi = 0) => Date.UTC(y, m - 1, day, h, mi);

describe('toParts', () => {
	it('reads each part at its place, at every precision, BCE years and zones included', () => {
		expect(toParts(d('-0299-03-04T05:06:07Z'))).toEqual({
			year: -299,
			month: 3,
			day: 4,
			hour: 5,
			minute: 6,
			second: 7
		});
		expect(toParts(d('2023-09-13T14:30'))).toEqual({
			year: 2023,
			month: 9,
			day: 13,
			hour: 14,
			minute: 30
		});
		expect(toParts(d('0044-03'))).toEqual({ year: 44, month: 3 });
		expect(toParts(d('9999'))).toEqual({ year: 9999 });
	});

	it('gives back the parts a date was written from', () => {
		const parts = fc.record(
			{
				year: fc.integer({ min: -9999, max: 9999 }),
				month: fc.integer({ min: 1, max: 12 }),
				day: fc.integer({ min: 1, max: 28 }),
				hour: fc.integer({ min: 0, max: 23 }),
				minute: fc.integer({ min: 0, max: 59 }),
				second: fc.integer({ min: 0, max: 59 })
			},
			{ requiredKeys: ['year'] }
		);
		fc.assert(
			fc.property(parts, fc.boolean(), (p, stated) => {
				// Only shapes a date can take: each part needs the coarser ones (a minute, the hour).
				const given = {
					year: p.year,
					...(p.month !== undefined ? { month: p.month } : {}),
					...(p.month !== undefined && p.day !== undefined ? { day: p.day } : {}),
					...(p.month !== undefined && p.day !== undefined && p.hour !== undefined
						? {
								hour: p.hour,
								minute: p.minute ?? 0,
								...(p.second !== undefined ? { second: p.second } : {})
							}
						: {})
				};
				const made = fromParts(given, stated ? 'utc' : 'unstated');
				if (!made.ok) return false;
				expect(toParts(made.value)).toEqual(given);
				return true;
			})
		);
	});
});

describe('parsePartialDate', () => {
	it('accepts each precision and reads the precision from the shape', () => {
		expect(precisionOf(d('2013'))).toBe('year');
		expect(precisionOf(d('2023-09'))).toBe('month');
		expect(precisionOf(d('2023-09-13'))).toBe('day');
		expect(precisionOf(d('2023-09-13T14:30Z'))).toBe('time');
		expect(precisionOf(d('2023-09-13T14:30:05Z'))).toBe('time');
	});

	it('trims surrounding space', () => {
		expect(d(' 2023-09 ')).toBe('2023-09');
	});

	it.each([
		['2023-13', '13 is not a month'],
		['2023-00', '0 is not a month'],
		['2023-02-29', '29 is not a day of February 2023 (it has 28 days)'],
		['2023-04-31', '31 is not a day of April 2023 (it has 30 days)'],
		['2023-09-13T24:00Z', '24 is not an hour'],
		['2023-09-13T12:60Z', '60 is not a minute']
	])('refuses %s: %s', (input, reason) => {
		const r = parsePartialDate(input);
		expect(r.ok ? '' : say(r.error)).toBe(`"${input}": ${reason}`);
	});

	it('accepts 29 February in a leap year', () => {
		expect(d('2024-02-29')).toBe('2024-02-29');
	});

	it.each(['-10000', '+10000', '10000', '12023-01', '-13800000000'])(
		'refuses %s as outside 10000 BCE to 9999, with one message whatever the year',
		(input) => {
			const r = parsePartialDate(input);
			expect(r.ok ? undefined : r.error).toEqual({
				code: 'date.yearOutOfRange',
				params: { min: -9999, max: 9999 }
			});
			if (!r.ok) expect(say(r.error)).toBe('year outside 10000 BCE to 9999');
		}
	);

	it('reads years before 1 as ISO 8601 does: 0000 is 1 BCE, -0299 is 300 BCE', () => {
		expect(d('0000')).toBe('0000');
		expect(d('-0299')).toBe('-0299');
		expect(d('-9999-03-15')).toBe('-9999-03-15');
		expect(precisionOf(d('-0299'))).toBe('year');
		expect(precisionOf(d('-0299-03'))).toBe('month');
		expect(precisionOf(d('-0299-03-15'))).toBe('day');
		expect(startMs(d('-0299'))).toBe(Date.parse('-000299-01-01T00:00:00Z'));
		expect(endMs(d('-0001'))).toBe(startMs(d('0000')));
		expect(endMs(d('0000'))).toBe(startMs(d('0001')));
	});

	it('refuses -0000, a second spelling of 0000', () => {
		expect(parsePartialDate('-0000').ok).toBe(false);
	});

	it('keeps a time given without a zone as given, and says so', () => {
		expect(d('2023-09-13T10:00')).toBe('2023-09-13T10:00');
		expect(zoneOf(d('2023-09-13T10:00'))).toBe('unstated');
		expect(zoneOf(d('2023-09-13T10:00Z'))).toBe('utc');
		expect(precisionOf(d('2023-09-13T10:00:05'))).toBe('time');
		// Placed as if UTC: the one position that needs no guess at the zone.
		expect(startMs(d('2023-09-13T10:00'))).toBe(utc(2023, 9, 13, 10));
	});

	it.each([
		'',
		'Sept 2023',
		'2023/09/13',
		'13-09-2023',
		'2023-9',
		'2023-09-13T14:30+02:00',
		'+2023'
	])('refuses the malformed %j with the shapes it accepts', (input) => {
		const r = parsePartialDate(input);
		expect(r.ok).toBe(false);
		if (!r.ok && input !== '') expect(say(r.error)).toContain('YYYY-MM-DD');
	});

	it('covers the first and the last supported year', () => {
		expect(startMs(d('0001'))).toBe(new Date('0001-01-01T00:00:00Z').getTime());
		expect(endMs(d('9999'))).toBe(new Date('+010000-01-01T00:00:00Z').getTime());
	});
});

describe('fromParts', () => {
	it('builds at the finest part given', () => {
		expect(fromParts({ year: 2023 })).toEqual({ ok: true, value: '2023' });
		expect(fromParts({ year: 2023, month: 9 })).toEqual({ ok: true, value: '2023-09' });
		expect(fromParts({ year: 5, month: 9, day: 3 })).toEqual({ ok: true, value: '0005-09-03' });
		expect(fromParts({ year: 2023, month: 9, day: 13, hour: 7, minute: 5 })).toEqual({
			ok: true,
			value: '2023-09-13T07:05Z'
		});
	});

	it('names the faulty part', () => {
		const refusal = (parts: Parameters<typeof fromParts>[0]) => {
			const r = fromParts(parts);
			return r.ok ? '' : say(r.error);
		};
		expect(refusal({ year: 2023, month: 13 })).toBe('13 is not a month');
		expect(refusal({ year: 2023, day: 3 })).toBe('a day or time needs a month');
		expect(refusal({ year: -10000 })).toBe('year outside 10000 BCE to 9999');
		expect(refusal({ year: -299, month: 2, day: 29 })).toBe(
			'29 is not a day of February 300 BCE (it has 28 days)'
		);
		expect(fromParts({ year: 2023, month: 13 })).toEqual({
			ok: false,
			error: { code: 'date.notAMonth', params: { value: 13 } }
		});
	});
});

describe('spans in UTC', () => {
	it('a year, a month and a day end where their precision ends', () => {
		expect([startMs(d('2013')), endMs(d('2013'))]).toEqual([utc(2013), utc(2014)]);
		expect([startMs(d('2023-09')), endMs(d('2023-09'))]).toEqual([utc(2023, 9), utc(2023, 10)]);
		expect([startMs(d('2023-12')), endMs(d('2023-12'))]).toEqual([utc(2023, 12), utc(2024, 1)]);
		expect([startMs(d('2023-09-13')), endMs(d('2023-09-13'))]).toEqual([
			utc(2023, 9, 13),
			utc(2023, 9, 14)
		]);
		expect(endMs(d('2023-09-13T14:30Z')) - startMs(d('2023-09-13T14:30Z'))).toBe(60_000);
	});

	it('years below 100 are not shifted to the 1900s', () => {
		expect(new Date(startMs(d('0033-04'))).getUTCFullYear()).toBe(33);
	});

	it('runs in a zone west of Greenwich, and a day stays that day', () => {
		expect(process.env.TZ).toBe('America/Los_Angeles');
		expect(new Date(utc(2023, 9, 13)).getDate()).toBe(12); // local time would slide
		expect(formatPartialDate(d('2023-09-13'), 'en-GB')).toBe('13 Sept 2023');
	});

	it('partialDateFromMs reads an instant back at a precision', () => {
		expect(partialDateFromMs(utc(2023, 9, 13, 23, 59), 'day')).toBe('2023-09-13');
		expect(partialDateFromMs(utc(2023, 9, 13, 23, 59), 'month')).toBe('2023-09');
	});
});

describe('ordering', () => {
	it('orders by first instant, the coarser span first at equal starts', () => {
		const dates = [
			'2023-09-13',
			'2023',
			'2013-03-22',
			'2023-09',
			'2023-09-13T10:00Z',
			'2022-12'
		].map(d);
		expect(dates.sort(comparePartialDates)).toEqual([
			'2013-03-22',
			'2022-12',
			'2023',
			'2023-09',
			'2023-09-13',
			'2023-09-13T10:00Z'
		]);
	});
});

describe('formatting at the precision the source gave', () => {
	it.each([
		['2013', '2013'],
		['2023-09', 'Sept 2023'],
		['2023-09-13', '13 Sept 2023'],
		['2023-09-13T14:30Z', '13 Sept 2023, 14:30 UTC'],
		['0033', '33']
	])('%s → %s', (input, expected) => {
		expect(formatPartialDate(d(input), 'en-GB')).toBe(expected);
	});

	// ICU puts thin spaces (U+2009) around the en dash of a range.
	it('formats ranges compactly', () => {
		expect(formatDateRange(d('2023-09-10'), d('2023-09-13'), 'en-GB')).toBe(
			'10\u2009–\u200913 Sept 2023'
		);
		expect(formatDateRange(d('2013-03-22'), d('2013-03-24'), 'en-GB')).toBe(
			'22\u2009–\u200924 Mar 2013'
		);
		expect(formatDateRange(d('2023-06-23'), d('2023-07-02'), 'en-GB')).toBe(
			'23 Jun\u2009–\u20092 Jul 2023'
		);
		expect(formatDateRange(d('2022'), d('2024'), 'en-GB')).toBe('2022\u2009–\u20092024');
		expect(formatDateRange(d('2022-10'), d('2024'), 'en-GB')).toBe('Oct 2022 – 2024');
		expect(formatDateRange(d('2023-09-13'), undefined, 'en-GB')).toBe('13 Sept 2023');
	});
});

describe('years before 1', () => {
	it.each([
		['-0299', '300 BCE'],
		['-3499', '3500 BCE'],
		['0000', '1 BCE'],
		['-9999', '10000 BCE'],
		['-0043-03', 'Mar 44 BCE'],
		['-0043-03-15', '15 Mar 44 BCE'],
		['-0043-03-15T10:00Z', '15 Mar 44 BCE, 10:00 UTC']
	])('%s reads %s in English', (input, expected) => {
		expect(formatPartialDate(d(input), 'en-GB')).toBe(expected);
	});

	it("reads in the locale's own era elsewhere", () => {
		expect(formatPartialDate(d('-0299'), 'es')).toBe('300 a. C.');
		expect(formatYear(-299, 'de')).toBe('300 v. Chr.');
	});

	it('a year alone, astronomical', () => {
		expect(formatYear(2023, 'en-GB')).toBe('2023');
		expect(formatYear(0, 'en-GB')).toBe('1 BCE');
		expect(formatYear(-299, 'en-GB')).toBe('300 BCE');
	});

	it('a range across or before year 1 names both eras', () => {
		expect(formatDateRange(d('-3499'), d('-0299'), 'en-GB')).toBe('3500 BCE – 300 BCE');
		expect(formatDateRange(d('-0030'), d('0014'), 'en-GB')).toBe('31 BCE – 14 CE');
	});

	it('orders ancient dates before modern ones', () => {
		const sorted = [d('2023'), d('-0299'), d('0000'), d('-3499'), d('0001')].sort(
			comparePartialDates
		);
		expect(sorted).toEqual(['-3499', '-0299', '0000', '0001', '2023']);
	});

	it('converts years counted without a year 0 (TimelineJS3, spreadsheets) both ways', () => {
		expect(fromSignedYear(-300)).toBe(-299);
		expect(fromSignedYear(-1)).toBe(0);
		expect(fromSignedYear(2023)).toBe(2023);
		expect(toSignedYear(-299)).toBe(-300);
		expect(toSignedYear(0)).toBe(-1);
		expect(toSignedYear(1)).toBe(1);
	});

	it('writes and reads window instants in ISO expanded form', () => {
		const ms = startMs(d('-0299'));
		expect(partialDateFromMs(ms, 'year')).toBe('-0299');
		expect(parseInstant('-000299-01-01T00:00:00.000Z')).toBe(ms);
		expect(parseInstant('-010000-01-01T00:00:00.000Z')).toBeUndefined();
	});
});

describe('a time given without a zone', () => {
	it('shows as given, with no zone name; a time in UTC keeps "UTC"', () => {
		expect(formatPartialDate(d('2023-09-13T10:00'), 'en-GB')).toBe('13 Sept 2023, 10:00');
		expect(formatPartialDate(d('2023-09-13T10:00:05'), 'en-GB')).toBe('13 Sept 2023, 10:00:05');
		expect(formatPartialDate(d('2023-09-13T10:00Z'), 'en-GB')).toBe('13 Sept 2023, 10:00 UTC');
		expect(formatDateRange(d('2023-09-13T10:00'), d('2023-09-13T12:00'), 'en-GB')).not.toContain(
			'UTC'
		);
	});
});

describe('dates other formats write', () => {
	it.each([
		['2023-09-13T10:00', '2023-09-13T10:00'],
		['2023-09-13 10:00:30', '2023-09-13T10:00:30'],
		['2023-09-13T10:00+02:00', '2023-09-13T08:00Z'],
		['2023-09-13T10:00Z', '2023-09-13T10:00Z'],
		['300 BCE', '-0299'],
		['44 BC', '-0043'],
		['AD 14', '0014'],
		['-0299-03-15', '-0299-03-15'],
		['-000299-01-01T00:00:00.000Z', '-0299-01-01T00:00:00Z']
	])('%s → %s', (input, expected) => {
		const r = parseLooseDate(input);
		expect(r.ok ? r.value : say(r.error)).toBe(expected);
	});

	it('refuses a cosmological year with the one range message', () => {
		const r = parseLooseDate('13800000000 BCE');
		expect(r.ok ? r.value : r.error.code).toBe('date.yearOutOfRange');
		const e = parseLooseDate('-013800-01-01T00:00:00Z');
		expect(e.ok ? e.value : e.error.code).toBe('date.yearOutOfRange');
	});
});

describe('a date moved by a drag keeps its precision', () => {
	const D = 86_400_000;
	const pd = (s: string) => s as PartialDate;
	it('moves days by whole days, months by whole months, years by whole years', async () => {
		const { shiftDate } = await import('$lib/model/shift');
		expect(shiftDate(pd('2023-09-13'), 2.4 * D)).toBe('2023-09-15');
		expect(shiftDate(pd('2023-09-13'), -13.6 * D)).toBe('2023-08-30');
		expect(shiftDate(pd('2023-09'), 40 * D)).toBe('2023-10');
		expect(shiftDate(pd('2023-11'), 75 * D)).toBe('2024-01');
		expect(shiftDate(pd('2023-01'), -20 * D)).toBe('2022-12');
		expect(shiftDate(pd('2023'), 200 * D)).toBe('2024');
		expect(shiftDate(pd('2023'), 100 * D)).toBe('2023');
		expect(shiftDate(pd('-0299'), -366 * D)).toBe('-0300');
	});

	it('moves a time by whole minutes, keeping its seconds and its zone, or its lack of one', async () => {
		const { shiftDate } = await import('$lib/model/shift');
		expect(shiftDate(pd('2023-09-13T10:00Z'), 90.4 * 60_000)).toBe('2023-09-13T11:30Z');
		expect(shiftDate(pd('2023-09-13T10:00:05Z'), 60_000)).toBe('2023-09-13T10:01:05Z');
		// A wall time the source gave without a zone does not gain one.
		expect(shiftDate(pd('2023-09-13T23:50'), 20 * 60_000)).toBe('2023-09-14T00:10');
	});
});
